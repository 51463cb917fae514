package dev.portico.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Plain HTTP calls to the test server's web module, signed in as the test admin (HTTP Basic) unless said otherwise. */
final class Http {

    /**
     * HTTP/1.1 as curl and browsers speak it to a plain-http port: the JDK client's default first request on a
     * new connection asks for an h2c upgrade, which Liberty 26.0.0.3 sometimes answers with an NPE in
     * H2HandlerImpl and never a response (seen as 30 s timeouts of the first POST after a redeploy).
     */
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    /** A response body read as a JSON object. */
    static JsonObject object(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    /** A response body read as a JSON array. */
    static JsonArray array(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readArray();
        }
    }

    /** A request to a web module path, with no credentials. */
    static HttpRequest.Builder anonymous(String path) {
        return HttpRequest.newBuilder(URI.create(ItEnvironment.baseUrl() + path)).timeout(Duration.ofSeconds(30));
    }

    /** A request to a web module path, signed in with HTTP Basic. */
    static HttpRequest.Builder as(String user, String password, String path) {
        return anonymous(path).header("Authorization", basic(user, password));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static HttpRequest.Builder asAdmin(String path) {
        return as(ItEnvironment.adminUser(), ItEnvironment.adminPassword(), path);
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(asAdmin(path).GET());
    }

    static HttpResponse<String> put(String path, String contentType, String body) throws IOException, InterruptedException {
        return send(asAdmin(path).header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    static HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
        return send(asAdmin(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
