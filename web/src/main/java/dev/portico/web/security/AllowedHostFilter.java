package dev.portico.web.security;

import dev.portico.web.rest.Problem;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Answers 421 to a request addressed to a host name that is not configured (portico.http.allowedHosts),
 * as a page on a DNS-rebinding name sends it. The authentication mechanism does the same for protected
 * resources before looking any account up; this filter covers the unprotected ones (login page, resources).
 * Likewise for plain HTTP when HTTPS is required ({@link HttpsRequirement}).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class AllowedHostFilter extends HttpFilter {

    @Inject
    private WebSettings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (!settings.allowedHosts().allowsName(request.getServerName())) {
            misdirected(request, response);
            return;
        }
        if (settings.https().turnAway(request, response)) {
            return;
        }
        chain.doFilter(request, response);
    }

    /** Writes the 421 answer: JSON under {@code /api}, plain text elsewhere. */
    static void misdirected(HttpServletRequest request, HttpServletResponse response) {
        try {
            response.setStatus(421);
            response.setCharacterEncoding("UTF-8");
            String message = "This server does not answer to that host name; use one of portico.http.allowedHosts.";
            if (ApiPaths.isApi(request)) {
                response.setContentType(Problem.MEDIA_TYPE);
                response.getWriter().write(Problem.json(421, null, message, request.getRequestURI()));
            } else {
                response.setContentType("text/plain");
                response.getWriter().write(message);
            }
        } catch (IOException e) {
            // The client has gone.
        }
    }
}
