package dev.portico.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The headers every response of the web module carries: no sniffing, no referrer leaving the site, no
 * framing by other sites, and a Content-Security-Policy that allows only this site's resources.
 * PrimeFaces adds its own per-response nonce policy for scripts (web.xml: primefaces.CSP); a browser
 * enforces both, so scripts must be this site's files or carry the nonce.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders extends HttpFilter {

    static final String PAGE_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self';"
            + " form-action 'self'; frame-ancestors 'none'";
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        apply(request, response);
        chain.doFilter(request, response);
    }

    /**
     * Sets the headers on a response; the authentication mechanism calls it too, since it runs before
     * any filter and answers some requests itself (401, the redirect to the login page, 421).
     */
    static void apply(HttpServletRequest request, HttpServletResponse response) {
        String path = request.getServletPath();
        boolean api = ApiPaths.isApi(request);
        response.setHeader("Content-Security-Policy", api ? API_POLICY : PAGE_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        if (!path.startsWith("/jakarta.faces.resource/")) {
            response.setHeader("Cache-Control", "no-store");
        }
    }
}
