package dev.portico.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.portico.it.ApiCalls.call;
import static dev.portico.it.ApiCalls.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API's errors as RFC 9457 problem+json, ETags with If-Match and If-None-Match, and no change without a login. */
@ExtendWith(ArquillianExtension.class)
class ApiProblemsIT {

    private static final String ADA = "{\"name\":\"Ada\",\"age\":\"36\",\"address\":\"1 Loop St\",\"phone\":\"394-1234\"}";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void everyClientMistakeIsAProblemDocumentWithItsStatusAndNoneIsLoggedAsAnError() throws Exception {
        TestDatabase.clearCustomers();
        TestDatabase.clearRentals();
        long mark = ServerLog.mark();
        assertEquals(201, call("POST", "/api/customers", ADA).statusCode());

        JsonObject malformed = problem(400, call("POST", "/api/customers", "{\"name\":"));
        assertEquals("about:blank", malformed.getString("type"));
        assertEquals("Bad Request", malformed.getString("title"));
        problem(400, call("GET", "/api/customers?limit=0", null));
        problem(400, call("GET", "/api/featherbase/databases/x/tables/y/rows?count=abc", null));

        assertEquals("The address is not valid: its %-escapes must spell UTF-8 text",
                problem(400, call("GET", "/api/customers/%C3%28", null)).getString("detail"), "answered, and no stack trace in the log (below)");
        problem(400, call("DELETE", "/api/featherbase/databases/%FF", null));
        assertEquals("Unknown member \"adress\": send only name, age, address, phone",
                problem(400, call("POST", "/api/customers", "{\"name\":\"Typo\",\"adress\":\"1 Loop St\"}")).getString("detail"));
        assertTrue(problem(400, call("POST", "/api/customers", "{\"name\":\"Twice\",\"name\":\"Thrice\"}")).getString("detail")
                .contains("\"name\" appears twice"));
        assertEquals("Send \"address\" too: PUT sets age, address and phone together (an empty one clears it)",
                problem(400, call("PUT", "/api/customers/Ada", "{\"age\":\"37\",\"phone\":\"394-1234\"}")).getString("detail"));
        assertEquals("A customer cannot be renamed: send its own name (Ada) or no \"name\"",
                problem(400, call("PUT", "/api/customers/Ada", ADA.replace("\"Ada\"", "\"Eve\""))).getString("detail"));
        assertEquals(200, call("PUT", "/api/customers/ada", ADA.replace("\"Ada\"", "\"ADA\"")).statusCode(), "its own name, in any case, is fine");
        assertTrue(problem(400, call("POST", "/api/customers", "{\"name\":\"Half\",\"address\":\"a\\ud800b\"}")).getString("detail")
                .contains("half of a character"), "was stored as a?b (QA)");
        assertEquals(List.of(), TestDatabase.rows("SELECT name FROM customer WHERE name IN ('Typo', 'Twice', 'Thrice', 'Eve', 'Half')"), "nothing of them stored");

        JsonObject missing = problem(404, call("GET", "/api/customers/nobody", null));
        assertEquals("No customer named nobody", missing.getString("detail"));
        assertEquals("Not Found", missing.getString("title"));
        problem(404, call("GET", "/api/featherbase/databases/none/tables", null));
        problem(404, call("GET", "/api/no-such-resource", null));

        JsonObject duplicate = problem(409, call("POST", "/api/customers", ADA.replace("Ada", "ADA")));
        assertEquals("urn:portico:problem:duplicate", duplicate.getString("type"));
        assertEquals("a customer named ADA already exists", duplicate.getString("detail"));

        JsonObject tooLarge = problem(413, call("POST", "/api/customers", "{\"name\":\"" + "x".repeat(70_000) + "\"}"));
        assertTrue(tooLarge.getString("detail").contains("portico.http.maxJsonBytes"), tooLarge.toString());

        JsonObject age = problem(422, call("POST", "/api/customers", ADA.replace("Ada", "Bo").replace("\"36\"", "\"130\"")));
        assertEquals("urn:portico:problem:rule-violation", age.getString("type"));
        assertEquals("invalid age field: 130", age.getString("detail"));
        JsonObject gender = problem(422, call("POST", "/api/rentals", "{\"users\": [[\"Ada\", \"Q\"]], \"CarStatus\": [[\"Axia\", \"10\"]],"
                + " \"Time_Rent\": [[\"2024-05-01 09:00\", \"2024-05-02 09:00\"]]}"));
        assertEquals("users[0]: gender must be M or F, got 'Q'", gender.getString("detail"));
        assertEquals(0, TestDatabase.count("rental"));

        RawHttp.Reply misdirected = RawHttp.get("/api/customers", "rebind.attacker.example", "Authorization: "
                + Http.basic(ItEnvironment.adminUser(), ItEnvironment.adminPassword()));
        assertEquals(421, misdirected.status());
        assertEquals("application/problem+json", misdirected.header("Content-Type").replaceAll(";.*", ""));
        assertEquals(421, Http.object(misdirected.body()).getInt("status"));

        String written = ServerLog.since(mark);
        assertFalse(ServerLog.hasErrorOrStackTrace(written), written);
        assertEquals(1, TestDatabase.countCustomers());
    }

