package dev.portico.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The outer bound on every request body of the web module, before a servlet parses a form or an
 * upload: the largest data file (portico.http.maxImportBytes) plus room for the form around it. A
 * larger declared length is refused with 413; a body of unknown length (chunked) with 411, except
 * under {@code /api}, whose bodies the API bounds while reading (a finer limit per endpoint).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestSizeLimit extends HttpFilter {

    /** Room for a multipart form's other fields and part headers around the uploaded file. */
    static final long FORM_OVERHEAD_BYTES = 65_536;

    @Inject
    private WebSettings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        long length = request.getContentLengthLong();
        long limit = settings.maxImportBytes() + FORM_OVERHEAD_BYTES;
        boolean api = ApiPaths.isApi(request);
        if (length > limit) {
            if (!api) {
                // On the console, only an upload is this large: say so in its terms, on a page that leads back to it.
                request.setAttribute(ErrorResponder.MESSAGE, settings.fileTooLarge());
                request.setAttribute(ErrorResponder.BACK, request.getRequestURI());
            }
            response.sendError(413, "The request body is larger than " + limit + " bytes");
            return;
        }
        if (length < 0 && request.getHeader("Transfer-Encoding") != null && !api) {
            response.sendError(411, "Send the body with a Content-Length");
            return;
        }
        chain.doFilter(request, response);
    }
}
