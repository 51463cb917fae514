package dev.portico.web.rest;

import jakarta.json.Json;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.net.URI;
import java.util.Objects;
import java.util.Set;

/**
 * Refuses changes requested by another site's page: a browser sends {@code Origin} with every
 * cross-site POST, PUT or DELETE, even the "simple" ones (text/plain bodies) that need no
 * preflight. Without this, any page the operator visits could import customers or trigger an
 * export through the operator's browser. Clients such as curl send no {@code Origin} and pass.
 */
@Provider
@PreMatching
public class CrossSiteRequestFilter implements ContainerRequestFilter {

    private static final Set<String> CHANGES = Set.of("POST", "PUT", "DELETE", "PATCH");

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if (origin == null || !CHANGES.contains(request.getMethod()) || sameOrigin(origin, request.getUriInfo().getBaseUri())) {
            return;
        }
        request.abortWith(Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON)
                .entity(Json.createObjectBuilder().add("error", "cross-site requests may not change data").build().toString()).build());
    }

    private static boolean sameOrigin(String origin, URI base) {
        try {
            URI o = URI.create(origin);
            return Objects.equals(o.getScheme(), base.getScheme()) && Objects.equals(o.getHost(), base.getHost()) && port(o) == port(base);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }
}