    @Test
    void headersThatCannotBeReadAre400WithASentenceAndNotLogged() throws Exception {
        long mark = ServerLog.mark();
        assertTrue(problem(400, call("GET", "/api/customers/nobody", null, "Accept", "application/json;q=abc")).getString("detail")
                .startsWith("The Accept header cannot be read"), "was a 500 and a SEVERE log");
        problem(400, call("GET", "/api/customers/nobody", null, "Accept", "*/*;q="));
        problem(400, call("GET", "/api/customers/nobody", null, "Accept", "garbage/////"));
        assertTrue(problem(400, call("GET", "/api/customers/nobody", null, "Accept-Language", "en;q=abc")).getString("detail")
                .startsWith("The Accept-Language header cannot be read"), "was an FFDC incident");
        HttpResponse<String> body = Http.send(Http.asAdmin("/api/customers").header("Content-Type", "garbage/////")
                .POST(HttpRequest.BodyPublishers.ofString(ADA)));
        assertTrue(problem(400, body).getString("detail").startsWith("The Content-Type header cannot be read"));
        HttpResponse<String> page = Http.send(Http.asAdmin("/customers/").header("Accept-Language", ";;;q=x").GET());
        assertEquals(400, page.statusCode(), "a console page too");

        // What clients send stays as it was: Java's own default Accept, several languages, empty elements.
        problem(404, call("GET", "/api/customers/nobody", null, "Accept", "text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2"));
        problem(404, call("GET", "/api/customers/nobody", null, "Accept-Language", "fr-CH, fr;q=0.9, en;q=0.8, *;q=0.5", "Accept", ",,application/json,"));
        assertEquals(200, Http.send(Http.asAdmin("/customers/").header("Accept-Language", "de-DE,de;q=0.9").GET()).statusCode());

        String written = ServerLog.since(mark);
        assertFalse(ServerLog.hasErrorOrStackTrace(written), written);
        assertFalse(written.contains("FFDC1015I") || written.contains("RESTEASY"), written);
    }

    @Test
    void anAddressNothingServesIs404WithASentenceAndNotLogged() throws Exception {
        long mark = ServerLog.mark();
        HttpResponse<String> missing = Http.get("/no-such-file.txt");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("Nothing here."), missing.body());
        assertTrue(missing.headers().firstValue("Content-Security-Policy").isPresent());
        assertEquals(404, Http.get("/API/customers/x").statusCode(), "the API's path in another case is no API");
        assertEquals(200, Http.get("/customers/").statusCode(), "a folder's page");

