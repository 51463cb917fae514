package dev.portico.web.rest;

import dev.portico.domain.featherbase.FeatherBaseRefusal;
import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** FeatherBase refusals as HTTP statuses: 404 not found, 409 name taken, 400 invalid, 403 not allowed. */
@Provider
public class RefusalResponses implements ExceptionMapper<FeatherBaseRefusal> {

    @Override
    public Response toResponse(FeatherBaseRefusal refusal) {
        int status = switch (refusal.reason()) {
            case NOT_FOUND -> 404;
            case EXISTS -> 409;
            case INVALID -> 400;
            case FORBIDDEN -> 403;
        };
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Json.createObjectBuilder().add("error", String.valueOf(refusal.getMessage())).build().toString()).build();
    }
}
