package dev.portico.web.security;

import jakarta.servlet.http.HttpServletRequest;

/** Which requests are the JSON API's ({@code /api}, {@code PorticoApi}): they are answered in problem+json, never with pages. */
final class ApiPaths {

    private ApiPaths() {
    }

    static boolean isApi(HttpServletRequest request) {
        String path = request.getServletPath();
        return path.equals("/api") || path.startsWith("/api/");
    }
}