        String written = ServerLog.since(mark);
        assertFalse(written.contains("SRVE0190E") || written.contains("FFDC1015I"), "was a warning and an FFDC incident each (QA): " + written);
    }

    @Test
    void anImportIsReadInTheCharsetItDeclaresAndABodyOfAnotherTypeIsToldTheTypeItsResourceTakes() throws Exception {
        TestDatabase.clearCustomers();
        byte[] latin1 = "Imp3|30|caf\u00e9|514-1234\n".getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> imported = Http.send(Http.asAdmin("/api/customers/import")
                .header("Content-Type", "text/plain; charset=ISO-8859-1").POST(HttpRequest.BodyPublishers.ofByteArray(latin1)));
        assertEquals(200, imported.statusCode(), imported.body());
        assertEquals(List.of("caf\u00e9"), TestDatabase.rows("SELECT address FROM customer WHERE name = 'Imp3'"), "decoded as declared");
        JsonObject latin1File = problem(400, Http.send(Http.asAdmin("/api/customers/import")
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofByteArray("Imp4|30||\n".replace("4", "\u00e9").getBytes(StandardCharsets.ISO_8859_1)))));
        assertTrue(latin1File.getString("detail").startsWith("Line 1 of the file is not UTF-8 text"), latin1File.toString());
        assertEquals(1, TestDatabase.countCustomers(), "nothing of it stored");

        JsonObject unknown = problem(415, Http.send(Http.asAdmin("/api/customers/import")
                .header("Content-Type", "text/plain; charset=klingon").POST(HttpRequest.BodyPublishers.ofByteArray(latin1))));
        assertEquals("Unknown charset \"klingon\": send the file as UTF-8 (or name a charset Java knows)", unknown.getString("detail"));
        JsonObject notJson = problem(415, Http.send(Http.asAdmin("/api/customers")
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("Ada|36||"))));
        assertEquals("Unsupported body type: send application/json.", notJson.getString("detail"));
        JsonObject notUtf8 = problem(400, Http.send(Http.asAdmin("/api/customers").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray("{\"name\":\"Caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1)))));
        assertEquals("The body is not UTF-8: send JSON as UTF-8 (RFC 8259)", notUtf8.getString("detail"));
        problem(400, call("GET", "/api/customers?name=%FF", null));
        JsonObject notAFile = problem(415, call("POST", "/api/customers/import", "{}"));
        assertEquals("Unsupported body type: send text/plain (a data file).", notAFile.getString("detail"));
        // An Accept the resource cannot satisfy: what it answers with (the listings take CSV too).
        JsonObject xmlCustomer = problem(406, Http.send(Http.asAdmin("/api/customers/nobody").header("Accept", "application/xml").GET()));
        assertEquals("This resource answers only with application/json.", xmlCustomer.getString("detail"));
        JsonObject xmlListing = problem(406, Http.send(Http.asAdmin("/api/customers").header("Accept", "application/xml").GET()));
        assertEquals("This resource answers only with application/json or text/csv.", xmlListing.getString("detail"));
        assertEquals(1, TestDatabase.countCustomers());
    }

    @Test
    void anETagComesWithEachSingleResourceAndAStaleIfMatchIsRefusedWith412() throws Exception {
        TestDatabase.clearCustomers();
        HttpResponse<String> created = call("POST", "/api/customers", ADA);
        String first = created.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> read = call("GET", "/api/customers/ada", null);
        assertEquals(first, read.headers().firstValue("ETag").orElseThrow(), "the same tag as the create gave");
        assertEquals(304, call("GET", "/api/customers/Ada", null, "If-None-Match", first).statusCode());

        HttpResponse<String> updated = call("PUT", "/api/customers/Ada", "{\"age\":\"37\",\"address\":\"2 Loop St\",\"phone\":\"\"}", "If-Match", first);
        assertEquals(200, updated.statusCode(), updated.body());
        String second = updated.headers().firstValue("ETag").orElseThrow();
        assertNotEquals(first, second);
        assertEquals("37", Http.object(updated.body()).getString("age"));

        HttpResponse<String> stale = call("PUT", "/api/customers/Ada", "{\"age\":\"50\",\"address\":\"2 Loop St\",\"phone\":\"\"}", "If-Match", first);
        JsonObject refused = problem(412, stale);
        assertEquals("urn:portico:problem:stale", refused.getString("type"));
        assertEquals(second, stale.headers().firstValue("ETag").orElseThrow(), "the answer names the current tag");
        assertEquals("37", Http.object(call("GET", "/api/customers/Ada", null).body()).getString("age"), "nothing changed");

        assertEquals("Ada's age is updated to the database", CustomerDirectoryClient.ask("4|Ada|38\n"));
        String afterSocket = call("GET", "/api/customers/Ada", null).headers().firstValue("ETag").orElseThrow();
        assertNotEquals(second, afterSocket, "a change through the socket gives a new tag");
        problem(412, call("DELETE", "/api/customers/Ada", null, "If-Match", second));
        assertEquals(1, TestDatabase.countCustomers());
        assertEquals(204, call("DELETE", "/api/customers/Ada", null, "If-Match", afterSocket).statusCode());
        assertEquals(0, TestDatabase.countCustomers());
        assertEquals(201, call("POST", "/api/customers", ADA).statusCode());
        assertEquals(200, call("PUT", "/api/customers/Ada", "{\"age\":\"40\",\"address\":\"1 Loop St\",\"phone\":\"\"}").statusCode(),
                "If-Match is optional");
    }

    @Test
    void withoutALoginNothingChangesAndEveryCallIsRefusedWith401() throws Exception {
        TestDatabase.clearCustomers();
        TestDatabase.clearFeatherBase();
        assertEquals(201, call("POST", "/api/customers", ADA).statusCode());
        assertEquals(201, call("POST", "/api/featherbase/databases", "{\"name\":\"shop\"}").statusCode());
        assertEquals(201, call("POST", "/api/featherbase/databases/shop/tables", "{\"name\":\"items\",\"columns\":[\"sku\"]}").statusCode());
        assertEquals(201, call("POST", "/api/featherbase/databases/shop/tables/items/rows", "{\"values\":[\"A-1\"]}").statusCode());
        String table = "/api/featherbase/databases/shop/tables/items";
        List<String[]> changes = List.of(
                new String[] {"POST", "/api/customers", ADA.replace("Ada", "Eve")},
                new String[] {"PUT", "/api/customers/Ada", "{\"age\":\"99\"}"},
                new String[] {"DELETE", "/api/customers/Ada", null},
                new String[] {"POST", "/api/customers/import", null},
                new String[] {"POST", "/api/customers/export", null},
                new String[] {"POST", "/api/featherbase/databases", "{\"name\":\"evil\"}"},
                new String[] {"PATCH", "/api/featherbase/databases/shop", "{\"name\":\"evil\"}"},
                new String[] {"DELETE", "/api/featherbase/databases/shop", null},
                new String[] {"POST", "/api/featherbase/databases/shop/tables", "{\"name\":\"t\",\"columns\":[\"c\"]}"},
                new String[] {"PATCH", table, "{\"name\":\"evil\"}"},
                new String[] {"DELETE", table, null},
                new String[] {"POST", table + "/columns", "{\"name\":\"evil\"}"},
                new String[] {"PATCH", table + "/columns/sku", "{\"name\":\"evil\"}"},
                new String[] {"DELETE", table + "/columns/sku", null},
                new String[] {"POST", table + "/rows", "{\"values\":[\"evil\"]}"},
                new String[] {"PUT", table + "/rows/0", "{\"values\":[\"evil\"]}"},
                new String[] {"PUT", table + "/rows/0/cells/sku", "{\"value\":\"evil\"}"},
                new String[] {"PUT", "/api/featherbase/users/mallory", "{\"password\":\"x\"}"},
                new String[] {"POST", "/api/rentals", "{}"});
        for (String[] change : changes) {
            HttpRequest.Builder request = Http.anonymous(change[1]).header("Content-Type", "application/json")
                    .method(change[0], change[2] == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(change[2]));
            problem(401, Http.send(request));
        }
        problem(401, Http.send(Http.anonymous("/api/customers").GET()));
        assertEquals(List.of("Ada|1 Loop St"), TestDatabase.rows("SELECT name, address FROM customer"));
        HttpResponse<String> row = call("GET", table + "/rows/0", null);
        assertEquals("[\"A-1\"]", Http.object(row.body()).getJsonArray("values").toString());
        assertEquals(1, Http.array(call("GET", "/api/featherbase/databases", null).body()).size());
    }
}
