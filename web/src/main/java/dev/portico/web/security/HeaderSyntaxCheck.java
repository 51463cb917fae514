package dev.portico.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.util.Enumeration;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Refuses with 400 a request whose Accept-Language (anywhere), or Accept or Content-Type (under {@code /api}), cannot be
 * read: the client's mistake, answered before Liberty, RESTEasy or Faces read the header. Left to them, a q-value that
 * is no number ({@code Accept: text/html;q=abc}) was a 500 logged as a server error, an Accept-Language one an FFDC
 * incident, and an unreadable media type a warning with a stack trace, each repeatable by any client. Media types are
 * read by the JAX-RS runtime's own parser, and Accept split at every comma as it splits it, so that what passes here
 * passes there.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class HeaderSyntaxCheck extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        String refusal = refusal(request);
        if (refusal != null) {
            ErrorResponder.answerNow(request, response, 400, refusal); // not sendError, which reads Accept-Language
            return;
        }
        chain.doFilter(request, response);
    }

    /** What is wrong with the request's headers, or null. */
    private static String refusal(HttpServletRequest request) {
        if (!every(request.getHeaders("Accept-Language"), HeaderSyntaxCheck::languageRange)) {
            return "The Accept-Language header cannot be read: write languages with q-values from 0 to 1, such as en-GB, en;q=0.8.";
        }
        if (!ApiPaths.isApi(request)) {
            return null;
        }
        if (!every(request.getHeaders("Accept"), HeaderSyntaxCheck::mediaRange)) {
            return "The Accept header cannot be read: write media types with q-values from 0 to 1, such as application/json, text/csv;q=0.5.";
        }
        String contentType = request.getContentType();
        if (contentType != null && !mediaType(contentType)) {
            return "The Content-Type header cannot be read: write a media type, such as application/json.";
        }
        return null;
    }

    /** Whether each comma-separated element of each of the header's values is blank or passes {@code element}. */
    static boolean every(Enumeration<String> values, Predicate<String> element) {
        while (values != null && values.hasMoreElements()) {
            for (String part : values.nextElement().split(",", -1)) {
                if (!part.isBlank() && !element.test(part.strip())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** An Accept-Language element: a language range whose parameters, if any, include no q that is not a number. */
    static boolean languageRange(String element) {
        String[] parts = element.split(";", -1);
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].strip().equalsIgnoreCase("q") && !quality(parameter.length == 2 ? parameter[1] : "")) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code value} is a q-value the parsers take (a number). */
    static boolean quality(String value) {
        try {
            Float.parseFloat(value.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean mediaRange(String element) {
        try {
            Map<String, String> parameters = MediaType.valueOf(element).getParameters();
            String q = parameters.get("q");
            return q == null || quality(q);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean mediaType(String value) {
        try {
            MediaType.valueOf(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
