package dev.portico.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * What plain HTTP gets when {@code portico.https.required} is true: a console page asked for with GET or
 * HEAD is redirected (301) to the same address over HTTPS; anything else (the API, a form post) is refused
 * with 403, since a redirect would not take back the credentials or body already sent in clear. HTTPS
 * responses then carry {@code Strict-Transport-Security}. When not required, nothing changes.
 *
 * @param required  whether plain HTTP is turned away
 * @param httpsPort the HTTPS port redirects name (443 is left out of the address)
 */
public record HttpsRequirement(boolean required, int httpsPort) {

    private static final Logger LOG = Logger.getLogger(HttpsRequirement.class.getName());
    static final String REFUSAL = "HTTPS is required: send this request to https://";
    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000";

    /** From the server.xml variables' text; a port that is not 1..65535 while HTTPS is required is reported once and redirects nowhere. */
    static HttpsRequirement of(String required, String httpsPort) {
        boolean on = "true".equals(required.strip().toLowerCase(Locale.ROOT));
        int port;
        try {
            port = Integer.parseInt(httpsPort.strip());
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (on && (port < 1 || port > 65_535)) {
            LOG.warning("portico.https.required is true but portico.https.port is " + httpsPort
                    + ": plain HTTP requests are refused and none is redirected");
        }
        return new HttpsRequirement(on, port);
    }

    /**
     * Answers a request that may not be served as it came (redirect or refusal) and returns true; returns
     * false, having added {@code Strict-Transport-Security} to a secure request's response when required,
     * for a request that may go on.
     */
    boolean turnAway(HttpServletRequest request, HttpServletResponse response) {
        if (!required) {
            return false;
        }
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
            return false;
        }
        String target = httpsAddress(request);
        String method = request.getMethod();
        boolean page = ("GET".equals(method) || "HEAD".equals(method)) && !ApiPaths.isApi(request);
        try {
            if (page && httpsPort > 0) {
                response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
                response.setHeader("Location", target);
                return true;
            }
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setCharacterEncoding("UTF-8");
            String message = httpsPort > 0 ? REFUSAL + hostAndPort(request) : "HTTPS is required";
            request.setAttribute(ErrorResponder.MESSAGE, message); // the container's error page, if it answers instead
            if (ApiPaths.isApi(request)) {
                response.setContentType("application/json");
                response.getWriter().write("{\"error\":\"" + message + "\"}");
            } else {
                response.setContentType("text/plain");
                response.getWriter().write(message);
            }
        } catch (IOException e) {
            // The client has gone.
        }
        return true;
    }

    /** The same address over HTTPS: scheme, host as the client named it, the HTTPS port, path and query. */
    String httpsAddress(HttpServletRequest request) {
        String query = request.getQueryString();
        return "https://" + hostAndPort(request) + request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    private String hostAndPort(HttpServletRequest request) {
        String host = request.getServerName();
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return httpsPort == 443 ? host : host + ":" + httpsPort;
    }
}
