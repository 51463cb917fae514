package dev.portico.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.nio.file.Files;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Liberty's mpOpenAPI at the server's root: the API's description (readable without a login) and its UI. */
@ExtendWith(ArquillianExtension.class)
class OpenApiIT {

    /** Every path of the API with the methods it offers. */
    private static final Map<String, Set<String>> PATHS = Map.ofEntries(
            Map.entry("/api/customers", Set.of("get", "post")),
            Map.entry("/api/customers/{name}", Set.of("get", "put", "delete")),
            Map.entry("/api/customers/import", Set.of("post")),
            Map.entry("/api/customers/export", Set.of("post")),
            Map.entry("/api/featherbase/databases", Set.of("get", "post")),
            Map.entry("/api/featherbase/databases/{database}", Set.of("get", "patch", "delete")),
            Map.entry("/api/featherbase/databases/{database}/tables", Set.of("get", "post")),
            Map.entry("/api/featherbase/databases/{database}/tables/{table}", Set.of("get", "patch", "delete")),
            Map.entry("/api/featherbase/databases/{database}/tables/{table}/columns", Set.of("get", "post")),
            Map.entry("/api/featherbase/databases/{database}/tables/{table}/columns/{column}", Set.of("patch", "delete")),
            Map.entry("/api/featherbase/databases/{database}/tables/{table}/rows", Set.of("get", "post")),
            Map.entry("/api/featherbase/databases/{database}/tables/{table}/rows/{row}", Set.of("get", "put")),
            Map.entry("/api/featherbase/databases/{database}/tables/{table}/rows/{row}/cells/{column}", Set.of("get", "put")),
            Map.entry("/api/featherbase/users", Set.of("get")),
            Map.entry("/api/featherbase/users/{name}", Set.of("get", "put", "delete")),
            Map.entry("/api/featherbase/users/{name}/grants/{database}", Set.of("put", "delete")),
            Map.entry("/api/rentals", Set.of("get", "post")),
            Map.entry("/api/rentals/reports/car-models", Set.of("get")),
            Map.entry("/api/rentals/reports/genders", Set.of("get")),
            Map.entry("/api/rentals/reports/mileage", Set.of("get")),
            Map.entry("/api/rentals/reports/duration", Set.of("get")),
            Map.entry("/api/rentals/reports/per-day", Set.of("get")));

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void theDescriptionListsEveryPathWithItsMethodsSummariesAndProblemAnswers() throws Exception {
        HttpResponse<String> document = Http.send(atServerRoot("/openapi").header("Accept", "application/json"));
        assertEquals(200, document.statusCode(), "readable without a login: " + document.body());
        JsonObject openApi = Http.object(document.body());
        assertTrue(openApi.getString("openapi").startsWith("3."), openApi.getString("openapi"));
        assertEquals("Portico HTTP API", openApi.getJsonObject("info").getString("title"));
        String server = openApi.getJsonArray("servers").getJsonObject(0).getString("url");
        assertTrue(server.endsWith("/portico"), server);

        JsonObject paths = openApi.getJsonObject("paths");
        assertEquals(new TreeSet<>(PATHS.keySet()), new TreeSet<>(paths.keySet()));
        PATHS.forEach((path, methods) -> {
            JsonObject item = paths.getJsonObject(path);
            assertEquals(new TreeSet<>(methods), new TreeSet<>(item.keySet().stream().filter(k -> !k.equals("parameters")).toList()), path);
            for (String method : methods) {
                JsonObject operation = item.getJsonObject(method);
                assertTrue(operation.containsKey("summary"), method + " " + path + " has a summary");
                JsonObject responses = operation.getJsonObject("responses");
                assertTrue(responses.keySet().stream().anyMatch(code -> code.startsWith("2")), method + " " + path + ": " + responses);
                assertTrue(responses.containsKey("401"), method + " " + path + " describes 401: " + responses.keySet());
                assertTrue(responses.containsKey("421"), method + " " + path + " describes 421: " + responses.keySet());
                assertEquals(!method.equals("get"), responses.containsKey("403"), method + " " + path + " describes 403 for a change: " + responses.keySet());
                assertEquals(method.equals("get"), responses.containsKey("406"), method + " " + path + " describes 406 for a read: " + responses.keySet());
                assertEquals(operation.containsKey("requestBody"), responses.containsKey("415"), method + " " + path + " describes 415 with a body");
            }
        });
        JsonObject notFound = openApi.getJsonObject("components").getJsonObject("responses").getJsonObject("NotFound");
        assertTrue(notFound.getJsonObject("content").containsKey("application/problem+json"), notFound.toString());
        JsonObject create = paths.getJsonObject("/api/customers").getJsonObject("post");
        assertTrue(create.getJsonObject("requestBody").toString().contains("394-1234"), "an example body: " + create);
        for (String[] change : List.of(new String[] {"/api/customers/{name}", "put"}, new String[] {"/api/customers/{name}", "delete"},
                new String[] {"/api/featherbase/databases/{database}/tables/{table}/rows/{row}", "put"})) {
            JsonObject operation = paths.getJsonObject(change[0]).getJsonObject(change[1]);
            assertTrue(operation.getJsonArray("parameters").getValuesAs(JsonObject.class).stream()
                    .anyMatch(p -> p.getString("name").equals("If-Match") && p.getString("in").equals("header")), change[1] + " " + change[0]);
            assertTrue(operation.getJsonObject("responses").containsKey("412"), change[1] + " " + change[0]);
        }
        assertEquals(Set.of("application/json", "application/merge-patch+json"), paths.getJsonObject("/api/featherbase/databases/{database}")
                .getJsonObject("patch").getJsonObject("requestBody").getJsonObject("content").keySet());
        assertTrue(paths.getJsonObject("/api/featherbase/databases/{database}/tables/{table}/rows").getJsonObject("get")
                .getJsonObject("responses").containsKey("400"), "a bad first or count is a 400");
        JsonObject forbidden = openApi.getJsonObject("components").getJsonObject("responses").getJsonObject("Forbidden");
        assertTrue(forbidden.getJsonObject("content").containsKey("application/problem+json"), forbidden.toString());
        for (String code : List.of("400", "409", "413", "422")) {
            assertTrue(create.getJsonObject("responses").containsKey(code), "POST /api/customers describes " + code);
        }
        assertEquals(Set.of("name", "phone", "age", "sort", "offset", "after", "limit"), parameters(paths, "/api/customers", "get", "query"));
        assertEquals(Set.of("from", "to", "car", "gender", "renter", "offset", "after", "limit"), parameters(paths, "/api/rentals", "get", "query"));
        // Every {name} of a path is declared, on the path or on each of its operations: else the document is not valid OpenAPI.
        for (String path : paths.keySet()) {
            Set<String> templated = new TreeSet<>(Pattern.compile("\\{([^}]+)}").matcher(path).results().map(m -> m.group(1)).toList());
            for (String method : paths.getJsonObject(path).keySet().stream().filter(k -> !k.equals("parameters")).toList()) {
                Set<String> declared = new TreeSet<>(parameters(paths, path, method, "path"));
                declared.addAll(parameters(paths.getJsonObject(path), "path"));
                assertEquals(templated, declared, method + " " + path);
            }
        }
    }

