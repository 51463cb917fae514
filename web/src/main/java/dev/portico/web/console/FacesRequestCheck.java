package dev.portico.web.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Base64;
import java.util.Locale;

/**
 * Answers 400 to console requests no browser sends, which Faces or the container would otherwise report
 * as server errors with a stack trace in the log (so anyone could flood it): an encoded slash, backslash
 * or NUL in the path; a form body that is not valid URL encoding; a view state token that is not Base64
 * as the state manager reads it ("stateless" included: the console has no transient views).
 */
@WebFilter(urlPatterns = "*.xhtml", asyncSupported = true)
public class FacesRequestCheck extends HttpFilter {

    static final String VIEW_STATE = "jakarta.faces.ViewState";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (!plainPath(request.getRequestURI())) {
            // Written here: the container cannot dispatch such a path to the error page either.
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("text/plain");
            response.getWriter().write("Bad request.");
            return;
        }
        if ("POST".equals(request.getMethod()) && !wellFormedPostback(request)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }

    /** A path without encoded separators or NUL, which the container refuses only once Faces reads it. */
    static boolean plainPath(String uri) {
        String lower = uri.toLowerCase(Locale.ROOT);
        return !lower.contains("%2f") && !lower.contains("%5c") && !lower.contains("%00");
    }

    private static boolean wellFormedPostback(HttpServletRequest request) throws IOException {
        if (request.getCharacterEncoding() == null) {
            request.setCharacterEncoding("UTF-8"); // as Faces would before reading the form: the console's pages are UTF-8
        }
        String token;
        try {
            token = request.getParameter(VIEW_STATE);
        } catch (IllegalArgumentException | IllegalStateException malformedBody) {
            return false;
        }
        return wellFormedViewState(token);
    }

    /** No token (not a postback) or one that decodes as the state manager decodes it. */
    static boolean wellFormedViewState(String token) {
        if (token == null) {
            return true;
        }
        try {
            Base64.getDecoder().decode(token);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
