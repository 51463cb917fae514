package dev.portico.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Request bodies the API cannot use (malformed, of the wrong type, too deep, too large) are the client's
 * mistake: a 4xx with a sentence saying what is wrong, and nothing in the server log. Limits are the
 * server.xml defaults (maxJsonBytes 65536, maxImportBytes 4194304, maxJsonDepth 32, maxJsonNumberLength 100).
 */
@ExtendWith(ArquillianExtension.class)
class ApiRequestBodiesIT {

    private static final int MAX_JSON_BYTES = 65_536;
    private static final int MAX_IMPORT_BYTES = 4_194_304;
    private static final String USER = "/api/featherbase/users/body-test";
    private static final String RENTALS = "/api/rentals";

    /** Bodies that no JSON endpoint can take, whatever it expects. */
    private static final List<String> MALFORMED = List.of("", "nope", "{\"password\":", "{\"password\":\"a\"} x", "{'password':'a'}",
            "[".repeat(5_000) + "]".repeat(5_000), "{\"a\":".repeat(40) + "1" + "}".repeat(40),
            "{\"password\":" + "9".repeat(1_000) + "}", "{\"password\":1e999999999}");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void malformedJsonIsAnswered400AndIllTypedJson400Or422WithAMessageOnEveryJsonEndpointAndNothingIsLogged() throws Exception {
        long mark = ServerLog.mark();
        for (String body : MALFORMED) {
            assertClientError(400, Http.put(USER, "application/json", body), "PUT users " + shorten(body));
            assertClientError(400, Http.post(RENTALS, "application/json", body), "POST rentals " + shorten(body));
        }
        for (String body : List.of("{\"password\":123}", "[]", "{\"password\":[\"a\"]}", "{\"password\":null}", "{}", "\"secret\"", "null")) {
            assertClientError(400, Http.put(USER, "application/json", body), "PUT users " + body);
        }
        // Well-formed JSON in the wrong shape for a rental payload: the intake service checks the shape, as it does a
        // pickle's, so this is its rule violation (422), not unreadable JSON.
        for (String body : List.of("[]", "\"x\"", "{\"users\":\"a\"}", "{\"users\":[[1,2]],\"CarStatus\":{},\"Time_Rent\":null}", "null")) {
            assertClientError(422, Http.post(RENTALS, "application/json", body), "POST rentals " + body);
        }
        assertClientError(415, Http.put(USER, "text/plain", "{\"password\":\"a\"}"), "PUT users as text/plain");
        String written = ServerLog.since(mark);
        assertFalse(ServerLog.hasErrorOrStackTrace(written), written);

        assertEquals(204, Http.put(USER, "application/json", "{\"password\":\"body-test-1\"}").statusCode(), "a good body still works");
        assertEquals(204, Http.send(Http.asAdmin(USER).DELETE()).statusCode());
    }

    @Test
    void jsonBodiesOverTheLimitAre413WhetherTheirLengthIsDeclaredOrChunked() throws Exception {
        String tooLarge = "{\"password\":\"" + "p".repeat(MAX_JSON_BYTES) + "\"}";
        long mark = ServerLog.mark();
        assertClientError(413, Http.put(USER, "application/json", tooLarge), "PUT users, Content-Length");
        assertClientError(413, Http.post(RENTALS, "application/json", tooLarge), "POST rentals, Content-Length");
        assertClientError(413, chunked(Http.asAdmin(USER), "PUT", "application/json", tooLarge), "PUT users, chunked");
        assertClientError(413, chunked(Http.asAdmin(RENTALS), "POST", "application/json", tooLarge), "POST rentals, chunked");
        assertFalse(ServerLog.hasErrorOrStackTrace(ServerLog.since(mark)));
        assertFalse(Http.get("/api/featherbase/users").body().contains("body-test"), "the user was not created");
    }

    @Test
    void anImportOverTheLimitIs413AndStoresNothingWhetherItsLengthIsDeclaredOrChunked() throws Exception {
        TestDatabase.clearCustomers();
        StringBuilder file = new StringBuilder();
        for (int i = 0; file.length() <= MAX_IMPORT_BYTES; i++) {
            file.append("big").append(i).append("|30|1 Main St|514-1234\n");
        }
        long mark = ServerLog.mark();
        HttpResponse<String> declared = Http.post("/api/customers/import", "text/plain", file.toString());
        assertClientError(413, declared, "declared length");
        assertTrue(Http.object(declared.body()).getString("detail").contains("portico.http.maxImportBytes"), declared.body());
        assertClientError(413, chunked(Http.asAdmin("/api/customers/import"), "POST", "text/plain", file.toString()), "chunked");
        assertEquals(0, TestDatabase.countCustomers());
        assertFalse(ServerLog.hasErrorOrStackTrace(ServerLog.since(mark)));
    }

    @Test
    void anImportOfManyBadLinesCountsThemListsTheFirstThousandAndLogsOneSummaryLine() throws Exception {
        TestDatabase.clearCustomers();
        String file = "|||\n".repeat(30_000) + "Last|30||\n";
        long mark = ServerLog.mark();
        long started = System.nanoTime();
        HttpResponse<String> response = Http.post("/api/customers/import", "text/plain", file);
        System.out.printf("Import of 30,001 lines (%d bytes, 30,000 skipped): %d ms%n", file.length(), (System.nanoTime() - started) / 1_000_000);
        assertEquals(200, response.statusCode(), response.body());
        JsonObject report = Http.object(response.body());
        assertEquals(1, report.getInt("imported"));
        assertEquals(30_000, report.getInt("skippedCount"));
        List<JsonObject> skipped = report.getJsonArray("skipped").getValuesAs(JsonObject.class);
        assertEquals(1000, skipped.size());
        assertEquals(1, skipped.get(0).getInt("lineNumber"));
        assertEquals("|||", skipped.get(0).getString("line"));
        assertEquals("null key field", skipped.get(0).getString("reason"));
        assertEquals(1000, skipped.get(999).getInt("lineNumber"));
        assertEquals(1, TestDatabase.countCustomers());

        String written = ServerLog.since(mark);
        Matcher summaries = Pattern.compile("Customer import \\(API, admin\\): 30001 lines, 1 stored, 30000 skipped").matcher(written);
        assertTrue(summaries.find(), written);
        assertFalse(summaries.find(), "one summary line: " + written);
        assertFalse(written.contains("|||"), "no line per skip: " + written.substring(0, Math.min(2_000, written.length())));
    }

    private static HttpResponse<String> chunked(HttpRequest.Builder request, String method, String contentType, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return Http.send(request.header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))));
    }

    /** The status, and a problem+json error that says something and names no framework or Java class. */
    private static void assertClientError(int status, HttpResponse<String> response, String what) {
        assertEquals(status, response.statusCode(), what + ": " + response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", ""), what);
        String error = Http.object(response.body()).getString("detail");
        assertFalse(error.isBlank(), what);
        assertFalse(error.contains("RESTEASY") || error.contains("Exception") || error.contains("java.") || error.startsWith("HTTP "),
                what + ": " + error);
    }

    private static String shorten(String body) {
        return body.length() <= 40 ? body : body.substring(0, 40) + "... (" + body.length() + " chars)";
    }
}
