package dev.portico.web.security;

import dev.portico.application.DatabaseAvailability;
import dev.portico.application.DatabaseFailure;
import dev.portico.web.rest.ErrorResponses;
import dev.portico.web.rest.Problem;
import jakarta.ejb.EJB;
import jakarta.faces.application.ViewExpiredException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.primefaces.application.exceptionhandler.ExceptionInfo;
import org.primefaces.csp.CspException;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The web module's error page: a status with a short sentence, as problem+json (RFC 9457) for the API and as a small
 * page for the console; never a stack trace. An exception that reaches it is logged once, unless the database failed
 * the request (unreachable, or a lost conflict): that is a 503 with Retry-After, and an outage is recorded (logged once).
 * A console request that is not ajax and met an exception comes here by PrimeFaces' redirect, its summary kept in the
 * session (see {@link #takeConsoleException}).
 */
@WebServlet("/error")
public class ErrorResponder extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ErrorResponder.class.getName());
    /** A request attribute with the sentence to give instead of the status's usual one. */
    static final String MESSAGE = "dev.portico.errorMessage";
    /** A request attribute with the console page to lead back to (a path of this application). */
    static final String BACK = "dev.portico.errorBack";
    /** What a 404 says. */
    static final String NOT_FOUND = "Nothing here.";

    @EJB
    private DatabaseAvailability database;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        respond(request, response);
    }

    /** A link back to the page the request came from ({@link #BACK}), if it is one of this application's; else nothing. */
    static String back(HttpServletRequest request) {
        if (!(request.getAttribute(BACK) instanceof String path) || !path.startsWith(request.getContextPath() + "/")
                || path.startsWith("//") || path.startsWith("/\\")) { // another host's address, were the context root "/"
            return "";
        }
        return "<a id=\"back\" href=\"" + attribute(path) + "\">Back</a> · ";
    }

    /** {@code text} for a quoted HTML or XML attribute value. */
    static String attribute(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
    }

    private void respond(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SecurityHeaders.apply(request, response);
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Optional<ExceptionInfo> console = code == null ? takeConsoleException(request) : Optional.empty();
        if (console.isPresent()) {
            answerConsoleException(request, response, console.get().getException());
            return;
        }
        int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
        String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        Object error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        DatabaseFailure failure = error instanceof Throwable t ? DatabaseFailure.fromBean(t) : null;
        if (failure != null) {
            answerDatabaseFailure(request, response, failure, uri);
            return;
        }
        if (error instanceof Throwable t) {
            // A server error is logged once with its cause; a 4xx that came with an exception is the client's doing.
            LOG.log(status >= 500 ? Level.SEVERE : Level.FINE, "Request for " + uri + " failed", t);
        }
        String message = switch (status) {
            case 400 -> "Bad request.";
            case 403 -> "Not allowed: your account may not do this.";
            case 404 -> NOT_FOUND;
            case 405 -> "This method is not allowed here.";
            case 411 -> "Send the request body with a Content-Length.";
            case 413 -> "The request body is too large (see portico.http.maxImportBytes).";
            case 500 -> "Server error occurred.";
            default -> "Request failed (" + status + ").";
        };
        if (request.getAttribute(MESSAGE) instanceof String own) {
            message = own;
        }
        write(request, response, status, null, message, uri);
    }

    /**
     * The summary of an exception PrimeFaces kept in the session before it redirected a console request that is not
     * ajax here (a button with {@code ajax="false"}, the import form, a page failing as it rendered), taken out so that
     * it is answered once (reloading the error page then finds none: 404); none when this is not such a redirect. One
     * per session: two tabs failing at once may each be answered with the later one's.
     */
    private static Optional<ExceptionInfo> takeConsoleException(HttpServletRequest request) {
        // Under ATTRIBUTE_NAME itself as long as the console has no client windows (web.xml: CLIENT_WINDOW_MODE none).
        try {
            // A signed-in session is open to its owner only: PorticoAuthenticationMechanism signs the owner in here.
            HttpSession session = request.getSession(false);
            Object kept = session == null ? null : session.getAttribute(ExceptionInfo.ATTRIBUTE_NAME);
            if (kept != null) {
                session.removeAttribute(ExceptionInfo.ATTRIBUTE_NAME);
            }
            return kept instanceof ExceptionInfo info ? Optional.of(info) : Optional.empty();
        } catch (RuntimeException unavailable) { // invalidated meanwhile, or not this visitor's
            LOG.log(Level.FINE, "No console exception to answer", unavailable);
            return Optional.empty();
        }
    }

    /**
     * A console request PrimeFaces redirected here after an exception (it logged it, unless web.xml names the type
     * as one not to log): a page whose state is no longer kept leads back to it, a database failure is a 503 as
     * anywhere else (and the outage is recorded), a request without the page's script nonce is the client's, anything
     * else is a server error. The page the request came from (the Referer, same origin only by the Referrer-Policy) is
     * the way back.
     */
    private void answerConsoleException(HttpServletRequest request, HttpServletResponse response, Throwable exception) throws IOException {
        String referer = request.getHeader("Referer");
        if (referer != null) {
            try {
                URI from = new URI(referer);
                request.setAttribute(BACK, from.getRawPath() + (from.getRawQuery() == null ? "" : "?" + from.getRawQuery()));
            } catch (URISyntaxException e) {
                LOG.log(Level.FINE, "No way back but the console's first page", e);
            }
        }
        String uri = request.getRequestURI();
        ConsoleException answer = ConsoleException.of(exception);
        if (answer.databaseFailure() != null) {
            answerDatabaseFailure(request, response, answer.databaseFailure(), uri);
        } else {
            write(request, response, answer.status(), null, answer.sentence(), uri);
        }
    }

    /** What the error page answers for an exception PrimeFaces kept (its root cause, past Faces' and EL's wrapping). */
    record ConsoleException(int status, String sentence, DatabaseFailure databaseFailure) {

        static final String EXPIRED = "This page had expired (it was opened too long ago, or too many pages after it); nothing was done. "
                + "Go back to load it again, then try again.";

        static ConsoleException of(Throwable exception) {
            if (exception instanceof ViewExpiredException) {
                return new ConsoleException(HttpServletResponse.SC_BAD_REQUEST, EXPIRED, null);
            }
            if (exception instanceof CspException) {
                return new ConsoleException(HttpServletResponse.SC_BAD_REQUEST, "Bad request.", null);
            }
            // Thrown by a bean, or the container's commit failing after it (an EJBException PrimeFaces does not unwrap).
            DatabaseFailure failure = exception == null ? null : DatabaseFailure.fromBean(exception);
            if (failure != null) {
                return new ConsoleException(HttpServletResponse.SC_SERVICE_UNAVAILABLE, ErrorResponses.failed(failure.kind()), failure);
            }
            return new ConsoleException(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "Server error occurred.", null);
        }
    }

    /** A request the database failed, as the error page learnt of it: the outage recorded (logged once), the failure at FINE, the 503. */
    private void answerDatabaseFailure(HttpServletRequest request, HttpServletResponse response, DatabaseFailure failure, String uri)
            throws IOException {
        database.outage(failure);
        LOG.log(Level.FINE, failure, () -> "Request for " + uri + ": " + failure.getMessage());
        databaseFailed(request, response, failure.kind(), uri);
    }

    /** A request the database failed: 503 with Retry-After, saying what happened, that nothing was changed and when to retry. */
    static void databaseFailed(HttpServletRequest request, HttpServletResponse response, DatabaseFailure.Kind kind, String uri)
            throws IOException {
        response.setHeader("Retry-After", String.valueOf(ErrorResponses.retryAfterSeconds(kind)));
        write(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, Problem.DATABASE_FAILURE, ErrorResponses.failed(kind), uri);
    }

    /**
     * Answers a request a filter refuses, without Liberty's sendError (which reads the request's locale, and so its
     * Accept-Language, and dispatches here later): the error page's headers and body, flushed while the caller is set so
     * that the access log names them (see {@link AccessLogCaller}).
     */
    static void answerNow(HttpServletRequest request, HttpServletResponse response, int status, String message) throws IOException {
        SecurityHeaders.apply(request, response);
        write(request, response, status, null, message, request.getRequestURI());
        response.flushBuffer();
    }

    /**
     * Answers {@code status} with {@code message}: problem+json of {@code type} (null: about:blank) for the API ({@code uri}
     * under /api/), else a small page.
     */

    static void write(HttpServletRequest request, HttpServletResponse response, int status, String type, String message, String uri)
            throws IOException {
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        String body;
        if (uri.startsWith(request.getContextPath() + "/api/")) {
            response.setContentType(Problem.MEDIA_TYPE);
            body = Problem.json(status, type, message, uri);
        } else {
            response.setContentType("text/html");
            body = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>" + status
                    + " - Portico</title></head><body><h1>" + status + "</h1><p id=\"error-message\">" + message
                    + "</p><p>" + back(request) + "<a href=\"" + request.getContextPath() + "/\">Portico console</a></p></body></html>";
        }
        try {
            response.getWriter().write(body);
        } catch (IllegalStateException streamTaken) {
            // the failed request had begun a byte stream (a download, a streamed list): the answer goes the same way
            response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        }
    }
}
