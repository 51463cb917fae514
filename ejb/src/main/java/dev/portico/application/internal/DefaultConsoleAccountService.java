package dev.portico.application.internal;

import dev.portico.application.ConsoleAccountService;
import dev.portico.domain.account.AccountRefusal;
import dev.portico.domain.account.AccountRefusal.Reason;
import dev.portico.domain.account.ConsoleAccount;
import dev.portico.domain.account.ConsoleAccountRepository;
import dev.portico.domain.account.Role;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/** Console accounts on JPA, one container-managed transaction per call. */
@Stateless
public class DefaultConsoleAccountService implements ConsoleAccountService {

    private static final Logger LOG = Logger.getLogger(DefaultConsoleAccountService.class.getName());
    static final String FIRST_ADMIN = "admin";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ConsoleAccount ABSENT_ACCOUNT = absentAccount();

    @Inject
    private ConsoleAccountRepository accounts;

    @Inject
    private VerifiedPasswords verified;

    @Inject
    private LoginThrottles throttles;

    @Override
    public Optional<SignedIn> authenticate(String name, String password, String clientAddress) {
        if (name == null || password == null) {
            return Optional.empty();
        }
        return throttles.console().guard(name, clientAddress, () -> checked(name, password));
    }

    private Optional<SignedIn> checked(String name, String password) {
        Optional<ConsoleAccount> account = accounts.find(name);
        if (account.isEmpty()) {
            ABSENT_ACCOUNT.passwordMatches(password); // as slow as a real check: timing tells no names
            return Optional.empty();
        }
        String key = account.get().verifiedKey(password);
        if (!verified.contains(key)) {
            if (!account.get().passwordMatches(password)) {
                return Optional.empty();
            }
            verified.add(key);
        }
        return Optional.of(signedIn(account.get()));
    }

    private static SignedIn signedIn(ConsoleAccount account) {
        return new SignedIn(account.role(), account.passwordStamp());
    }

    @Override
    public Optional<SignedIn> signedIn(String name) {
        return accounts.find(name).map(DefaultConsoleAccountService::signedIn);
    }

    @Override
    public List<AccountView> accounts() {
        return accounts.findAll().stream().map(a -> new AccountView(a.name(), a.role())).toList();
    }

    @Override
    public void create(String name, String password, Role role) throws AccountRefusal {
        accounts.store(new ConsoleAccount(name, password, role));
        LOG.info(() -> "Console account " + name + " created with role " + role.id());
    }

    @Override
    public String changePassword(String name, String password) throws AccountRefusal {
        ConsoleAccount account = existing(name);
        account.changePassword(password);
        LOG.info(() -> "Console account " + name + ": password changed");
        return account.passwordStamp();
    }

    @Override
    public void changeRole(String name, Role role) throws AccountRefusal {
        ConsoleAccount.checkedRole(role);
        ConsoleAccount account = existing(name);
        if (account.role() == Role.ADMIN && role != Role.ADMIN) {
            requireAnotherAdmin();
        }
        account.changeRole(role);
        LOG.info(() -> "Console account " + name + " now has role " + role.id());
    }

    @Override
    public void delete(String name) throws AccountRefusal {
        ConsoleAccount account = existing(name);
        if (account.role() == Role.ADMIN) {
            requireAnotherAdmin();
        }
        accounts.remove(account);
        LOG.info(() -> "Console account " + name + " deleted");
    }

    @Override
    public Optional<String> createFirstAdmin(String configuredPassword) throws AccountRefusal {
        if (accounts.countWithRole(Role.ADMIN) > 0) {
            return Optional.empty();
        }
        boolean generate = configuredPassword == null || configuredPassword.isEmpty();
        String password = generate ? generatedPassword() : configuredPassword;
        Optional<ConsoleAccount> existing = accounts.find(FIRST_ADMIN);
        if (existing.isPresent()) {
            existing.get().changePassword(password);
            existing.get().changeRole(Role.ADMIN);
        } else {
            accounts.store(new ConsoleAccount(FIRST_ADMIN, password, Role.ADMIN));
        }
        return generate ? Optional.of(password) : Optional.empty();
    }

    private static ConsoleAccount absentAccount() {
        try {
            return new ConsoleAccount("absent", generatedPassword(), Role.VIEWER);
        } catch (AccountRefusal e) {
            throw new IllegalStateException(e);
        }
    }

    /** 18 random bytes as 24 URL-safe characters. */
    private static String generatedPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void requireAnotherAdmin() throws AccountRefusal {
        if (accounts.countWithRole(Role.ADMIN) <= 1) {
            throw new AccountRefusal(Reason.LAST_ADMIN, "The last admin cannot be removed or made a viewer");
        }
    }

    private ConsoleAccount existing(String name) throws AccountRefusal {
        return accounts.find(name).orElseThrow(() -> new AccountRefusal(Reason.NOT_FOUND, "No account named " + name));
    }
}
