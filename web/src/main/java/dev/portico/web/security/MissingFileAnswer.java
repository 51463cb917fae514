package dev.portico.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;

import java.io.IOException;
import java.net.MalformedURLException;

/**
 * Answers 404 itself for an address that no servlet serves and no file of the web module is: left to Liberty's file
 * serving, each such request (a mistyped address, a scanner's guesses) logged a warning, SRVE0190E, and an FFDC
 * incident. The answer is the error page's own sentence. (Under {@code /api} every address reaches the JSON API, which
 * answers its own 404.)
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class MissingFileAnswer extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (request.getHttpServletMapping().getMappingMatch() == MappingMatch.DEFAULT && !exists(request)) {
            ErrorResponder.answerNow(request, response, 404, ErrorResponder.NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean exists(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        try {
            return getServletContext().getResource(path.isEmpty() ? "/" : path) != null;
        } catch (MalformedURLException e) {
            return false;
        }
    }
}
