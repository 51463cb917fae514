package dev.portico.web.security;

import dev.portico.application.DatabaseAvailability;
import dev.portico.application.DatabaseFailure;
import dev.portico.web.rest.ErrorResponses;
import dev.portico.web.rest.Problem;
import jakarta.ejb.EJB;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The web module's error page: a status with a short sentence, as problem+json (RFC 9457) for the API and as a small
 * page for the console; never a stack trace. An exception that reaches it is logged once, unless the database failed
 * the request (unreachable, or a lost conflict): that is a 503 with Retry-After, and an outage is recorded (logged once).
 */
@WebServlet("/error")
public class ErrorResponder extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ErrorResponder.class.getName());
    /** A request attribute with the sentence to give instead of the status's usual one. */
    static final String MESSAGE = "dev.portico.errorMessage";
    /** A request attribute with the console page to lead back to (a path of this application). */
    static final String BACK = "dev.portico.errorBack";

    @EJB
    private DatabaseAvailability database;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        respond(request, response);
    }

    /** A link back to the page the request came from ({@link #BACK}), if it is one of this application's; else nothing. */
    static String back(HttpServletRequest request) {
        if (!(request.getAttribute(BACK) instanceof String path) || !path.startsWith(request.getContextPath() + "/")) {
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
        int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
        String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        Object error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        DatabaseFailure failure = error instanceof Throwable t ? DatabaseFailure.fromBean(t) : null;
        if (failure != null) {
            database.outage(failure);
            LOG.log(Level.FINE, failure, () -> "Request for " + uri + ": " + failure.getMessage());
            databaseFailed(request, response, failure.kind(), uri);
            return;
        }
        if (error instanceof Throwable t) {
            // A server error is logged once with its cause; a 4xx that came with an exception is the client's doing.
            LOG.log(status >= 500 ? Level.SEVERE : Level.FINE, "Request for " + uri + " failed", t);
        }
        String message = switch (status) {
            case 400 -> "Bad request.";
            case 403 -> "Not allowed: your account may not do this.";
            case 404 -> "Nothing here.";
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

    /** A request the database failed: 503 with Retry-After, saying what happened, that nothing was changed and when to retry. */
    static void databaseFailed(HttpServletRequest request, HttpServletResponse response, DatabaseFailure.Kind kind, String uri)
            throws IOException {
        response.setHeader("Retry-After", String.valueOf(ErrorResponses.retryAfterSeconds(kind)));
        write(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, Problem.DATABASE_FAILURE, ErrorResponses.failed(kind), uri);
    }

    /**
     * Answers {@code status} with {@code message}: problem+json of {@code type} (null: about:blank) for the API ({@code uri}
     * under /api/), else a small page.
     */
    static void write(HttpServletRequest request, HttpServletResponse response, int status, String type, String message, String uri)
            throws IOException {
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        if (uri.startsWith(request.getContextPath() + "/api/")) {
            response.setContentType(Problem.MEDIA_TYPE);
            response.getWriter().write(Problem.json(status, type, message, uri));
        } else {
            response.setContentType("text/html");
            response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>" + status
                    + " - Portico</title></head><body><h1>" + status + "</h1><p id=\"error-message\">" + message
                    + "</p><p>" + back(request) + "<a href=\"" + request.getContextPath() + "/\">Portico console</a></p></body></html>");
        }
    }
}
