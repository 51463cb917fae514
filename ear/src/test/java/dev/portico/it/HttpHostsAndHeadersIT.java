package dev.portico.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web module answers only to its configured host names (portico.http.allowedHosts, by default
 * localhost and 127.0.0.1), and every response, Liberty's own included, carries the security headers
 * and names no exception class.
 */
@ExtendWith(ArquillianExtension.class)
class HttpHostsAndHeadersIT {

    private static final String CSS = "/jakarta.faces.resource/css/console.css.xhtml";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void aRequestForAHostNameNotConfiguredIsRefusedWith421OnEveryKindOfResource() throws Exception {
        String rebound = "rebind.attacker.example:" + ItEnvironment.httpPort();
        String admin = "Authorization: " + Http.basic(ItEnvironment.adminUser(), ItEnvironment.adminPassword());
        for (String path : List.of("/login.xhtml", CSS, "/customers/index.xhtml", "/api/customers")) {
            RawHttp.Reply anonymous = RawHttp.get(path, rebound);
            assertEquals(421, anonymous.status(), path + ": " + anonymous);
            RawHttp.Reply signedIn = RawHttp.get(path, rebound, admin);
            assertEquals(421, signedIn.status(), path + " with credentials: " + signedIn);
            assertTrue(signedIn.body().contains("portico.http.allowedHosts"), signedIn.toString());
        }
        for (String allowed : List.of("localhost:" + ItEnvironment.httpPort(), "127.0.0.1:" + ItEnvironment.httpPort(), "LOCALHOST")) {
            assertEquals(200, RawHttp.get("/login.xhtml", allowed).status(), allowed);
            assertEquals(200, RawHttp.get("/api/customers", allowed, admin).status(), allowed);
        }
    }

    @Test
    void aChangeIsAcceptedOnlyFromAPageWhoseOriginIsAnAllowedHostOfThisServer() throws Exception {
        TestDatabase.clearCustomers();
        int port = ItEnvironment.httpPort();
        assertEquals(403, importWithOrigin("http://rebind.attacker.example:" + port).statusCode());
        assertEquals(403, importWithOrigin("http://localhost:" + (port + 1)).statusCode(), "another port is another site");
        assertEquals(403, importWithOrigin("null").statusCode());
        assertEquals(0, TestDatabase.countCustomers());
        assertEquals(200, importWithOrigin("http://localhost:" + port).statusCode(), "the console reached as localhost");
        assertEquals(200, importWithOrigin("http://127.0.0.1:" + port).statusCode());
    }

