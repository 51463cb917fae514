package dev.portico.web.rest;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every API error as JSON {@code {"error": "..."}}: HTTP errors keep their status and the message the
 * application gave them (the framework's own messages become a plain sentence); JSON a client sent
 * that cannot be read is 400; anything else unexpected is logged once and answered 500 without
 * internals. A client's mistake is never logged.
 */
@Provider
public class ErrorResponses implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = Logger.getLogger(ErrorResponses.class.getName());

    @Override
    public Response toResponse(RuntimeException exception) {
        if (exception instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            if (status >= 500) {
                LOG.log(Level.SEVERE, "API request failed", exception);
            }
            Response response = json(status, ownMessage(web.getMessage()) ? web.getMessage() : sentence(status));
            web.getResponse().getHeaders().forEach((name, values) -> {
                if (name.equalsIgnoreCase("Allow")) {
                    values.forEach(v -> response.getHeaders().add(name, v));
                }
            });
            return response;
        }
        Throwable json = jsonCause(exception);
        if (json != null) {
            LOG.log(Level.FINE, "API request with unreadable JSON", exception);
            return json(400, "Malformed JSON: " + cut(json.getMessage()));
        }
        LOG.log(Level.SEVERE, "API request failed", exception);
        return json(500, "Server error occurred");
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

    private static String sentence(int status) {
        return switch (status) {
            case 400 -> "Bad request.";
            case 401 -> "Authentication required";
            case 403 -> "Not allowed: your account may not do this.";
            case 404 -> "Nothing here.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "This resource answers only with application/json.";
            case 413 -> "The request body is too large.";
            case 415 -> "Unsupported body type: send the Content-Type this resource takes (application/json or text/plain).";
            default -> status >= 500 ? "Server error occurred" : "Request failed (" + status + ").";
        };
    }

    private static String cut(String message) {
        String text = String.valueOf(message);
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    private static Response json(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Json.createObjectBuilder().add("error", message).build().toString()).build();
    }
}
