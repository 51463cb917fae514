package dev.portico.web.security;

import dev.portico.application.ConsoleAccountService;
import dev.portico.application.ConsoleAccountService.SignedIn;
import dev.portico.application.DatabaseAvailability;
import dev.portico.application.DatabaseFailure;
import dev.portico.domain.account.Role;
import dev.portico.web.rest.Problem;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The web module's one authentication mechanism (Liberty allows one per module), serving both channels:
 * <ul>
 * <li>the console: the login page calls {@code SecurityContext.authenticate} with the form's name and
 *     password; the signed-in name is kept in the HTTP session (whose id changes at login), and its role
 *     is read afresh on every request, so a role change or a deleted account takes effect at once;
 *     protected pages without a session are sent to the login page; on the login and error pages (open to all) a
 *     session's owner is signed in too, as Liberty opens a signed-in session to its owner only;</li>
 * <li>the JSON API ({@code /api/*}): HTTP Basic on every request, no session; without credentials or
 *     with wrong ones the answer is {@code 401} with {@code WWW-Authenticate: Basic}.</li>
 * </ul>
 * Failed attempts slow down, counted alike by every server on the database ({@link ConsoleAccountService#authenticate});
 * a failure never says why. While the accounts cannot be read
 * (the database is unreachable) the answer is 503 with Retry-After, not a refused login, and the outage is recorded.
 */
@ApplicationScoped
public class PorticoAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(PorticoAuthenticationMechanism.class.getName());

    /** Where Faces serves the pages' scripts, styles and images (open to all, as the login page needs them: web.xml). */
    private static final String RESOURCES = "/jakarta.faces.resource/";

    /** The session attribute holding the signed-in account's name. */
    static final String SESSION_CALLER = "dev.portico.caller";
    /** The session attribute holding the stamp of the account's password at sign-in (see {@link ConsoleAccountService#signedIn}). */
    private static final String SESSION_PASSWORD_STAMP = "dev.portico.passwordStamp";
    /** A request attribute: this request's session was ended because its account was deleted or its password changed. */
    private static final String SESSION_ENDED = "dev.portico.sessionEnded";
    static final String LOGIN_PAGE = "/login.xhtml";
    /** A request attribute: the {@link DatabaseFailure.Kind} that kept a login form's sign-in from being checked. */
    public static final String DATABASE_FAILED = "dev.portico.databaseFailed";

    @EJB
    private ConsoleAccountService accounts;

    @Inject
    private WebSettings settings;

    @EJB
    private DatabaseAvailability database;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        try {
            return validate(request, response, context);
        } catch (RuntimeException e) {
            // The database's failure, also one of the account service's commit (a lost conflict, e.g. a Galera
            // certification failure while counting a failed login), which reaches here as an EJBException.
            DatabaseFailure failure = DatabaseFailure.fromBean(e);
            if (failure == null) {
                throw e;
            }
            return databaseFailed(failure, request, response, context);
        }
    }

    private AuthenticationStatus validate(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        SecurityHeaders.apply(request, response);
        if (!settings.allowedHosts().allowsName(request.getServerName())) {
            // A DNS-rebinding page: 421 before any account lookup (unprotected resources: AllowedHostFilter answers).
            if (!context.isProtected()) {
                return context.doNothing();
            }
            AllowedHostFilter.misdirected(request, response);
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (context.isProtected() && settings.https().turnAway(request, response)) {
            return AuthenticationStatus.SEND_FAILURE; // plain HTTP while HTTPS is required: before any account lookup
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(authorization.substring(6).trim(), request, response, context);
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (context.isAuthenticationRequest() && credential instanceof UsernamePasswordCredential login) {
            return formLogin(login, request, context);
        }
        if (!context.isProtected()) {
            if (request.getServletPath().startsWith(RESOURCES)) {
                return context.doNothing(); // scripts, styles and images: no account lookup for them
            }
            // The login and error pages: a signed-in session is open to its owner only (Liberty refuses anyone else, with
            // an error in the log, when Faces keeps the page's state there or the error page reads what PrimeFaces kept).
            return fromSession(request, context).orElseGet(context::doNothing);
        }
        return fromSession(request, context)
                .orElseGet(() -> ApiPaths.isApi(request) ? unauthorized(response, context) : toLoginPage(request, response, context));
    }

    private AuthenticationStatus basic(String encoded, HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return unauthorized(response, context);
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return unauthorized(response, context);
        }
        CredentialValidationResult result = check(new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1)), request);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return unauthorized(response, context);
        }
        return context.notifyContainerAboutLogin(result);
    }

    private AuthenticationStatus formLogin(UsernamePasswordCredential login, HttpServletRequest request, HttpMessageContext context) {
        Optional<SignedIn> account = accounts.authenticate(login.getCaller(), login.getPasswordAsString(), request.getRemoteAddr());
        if (account.isEmpty()) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        request.getSession(true); // anonymous until now: LoginPage signs no one in over a signed-in session
        request.changeSessionId(); // no session fixation: a login always gets a new session id
        request.getSession().setAttribute(SESSION_CALLER, login.getCaller());
        request.getSession().setAttribute(SESSION_PASSWORD_STAMP, account.get().passwordStamp());
        return context.notifyContainerAboutLogin(login.getCaller(), Set.of(account.get().role().id()));
    }

    /**
     * The session's caller with the account's current role; the session is dropped when the account is gone or its
     * password was changed since the session signed in (by an admin, through any server: the stamp is the database's).
     */
    private Optional<AuthenticationStatus> fromSession(HttpServletRequest request, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        Object caller = session == null ? null : session.getAttribute(SESSION_CALLER);
        if (!(caller instanceof String name)) {
            return Optional.empty();
        }
        Optional<SignedIn> account = accounts.signedIn(name);
        if (account.isEmpty() || !account.get().passwordStamp().equals(session.getAttribute(SESSION_PASSWORD_STAMP))) {
            session.invalidate();
            request.setAttribute(SESSION_ENDED, Boolean.TRUE); // the login page says why
            return Optional.empty();
        }
        return Optional.of(context.notifyContainerAboutLogin(name, Set.of(account.get().role().id())));
    }

    /**
     * After an account's password was changed in this request, to the one of {@code stamp}: a session signed in as that
     * account stays signed in (the one who changed their own password), where the account's other sessions end at their
     * next request.
     */
    public void passwordChanged(HttpServletRequest request, String name, String stamp) {
        HttpSession session = request.getSession(false);
        if (session != null && name.equals(session.getAttribute(SESSION_CALLER))) {
            session.setAttribute(SESSION_PASSWORD_STAMP, stamp);
        }
    }

    /** The name and password checked against the console accounts (failures slow down: see the account service). */
    private CredentialValidationResult check(UsernamePasswordCredential login, HttpServletRequest request) {
        return accounts.authenticate(login.getCaller(), login.getPasswordAsString(), request.getRemoteAddr())
                .map(account -> new CredentialValidationResult(login.getCaller(), Set.of(account.role().id())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }

    /**
     * The accounts could not be read: 503 with Retry-After (problem+json for the API, the error page's words for the
     * console); a console ajax request is sent to load its page again, which then gets that page.
     */
    private AuthenticationStatus databaseFailed(DatabaseFailure failure, HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        database.outage(failure);
        LOG.log(Level.FINE, failure, () -> "Authenticating a request for " + request.getRequestURI() + ": " + failure.getMessage());
        if (context.isAuthenticationRequest()) {
            // The login form: its page says it, instead of "Login failed." (LoginPage).
            request.setAttribute(DATABASE_FAILED, failure.kind());
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (isFacesAjax(request)) {
            // A console button: the page itself, loaded again, says what happened.
            String query = request.getQueryString();
            partialRedirect(response, request.getRequestURI() + (query == null ? "" : "?" + query));
            return AuthenticationStatus.SEND_FAILURE;
        }
        try {
            ErrorResponder.databaseFailed(request, response, failure.kind(), request.getRequestURI());
        } catch (IOException e) {
            // The client has gone: nothing to tell it.
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, HttpMessageContext context) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Portico\", charset=\"UTF-8\"");
        try {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(Problem.json(401, null, "Authentication required: sign in with HTTP Basic (a console account)",
                    context.getRequest().getRequestURI()));
        } catch (IOException e) {
            // The client has gone: nothing to tell it.
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /**
     * Pages go to the login page (saying so when the session was just ended for its account's sake); an ajax request
     * from an expired page gets a Faces partial-response redirect.
     */
    private static AuthenticationStatus toLoginPage(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String login = request.getContextPath() + LOGIN_PAGE + (request.getAttribute(SESSION_ENDED) != null ? "?ended=account" : "");
        if (isFacesAjax(request)) {
            partialRedirect(response, login);
            return AuthenticationStatus.SEND_CONTINUE;
        }
        return context.redirect(login);
    }

    private static boolean isFacesAjax(HttpServletRequest request) {
        return "partial/ajax".equals(request.getHeader("Faces-Request"));
    }

    /** A Faces partial response that sends the browser to {@code url} (a path of this application). */
    private static void partialRedirect(HttpServletResponse response, String url) {
        try {
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + ErrorResponder.attribute(url) + "\"/></partial-response>");
        } catch (IOException e) {
            // The client has gone.
        }
    }
}
