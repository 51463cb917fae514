package dev.portico.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Refuses with 400 an address whose %-escapes, in its path or its query, are broken or do not spell UTF-8
 * ({@code /api/customers/%FF}, {@code ?name=%G1}): the client's
 * mistake, answered before the JSON API or Faces decode the path (RESTEasy would answer 400 as well, but log each such
 * request with a stack trace, which any signed-in client could repeat to flood the log).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class PathEncodingCheck extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (!wellEncoded(request.getRequestURI()) || !wellEncoded(request.getQueryString())) {
            String message = "The address is not valid: its %-escapes must spell UTF-8 text";
            request.setAttribute(ErrorResponder.MESSAGE, message); // what the error page (a problem document under /api) says
            response.sendError(400, message);
            return;
        }
        chain.doFilter(request, response);
    }

    /** An ASCII hex digit's value, or -1 (Character.digit would take other scripts' digits too). */
    private static int hex(char c) {
        return c < 0x80 ? Character.digit(c, 16) : -1;
    }

    /** Whether every %-escape of a raw path (or query) has two hex digits and the bytes they spell, with the rest, are UTF-8. */
    static boolean wellEncoded(String rawPath) {
        if (rawPath == null || rawPath.indexOf('%') < 0) {
            return true;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%') {
                int high = i + 2 < rawPath.length() ? hex(rawPath.charAt(i + 1)) : -1;
                int low = high < 0 ? -1 : hex(rawPath.charAt(i + 2));
                if (low < 0) {
                    return false;
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray())); // a new decoder reports, not replaces
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
