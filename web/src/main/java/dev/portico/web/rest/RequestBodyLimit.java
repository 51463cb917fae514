package dev.portico.web.rest;

import dev.portico.web.security.WebSettings;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Bounds every API request body: a data-file import by portico.http.maxImportBytes, any other body
 * by portico.http.maxJsonBytes. A declared length over the limit is refused (413) before reading; a
 * body without one (chunked) is refused as soon as it passes the limit.
 */
@Provider
public class RequestBodyLimit implements ContainerRequestFilter {

    @Inject
    private WebSettings settings;

    @Context
    private ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        boolean dataFile = resource.getResourceMethod() != null && resource.getResourceMethod().isAnnotationPresent(DataFileBody.class);
        long limit = dataFile ? settings.maxImportBytes() : settings.maxJsonBytes();
        String variable = dataFile ? "portico.http.maxImportBytes" : "portico.http.maxJsonBytes";
        if (request.getLength() > limit) {
            throw new BodyTooLarge(limit, variable);
        }
        request.setEntityStream(new LimitedInputStream(request.getEntityStream(), limit, variable));
    }
}
