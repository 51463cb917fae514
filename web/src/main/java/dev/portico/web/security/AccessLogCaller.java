package dev.portico.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Names the signed-in caller of an API call in the HTTP access log ({@code %u}). Liberty takes the user for the
 * log when the response is committed; an answer small enough to stay in the response buffer is committed only
 * after the request has left the application and its security context, so the log said {@code -}. Flushing the
 * answer here, while the caller is still set, commits it with the user (Liberty then sends it with a Content-Length
 * or chunked; HTTP/1.1 clients read both). Streamed answers and console pages commit while the caller is set anyway;
 * a request refused for its credentials (401) has no caller to name.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class AccessLogCaller extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        chain.doFilter(request, response);
        if (request.getRemoteUser() != null && !response.isCommitted() && !request.isAsyncStarted()) {
            response.flushBuffer();
        }
    }
}