    @Test
    void everyKindOfResponseCarriesTheSecurityHeadersNamesNoExceptionClassAndAClientsMistakeLogsNothing() throws Exception {
        long mark = ServerLog.mark();
        Map<String, Response> responses = new LinkedHashMap<>();
        responses.put("login page", Response.of(Http.send(Http.anonymous("/login.xhtml").GET())));
        responses.put("static resource", Response.of(Http.send(Http.anonymous(CSS).GET())));
        responses.put("redirect to login", Response.of(Http.send(Http.anonymous("/customers/index.xhtml").GET())));
        responses.put("API 401", Response.of(Http.send(Http.anonymous("/api/customers").GET())));
        responses.put("API 404", Response.of(Http.get("/api/no-such-resource")));
        responses.put("API 405", Response.of(Http.send(Http.asAdmin("/api/customers").method("PATCH", HttpRequest.BodyPublishers.noBody()))));
        responses.put("API 400", Response.of(Http.post("/api/rentals", "application/json", "{")));
        responses.put("API 413", Response.of(Http.post("/api/rentals", "application/json", " ".repeat(70_000))));
        responses.put("API 415", Response.of(Http.post("/api/rentals", "application/xml", "<a/>")));
        responses.put("page 404", Response.of(Http.get("/no-such-page.xhtml")));
        responses.put("page 413", Response.of(Http.send(Http.anonymous("/login.xhtml").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("x=" + "y".repeat(4_300_000))))));
        responses.put("page 400, forged view state", Response.of(Http.send(Http.anonymous("/login.xhtml")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("login=login&jakarta.faces.ViewState=bogus")))));
        responses.put("page 400, malformed form body", Response.of(Http.send(Http.anonymous("/login.xhtml")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("login=login&x=%%%")))));
        responses.put("page 400, encoded slash", Response.of(Http.send(Http.asAdmin("/jakarta.faces.resource/..%2F..%2FWEB-INF%2Fweb.xml.xhtml").GET())));
        responses.put("API 404, encoded slash", Response.of(Http.get("/api/customers/no%2Fbody")));
        // TRACE would echo what the client sent, credentials and cookies included: refused wherever it reaches the application.
        responses.put("TRACE /portico/login.xhtml", Response.of(RawHttp.send("TRACE /portico/login.xhtml HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Cookie: JSESSIONID=secret-session\r\nConnection: close\r\n\r\n")));
        responses.put("TRACE /portico/api/customers", Response.of(RawHttp.send("TRACE /portico/api/customers HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: " + Http.basic(ItEnvironment.adminUser(), ItEnvironment.adminPassword())
                + "\r\nCookie: JSESSIONID=secret-session\r\nConnection: close\r\n\r\n")));
        responses.put("421", Response.of(RawHttp.get("/login.xhtml", "rebind.attacker.example")));
        responses.put("Liberty 400, malformed URL", Response.of(RawHttp.send("GET /portico/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")));
        responses.put("Liberty 404, outside the application", Response.of(RawHttp.send("GET /nothing HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")));
        responses.put("Liberty, server root", Response.of(RawHttp.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")));

        Map<String, Integer> expected = Map.ofEntries(Map.entry("login page", 200), Map.entry("static resource", 200),
                Map.entry("redirect to login", 302), Map.entry("API 401", 401), Map.entry("API 404", 404), Map.entry("API 405", 405),
                Map.entry("API 400", 400), Map.entry("API 413", 413), Map.entry("API 415", 415), Map.entry("page 404", 404),
                Map.entry("page 413", 413), Map.entry("page 400, forged view state", 400), Map.entry("page 400, malformed form body", 400),
                Map.entry("page 400, encoded slash", 400), Map.entry("API 404, encoded slash", 404), Map.entry("TRACE /portico/login.xhtml", 405), Map.entry("TRACE /portico/api/customers", 405),
                Map.entry("421", 421), Map.entry("Liberty 400, malformed URL", 400),
                Map.entry("Liberty 404, outside the application", 404), Map.entry("Liberty, server root", 404));
        responses.forEach((kind, response) -> {
            assertEquals(expected.get(kind), response.status(), kind + ": " + response.body());
            assertEquals("nosniff", response.header("X-Content-Type-Options"), kind);
            assertEquals("DENY", response.header("X-Frame-Options"), kind);
            assertEquals("same-origin", response.header("Referrer-Policy"), kind);
            assertTrue(response.header("Content-Security-Policy").contains("frame-ancestors 'none'"), kind + ": " + response.header("Content-Security-Policy"));
            assertFalse(response.body().contains("Exception") || response.body().contains("java.") || response.body().contains("RESTEASY")
                    || response.body().contains("SRVE"), kind + ": " + response.body());
        });
        responses.entrySet().stream().filter(r -> r.getKey().startsWith("TRACE ")).forEach(r -> assertFalse(
                r.getValue().body().contains("secret-session") || r.getValue().body().contains("Authorization"), "TRACE echoes nothing: " + r));
        assertTrue(responses.get("API 404, encoded slash").body().contains("No customer named no/body"), responses.get("API 404, encoded slash").body());
        String written = ServerLog.since(mark);
        assertFalse(ServerLog.hasErrorOrStackTrace(written), written);
    }

    private static HttpResponse<String> importWithOrigin(String origin) throws Exception {
        return Http.send(Http.asAdmin("/api/customers/import").header("Content-Type", "text/plain").header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString("From " + origin.hashCode() + "|30||\n")));
    }

    /** Status, headers and body of either client's response. */
    private record Response(int status, Map<String, List<String>> headers, String body) {

        static Response of(HttpResponse<String> response) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values));
            return new Response(response.statusCode(), headers, response.body());
        }

        static Response of(RawHttp.Reply reply) {
            return new Response(reply.status(), reply.headers(), reply.body());
        }

        String header(String name) {
            return String.join(", ", headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of()));
        }
    }
}
