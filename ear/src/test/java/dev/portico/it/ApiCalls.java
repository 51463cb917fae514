package dev.portico.it;

import jakarta.json.JsonObject;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JSON calls to the HTTP API as the test admin, with any method and extra headers, and the problem+json check. */
final class ApiCalls {

    private ApiCalls() {
    }

    /** {@code method} on {@code path} with a JSON body (none when null) and header name/value pairs. */
    static HttpResponse<String> call(String method, String path, String json, String... headers) throws Exception {
        HttpRequest.Builder request = Http.asAdmin(path);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return Http.send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    /**
     * Checks an RFC 9457 answer: the status, Content-Type application/problem+json, the five members
     * (type, title, status equal to the HTTP status, detail, instance the request's path) and a detail
     * that names no framework or Java class; returns the document.
     */
    static JsonObject problem(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", ""), response.body());
        JsonObject problem = Http.object(response.body());
        assertEquals(status, problem.getInt("status"), response.body());
        assertTrue(problem.getString("type").startsWith("about:blank") || problem.getString("type").startsWith("urn:portico:problem:"), response.body());
        assertTrue(!problem.getString("title").isBlank(), response.body());
        String detail = problem.getString("detail");
        assertTrue(!detail.isBlank() && !detail.contains("RESTEASY") && !detail.contains("Exception") && !detail.contains("java."), detail);
        assertEquals(response.uri().getRawPath(), problem.getString("instance"), response.body());
        return problem;
    }
}
