package dev.portico.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpsRequirementTest {

    private final HttpsRequirement required = HttpsRequirement.of("true", "9443");

    @Test
    void whenNotRequiredPlainHttpGoesOnUntouched() {
        Answer answer = new Answer();
        assertFalse(HttpsRequirement.of("false", "9443").turnAway(request(false, "GET", "/api/customers", null), answer.response()));
        assertEquals(0, answer.status);
        assertTrue(answer.headers.isEmpty());
    }

    @Test
    void aConsolePageOverPlainHttpIsRedirectedToTheSameAddressOverHttps() {
        Answer answer = new Answer();
        assertTrue(required.turnAway(request(false, "GET", "/customers.xhtml", "page=2&q=a"), answer.response()));
        assertEquals(301, answer.status);
        assertEquals("https://127.0.0.1:9443/portico/customers.xhtml?page=2&q=a", answer.headers.get("Location"));
    }

    @Test
    void theApiOverPlainHttpIsRefusedNotRedirectedWhateverTheMethod() {
        for (String method : new String[] {"GET", "POST", "DELETE"}) {
            Answer answer = new Answer();
            assertTrue(required.turnAway(request(false, method, "/api/customers", null), answer.response()));
            assertEquals(403, answer.status, method);
            assertNull(answer.headers.get("Location"));
            assertEquals("{\"error\":\"HTTPS is required: send this request to https://127.0.0.1:9443\"}", answer.body.toString());
        }
    }

    @Test
    void aFormPostOverPlainHttpIsRefused() {
        Answer answer = new Answer();
        assertTrue(required.turnAway(request(false, "POST", "/login.xhtml", null), answer.response()));
        assertEquals(403, answer.status);
        assertEquals("HTTPS is required: send this request to https://127.0.0.1:9443", answer.body.toString());
    }

    @Test
    void httpsRequestsGoOnAndAreToldToStayOnHttps() {
        Answer answer = new Answer();
        assertFalse(required.turnAway(request(true, "POST", "/api/customers", null), answer.response()));
        assertEquals(0, answer.status);
        assertEquals("max-age=31536000", answer.headers.get("Strict-Transport-Security"));
    }

    @Test
    void port443IsLeftOutOfTheRedirectAndIpv6HostsKeepTheirBrackets() {
        Answer answer = new Answer();
        HttpsRequirement.of(" TRUE ", "443").turnAway(request(false, "HEAD", "/", null, "::1"), answer.response());
        assertEquals("https://[::1]/portico/", answer.headers.get("Location"));
    }

    @Test
    void withoutAUsableHttpsPortNothingIsRedirectedButPlainHttpIsStillRefused() {
        Answer answer = new Answer();
        assertTrue(HttpsRequirement.of("true", "-1").turnAway(request(false, "GET", "/index.xhtml", null), answer.response()));
        assertEquals(403, answer.status);
        assertEquals("HTTPS is required", answer.body.toString());
    }

    private static HttpServletRequest request(boolean secure, String method, String servletPath, String query) {
        return request(secure, method, servletPath, query, "127.0.0.1");
    }

    private static HttpServletRequest request(boolean secure, String method, String servletPath, String query, String host) {
        return (HttpServletRequest) Proxy.newProxyInstance(HttpsRequirementTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "isSecure" -> secure;
                    case "getMethod" -> method;
                    case "getServletPath" -> servletPath;
                    case "getRequestURI" -> "/portico" + servletPath;
                    case "getQueryString" -> query;
                    case "getServerName" -> host;
                    case "setAttribute" -> null;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    /** What was answered through a fake response. */
    private static final class Answer {
        int status;
        final Map<String, String> headers = new HashMap<>();
        final StringWriter body = new StringWriter();

        HttpServletResponse response() {
            return (HttpServletResponse) Proxy.newProxyInstance(HttpsRequirementTest.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> switch (m.getName()) {
                        case "setStatus" -> {
                            status = (Integer) args[0];
                            yield null;
                        }
                        case "setHeader" -> {
                            headers.put((String) args[0], (String) args[1]);
                            yield null;
                        }
                        case "setContentType", "setCharacterEncoding" -> null;
                        case "getWriter" -> new PrintWriter(body, true);
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
        }
    }
}
