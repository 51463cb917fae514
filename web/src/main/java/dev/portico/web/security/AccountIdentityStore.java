package dev.portico.web.security;

import dev.portico.application.ConsoleAccountService;
import dev.portico.domain.account.Role;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.Optional;
import java.util.Set;

/** Checks names and passwords against the console accounts; an account's role is its one group. */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @EJB
    private ConsoleAccountService accounts;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        Optional<Role> role = accounts.authenticate(login.getCaller(), login.getPasswordAsString());
        return role.map(r -> new CredentialValidationResult(login.getCaller(), Set.of(r.id())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
