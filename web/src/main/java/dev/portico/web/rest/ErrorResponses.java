package dev.portico.web.rest;

import jakarta.json.Json;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every API error as JSON {@code {"error": "..."}}: HTTP errors keep their status and message;
 * anything unexpected is logged once and answered 500 without internals.
 */
@Provider
public class ErrorResponses implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = Logger.getLogger(ErrorResponses.class.getName());

    @Override
    public Response toResponse(RuntimeException exception) {
        if (exception instanceof WebApplicationException web) {
            return json(web.getResponse().getStatus(), web.getMessage());
        }
        LOG.log(Level.SEVERE, "API request failed", exception);
        return json(500, "Server error occurred");
    }

    private static Response json(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Json.createObjectBuilder().add("error", message == null ? "" : message).build().toString()).build();
    }
}