    /** The names of an operation's parameters of one kind ({@code in}: path, query, header). */
    private static Set<String> parameters(JsonObject paths, String path, String method, String in) {
        return parameters(paths.getJsonObject(path).getJsonObject(method), in);
    }

    /** The names of the parameters of one kind that an operation or a path item declares. */
    private static Set<String> parameters(JsonObject declaring, String in) {
        if (!declaring.containsKey("parameters")) {
            return Set.of();
        }
        return declaring.getJsonArray("parameters").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("in").equals(in)).map(p -> p.getString("name")).collect(Collectors.toSet());
    }

    @Test
    void typesOutsideTheWebModuleHaveTheirSchemas() throws Exception {
        JsonObject openApi = Http.object(Http.send(atServerRoot("/openapi").header("Accept", "application/json")).body());
        JsonObject paths = openApi.getJsonObject("paths");
        JsonObject mileage = paths.getJsonObject("/api/rentals/reports/mileage").getJsonObject("get").getJsonObject("responses")
                .getJsonObject("200").getJsonObject("content").getJsonObject("application/json").getJsonObject("schema");
        assertTrue(mileage.containsKey("properties"), mileage.toString());
        assertEquals(Set.of("rentals", "totalKm", "averageKm"), mileage.getJsonObject("properties").keySet(), mileage.toString());
        String body = paths.getJsonObject("/api/customers").getJsonObject("post").getJsonObject("requestBody").getJsonObject("content")
                .getJsonObject("application/json").getJsonObject("schema").getString("$ref");
        String name = body.substring(body.lastIndexOf('/') + 1);
        assertEquals("object", openApi.getJsonObject("components").getJsonObject("schemas").getJsonObject(name).getString("type"), body);
        String log = Files.readString(ItEnvironment.serverLog());
        assertFalse(log.contains("SROAP04005"), "the scan found a schema for every type (no SROAP04005 in messages.log)");
    }

    @Test
    void theDescriptionPassesLibertysValidationWithoutAnError() throws Exception {
        assertEquals(200, Http.send(atServerRoot("/openapi")).statusCode());
        String log = Files.readString(ItEnvironment.serverLog());
        assertTrue(log.contains("CWWKO1660I"), "the document was produced");
        assertFalse(log.contains("CWWKO1650E"), "Liberty found the description invalid (CWWKO1650E in messages.log)");
    }

    @Test
    void theUiIsServedBesideTheDescription() throws Exception {
        HttpResponse<String> ui = Http.send(atServerRoot("/openapi/ui/"));
        assertEquals(200, ui.statusCode());
        assertTrue(ui.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), ui.headers().toString());
    }

    private static HttpRequest.Builder atServerRoot(String path) {
        return HttpRequest.newBuilder(URI.create("http://" + ItEnvironment.HOST + ":" + ItEnvironment.httpPort() + path))
                .timeout(Duration.ofSeconds(30)).GET();
    }
}
