package dev.portico.web.rest;

import dev.portico.application.DatabaseAvailability;
import dev.portico.application.DatabaseFailure;
import dev.portico.domain.customer.CustomerNotFoundException;
import dev.portico.domain.customer.DuplicateCustomerException;
import dev.portico.domain.customer.InvalidCustomerException;
import dev.portico.domain.featherbase.FeatherBaseRefusal;
import dev.portico.domain.rental.InvalidRentalException;
import jakarta.ejb.EJB;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every API error as {@code application/problem+json} ({@link Problem}), the one mapper for the API:
 * HTTP errors keep their status and the message the application gave them (the framework's own
 * messages become the status's title); the services' expected refusals map to 404 (missing), 409
 * (name taken), 422 (a rule of the data broken) and 403; JSON a client sent that cannot be read is
 * 400; a database that is unreachable or a transaction that lost a conflict is 503 with Retry-After (an
 * outage is recorded, and so logged once when it begins); anything else is logged once and answered 500
 * without internals. A client's mistake is never logged above FINE.
 */
@Provider
public class ErrorResponses implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(ErrorResponses.class.getName());

    @Context
    private UriInfo uri;

    @EJB
    private DatabaseAvailability database;

    @Override
    public Response toResponse(Exception exception) {
        if (exception instanceof WebApplicationException web) {
            return httpError(web);
        }
        if (exception instanceof CustomerNotFoundException) {
            return problem(404, null, exception.getMessage());
        }
        if (exception instanceof DuplicateCustomerException) {
            return problem(409, Problem.DUPLICATE, exception.getMessage());
        }
        if (exception instanceof InvalidCustomerException || exception instanceof InvalidRentalException) {
            return problem(422, Problem.RULE_VIOLATION, exception.getMessage());
        }
        if (exception instanceof FeatherBaseRefusal refusal) {
            return switch (refusal.reason()) {
                case NOT_FOUND -> problem(404, null, refusal.getMessage());
                case EXISTS -> problem(409, Problem.DUPLICATE, refusal.getMessage());
                case INVALID -> problem(422, Problem.RULE_VIOLATION, refusal.getMessage());
                case FORBIDDEN -> problem(403, null, refusal.getMessage());
            };
        }
        Throwable json = jsonCause(exception);
        if (json != null) {
            LOG.log(Level.FINE, "API request with unreadable JSON", exception);
            return problem(400, null, "Malformed JSON: " + cut(json.getMessage()));
        }
        DatabaseFailure failure = DatabaseFailure.fromBean(exception);
        if (failure != null) {
            database.outage(failure);
            LOG.log(Level.FINE, exception, () -> "API request " + path() + ": " + failure.getMessage());
            return unavailable(Response.status(503).type(Problem.MEDIA_TYPE).entity(Problem.json(503, Problem.DATABASE_FAILURE,
                    failed(failure.kind()), path())), failure.kind());
        }
        LOG.log(Level.SEVERE, "API request " + path() + " failed", exception);
        return problem(500, null, "Server error occurred");
    }

    /** What a request the database failed is told: what happened, that nothing was changed, and when to retry. */
    public static String failed(DatabaseFailure.Kind kind) {
        String sentence = kind.sentence();
        return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1) + "; nothing was changed. Retry "
                + (kind == DatabaseFailure.Kind.UNREACHABLE ? "in a few seconds." : "it.");
    }

    /** {@code response} (a 503) with the seconds a client should wait before retrying ({@link #retryAfterSeconds}). */
    static Response unavailable(Response.ResponseBuilder response, DatabaseFailure.Kind kind) {
        return response.header("Retry-After", retryAfterSeconds(kind)).build();
    }

    /** The Retry-After of a 503 for a request the database failed: an unreachable database is tried every second. */
    public static int retryAfterSeconds(DatabaseFailure.Kind kind) {
        return kind == DatabaseFailure.Kind.UNREACHABLE ? 5 : 1;
    }

    private Response httpError(WebApplicationException web) {
        int status = web.getResponse().getStatus();
        if (status >= 500) {
            LOG.log(Level.SEVERE, "API request " + path() + " failed", web);
        }
        String type = status == 412 ? Problem.STALE : null;
        String said = switch (status) {
            case 415 -> unsupportedBody(path());
            case 406 -> notAcceptable(path());
            default -> sentence(status);
        };
        Response response = problem(status, type, ownMessage(web.getMessage()) ? web.getMessage() : said);
        web.getResponse().getHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase("Allow") || name.equalsIgnoreCase("ETag")) {
                values.forEach(v -> response.getHeaders().add(name, v));
            }
        });
        return response;
    }

    private Response problem(int status, String type, String detail) {
        return Problem.response(status, type, detail, path());
    }

    private String path() {
        try {
            return uri.getRequestUri().getRawPath();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A JSON-P or JSON-B failure in the exception's causes (what a malformed body produces), or {@code null}. */
    private static Throwable jsonCause(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonException || t instanceof JsonbException) {
                return t;
            }
        }
        return null;
    }

    /** The framework's messages ("RESTEASY003210: ...", "HTTP 404 Not Found") name internals or say nothing. */
    private static boolean ownMessage(String message) {
        return message != null && !message.isBlank() && !message.startsWith("RESTEASY") && !message.startsWith("HTTP ");
    }

    /** The 415 for a body of a type the resource does not take: the one it takes (the data file import's, or JSON). */
    static String unsupportedBody(String path) {
        return "Unsupported body type: send " + (path != null && path.endsWith("/customers/import") ? "text/plain (a data file)" : "application/json") + ".";
    }

    /** The 406 for an Accept header the resource cannot satisfy: what it answers with (the two listings: CSV too). */
    static String notAcceptable(String path) {
        boolean csvToo = path != null && (path.endsWith("/api/customers") || path.endsWith("/api/rentals"));
        return "This resource answers only with application/json" + (csvToo ? " or text/csv." : ".");
    }

    static String sentence(int status) {
        return switch (status) {
            case 400 -> "Bad request.";
            case 401 -> "Authentication required";
            case 403 -> "Not allowed: your account may not do this.";
            case 404 -> "Nothing here.";
            case 405 -> "This method is not allowed here.";
            case 412 -> "The resource changed since you read it: read it again (its ETag) and retry.";
            case 413 -> "The request body is too large.";
            default -> status >= 500 ? "Server error occurred" : "Request failed (" + status + ").";
        };
    }

    /** A message, or a name from the request, cut to 200 characters for a problem's detail. */
    static String cut(String message) {
        String text = String.valueOf(message);
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
