package dev.portico.web.console;

import dev.portico.application.DatabaseFailure;
import dev.portico.web.rest.ErrorResponses;
import dev.portico.web.security.PorticoAuthenticationMechanism;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.security.Principal;

/**
 * The login screen: name and password, checked by the web module's authentication mechanism; when the accounts
 * cannot be read (the database is unreachable) it says so, with 503, rather than that the login failed.
 */
@Named
@RequestScoped
public class LoginPage {

    /** What a failed login says, whatever the reason (unknown name, wrong password, too many attempts). */
    static final String FAILED = "Login failed.";

    @Inject
    private SecurityContext security;

    @Inject
    private FacesContext faces;

    private String username;
    private String password;

    public String login() {
        ExternalContext external = faces.getExternalContext();
        if (external.getUserPrincipal() != null) {
            // Signed in already (the page offers Log out instead of the form): Liberty keeps a session's first owner, so
            // another account signs in after logging out, in a session of its own.
            return "/index?faces-redirect=true";
        }
        AuthenticationStatus status = security.authenticate((HttpServletRequest) external.getRequest(), (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(username == null ? "" : username, new Password(password == null ? "" : password))));
        password = null;
        if (status == AuthenticationStatus.SUCCESS) {
            return "/index?faces-redirect=true";
        }
        if (status == AuthenticationStatus.SEND_CONTINUE) {
            faces.responseComplete();
            return null;
        }
        if (external.getRequestMap().get(PorticoAuthenticationMechanism.DATABASE_FAILED) instanceof DatabaseFailure.Kind kind) {
            // Not a refused login: the accounts could not be read.
            external.setResponseStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            external.setResponseHeader("Retry-After", String.valueOf(ErrorResponses.retryAfterSeconds(kind)));
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, ErrorResponses.failed(kind), null));
            return null;
        }
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, FAILED, null));
        return null;
    }

    /** The account this session is signed in as, or {@code null}: the login page then offers the console and Log out. */
    public String getSignedInAs() {
        Principal caller = faces.getExternalContext().getUserPrincipal();
        return caller == null ? null : caller.getName();
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
