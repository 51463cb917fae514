package dev.portico.web.rest;

import dev.portico.web.security.WebSettings;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import java.net.URI;
import java.util.Set;

/**
 * Refuses changes requested by another site's page: a browser sends {@code Origin} with every
 * cross-site POST, PUT or DELETE, even the "simple" ones (text/plain bodies) that need no
 * preflight. Without this, any page the operator visits could import customers or trigger an
 * export through the operator's browser. Clients such as curl send no {@code Origin} and pass.
 * The origin must name one of the allowed hosts (portico.http.allowedHosts), not merely repeat the
 * request's {@code Host}: a page on a rebound DNS name would pass that comparison.
 */
@Provider
@PreMatching
public class CrossSiteRequestFilter implements ContainerRequestFilter {

    private static final Set<String> CHANGES = Set.of("POST", "PUT", "DELETE", "PATCH");

    @Inject
    private WebSettings settings;

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if (origin == null || !CHANGES.contains(request.getMethod()) || sameOrigin(origin, request.getUriInfo().getBaseUri())) {
            return;
        }
        request.abortWith(Problem.response(403, null, "cross-site requests may not change data",
                request.getUriInfo().getRequestUri().getRawPath()));
    }

    private boolean sameOrigin(String origin, URI base) {
        int port = base.getPort() != -1 ? base.getPort() : "https".equals(base.getScheme()) ? 443 : 80;
        return settings.allowedHosts().allowsOrigin(origin, base.getScheme(), port);
    }
}
