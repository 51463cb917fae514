package dev.portico.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static dev.portico.it.ApiCalls.call;
import static dev.portico.it.ApiCalls.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The customer directory's and the rentals' HTTP endpoints on the sockets' services: create, update, delete, pages. */
@ExtendWith(ArquillianExtension.class)
class CustomersAndRentalsApiIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void aCustomerCreatedOverHttpIsSeenByTheSocketAndChangesAndDeletesAsTheSocketWould() throws Exception {
        TestDatabase.clearCustomers();
        HttpResponse<String> created = call("POST", "/api/customers", "{\"name\":\"  Ada Lovelace \",\"age\":36,\"address\":\"1 Loop St\",\"phone\":\"394-1234\"}");
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.headers().firstValue("Location").orElseThrow().endsWith("/portico/api/customers/Ada%20Lovelace"),
                created.headers().toString());
        assertEquals("Ada Lovelace", Http.object(created.body()).getString("name"), "stripped as the socket strips it");
        assertEquals("Ada Lovelace|36|1 Loop St|394-1234", CustomerDirectoryClient.ask("1|ada lovelace\n").strip());

        HttpResponse<String> updated = call("PUT", "/api/customers/ADA%20LOVELACE", "{\"age\":\"\",\"address\":\"2 Loop St\",\"phone\":\"901-0000\"}");
        assertEquals(200, updated.statusCode(), updated.body());
        JsonObject now = Http.object(updated.body());
        assertEquals(List.of("Ada Lovelace", "", "2 Loop St", "901-0000"),
                List.of(now.getString("name"), now.getString("age"), now.getString("address"), now.getString("phone")));
        problem(422, call("PUT", "/api/customers/Ada%20Lovelace", "{\"age\":\"30\",\"address\":\"2 Loop St\",\"phone\":\"123\"}"));
        assertEquals("", Http.object(call("GET", "/api/customers/Ada%20Lovelace", null).body()).getString("age"), "nothing of a refused update");
        problem(404, call("PUT", "/api/customers/nobody", "{\"age\":\"30\",\"address\":\"\",\"phone\":\"\"}"));

        assertEquals(204, call("DELETE", "/api/customers/ada%20lovelace", null).statusCode());
        problem(404, call("DELETE", "/api/customers/ada%20lovelace", null));
        assertEquals(0, TestDatabase.countCustomers());
    }

    @Test
    void aNameOrAddressTheRecordCannotHoldIs422OverHttpAndASkippedLineInAnImport() throws Exception {
        TestDatabase.clearCustomers();
        String longest = "n".repeat(512);
        // Over 512 characters (a database error and a 500 before), a key over 768 (U+0130 lower-cases to two), a |.
        for (String body : List.of("{\"name\":\"" + longest + "x\"}", "{\"name\":\"" + "\\u0130".repeat(400) + "\"}",
                "{\"name\":\"Ann|Lee\"}", "{\"name\":\"Ann\",\"address\":\"1|2 Loop St\"}",
                "{\"name\":\"Ann\",\"address\":\"" + longest + "x\"}")) {
            problem(422, call("POST", "/api/customers", body));
        }
        assertEquals(201, call("POST", "/api/customers", "{\"name\":\"" + longest + "\",\"address\":\"" + longest + "\"}").statusCode());
        assertTrue(problem(422, call("PUT", "/api/customers/" + longest, "{\"age\":\"\",\"address\":\"" + longest + "x\",\"phone\":\"\"}"))
                .getString("detail").startsWith("field too long: "));
        problem(422, call("PUT", "/api/customers/" + longest, "{\"age\":\"\",\"address\":\"a|b\",\"phone\":\"\"}"));
        assertEquals(longest, Http.object(call("GET", "/api/customers/" + longest, null).body()).getString("address"), "nothing of a refused update");
        assertEquals(1, TestDatabase.countCustomers());

        HttpResponse<String> imported = Http.post("/api/customers/import", "text/plain", "Ann|30||\n" + longest + "x|30||\nBob||" + longest + "x|\nCy|||\n");
        assertEquals(200, imported.statusCode(), imported.body());
        JsonObject report = Http.object(imported.body());
        assertEquals(2, report.getInt("imported"), imported.body());
        assertEquals(List.of(2, 3), report.getJsonArray("skipped").getValuesAs(JsonObject.class).stream().map(l -> l.getInt("lineNumber")).toList());
        assertEquals(List.of("field too long", "field too long"),
                report.getJsonArray("skipped").getValuesAs(JsonObject.class).stream().map(l -> l.getString("reason")).toList());
        assertEquals("Cy|||", CustomerDirectoryClient.ask("1|cy\n").strip(), "the lines after the refused ones are stored");
    }

    @Test
    void aFilteredPageHasTheTotalAndALinkToTheNextPage() throws Exception {
        TestDatabase.clearCustomers();
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            file.append(String.format("Name%02d|%d||%s%n", i, 20 + i % 2, i % 5 == 0 ? "394-00" + (10 + i) : ""));
        }
        file.append("Other|20||\n");
        assertEquals(200, Http.post("/api/customers/import", "text/plain", file.toString()).statusCode());

        HttpResponse<String> first = call("GET", "/api/customers?name=name&age=20&limit=5", null);
        assertEquals(200, first.statusCode(), first.body());
        assertEquals("13", first.headers().firstValue("X-Total-Count").orElseThrow());
        JsonArray page = Http.array(first.body());
        assertEquals(List.of("Name00", "Name02", "Name04", "Name06", "Name08"), names(page));
        // The next link continues after the page's last customer (keyset), not at an offset the database would skip.
        String next = nextLink(first);
        assertTrue(next.contains("after=name%3Aname08") && !next.contains("offset"), next);
        HttpResponse<String> second = call("GET", next, null);
        assertEquals(List.of("Name10", "Name12", "Name14", "Name16", "Name18"), names(Http.array(second.body())));
        assertEquals("13", second.headers().firstValue("X-Total-Count").orElseThrow(), "the filter's total on every page");
        HttpResponse<String> third = call("GET", nextLink(second), null);
        assertEquals(List.of("Name20", "Name22", "Name24"), names(Http.array(third.body())));
        assertFalse(third.headers().firstValue("Link").isPresent(), "no customer follows the last page");

        HttpResponse<String> fromOffset = call("GET", "/api/customers?name=name&age=20&limit=5&offset=5", null);
        assertEquals(List.of("Name10", "Name12", "Name14", "Name16", "Name18"), names(Http.array(fromOffset.body())));
        assertEquals(List.of("Name20", "Name22", "Name24"), names(Http.array(call("GET", nextLink(fromOffset), null).body())),
                "an offset page links on by key too");
        HttpResponse<String> full = call("GET", "/api/customers?name=name&age=20&limit=3&offset=10", null);
        assertEquals(List.of("Name20", "Name22", "Name24"), names(Http.array(full.body())));
        assertFalse(full.headers().firstValue("Link").isPresent(), "a full last page has no link to an empty one");
        assertEquals(List.of("Other", "Name24"), names(Http.array(call("GET", "/api/customers?sort=-name&limit=2", null).body())));
        assertEquals(List.of("Name00", "Name05"), names(Http.array(call("GET", "/api/customers?phone=394&limit=2", null).body())));
        problem(400, call("GET", "/api/customers?sort=phone", null));
        problem(400, call("GET", "/api/customers?limit=1001", null));
        assertEquals(26, Http.array(call("GET", "/api/customers", null).body()).size(), "no parameters: the whole report");
    }

    @Test
    void nextLinksWalkEveryOrderWhateverTheNamesHoldAndAnUnreadableAfterIs400() throws Exception {
        TestDatabase.clearCustomers();
        List<String> stored = List.of("A&b=c", "a+b", "a b", "A{x}", "a%41", "ä#?", "Ab/..", "ab~u", "Zed", "İ".repeat(300), "\uD83D\uDE00".repeat(200));
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < stored.size(); i++) {
            file.append(stored.get(i)).append('|').append(i % 3 == 0 ? "" : String.valueOf(30 + i % 2)).append("||\n");
        }
        assertEquals(200, Http.post("/api/customers/import", "text/plain", file.toString()).statusCode());
        JsonArray whole = Http.array(call("GET", "/api/customers?sort=name&limit=100", null).body());
        assertEquals(stored.size(), whole.size());
        for (String sort : List.of("name", "-name", "age", "-age")) {
            List<String> expected = names(Http.array(call("GET", "/api/customers?limit=100&sort=" + sort, null).body()));
            List<String> walked = new ArrayList<>();
            HttpResponse<String> page = call("GET", "/api/customers?limit=1&name=&sort=" + sort, null);
            walked.addAll(names(Http.array(page.body())));
            while (page.headers().firstValue("Link").isPresent()) {
                assertTrue(walked.size() <= stored.size(), "the links end: " + walked);
                page = call("GET", nextLink(page), null);
                assertEquals(200, page.statusCode(), page.body());
                walked.addAll(names(Http.array(page.body())));
            }
            assertEquals(expected, walked, "one at a time by links, sorted by " + sort);
        }
        assertEquals(List.of("ä#?"), names(Http.array(call("GET", "/api/customers?limit=1&after=name:zed", null).body())),
                "a name key says where to continue");
        assertTrue(problem(400, call("GET", "/api/customers?after=a&offset=2", null)).getString("detail").contains("offset and after"));
        assertTrue(problem(400, call("GET", "/api/customers?sort=age&after=abc", null)).getString("detail").startsWith("after must be"));
        problem(400, call("GET", "/api/customers?sort=name&after=age:40,1", null));
        assertEquals(List.of("a b", "a%41"), names(Http.array(call("GET", "/api/customers?limit=2&after=", null).body())),
                "an empty after is the first page");
    }

    /** The path and query of a response's Link rel="next", relative to the web module (as {@code call} takes it). */
    private static String nextLink(HttpResponse<String> page) {
        String link = page.headers().firstValue("Link").orElseThrow(() -> new AssertionError("no next link: " + page.headers()));
        String target = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        return target.substring(target.indexOf("/api/"));
    }

    @Test
    void rentalsComeAPageAtATimeWhenAskedAndAnInvalidPayloadIs422WithNothingStored() throws Exception {
        TestDatabase.clearRentals();
        StringBuilder users = new StringBuilder();
        StringBuilder cars = new StringBuilder();
        StringBuilder times = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            String sep = i == 0 ? "" : ", ";
            users.append(sep).append("[\"R").append(i).append("\", \"F\"]");
            cars.append(sep).append("[\"Axia\", \"").append(100 + i).append("\"]");
            times.append(sep).append("[\"2024-05-0").append(i + 1).append(" 09:00\", \"2024-05-0").append(i + 2).append(" 09:00\"]");
        }
        String payload = "{\"users\": [" + users + "], \"CarStatus\": [" + cars + "], \"Time_Rent\": [" + times + "]}";
        HttpResponse<String> stored = call("POST", "/api/rentals", payload);
        assertEquals(201, stored.statusCode(), stored.body());
        assertEquals(7, Http.object(stored.body()).getInt("stored"));

        HttpResponse<String> first = call("GET", "/api/rentals?limit=3", null);
        assertEquals(List.of("R0", "R1", "R2"), renters(Http.array(first.body())));
        // The next link continues after the page's last rental (keyset), not at an offset the database would skip.
        String next = nextLink(first);
        String decoded = URLDecoder.decode(next, StandardCharsets.UTF_8);
        assertTrue(decoded.contains("after=2024-05-03T09:00:00,") && !decoded.contains("offset"), decoded);
        HttpResponse<String> second = call("GET", next, null);
        assertEquals(List.of("R3", "R4", "R5"), renters(Http.array(second.body())));
        HttpResponse<String> third = call("GET", nextLink(second), null);
        assertEquals(List.of("R6"), renters(Http.array(third.body())));
        assertFalse(third.headers().firstValue("Link").isPresent(), "a short page is the last");
        HttpResponse<String> fromOffset = call("GET", "/api/rentals?offset=2&limit=2", null);
        assertEquals(List.of("R2", "R3"), renters(Http.array(fromOffset.body())));
        assertEquals(List.of("R4", "R5"), renters(Http.array(call("GET", nextLink(fromOffset), null).body())), "an offset page links on by key too");
        assertTrue(problem(400, call("GET", "/api/rentals?after=yesterday", null)).getString("detail").startsWith("after must be"));
        problem(400, call("GET", "/api/rentals?after=2024-05-03T09:00:00,1&offset=3", null));
        HttpResponse<String> filtered = call("GET", "/api/rentals?from=2024-05-03&to=2024-05-05&offset=1&limit=5", null);
        assertEquals(List.of("R3", "R4"), renters(Http.array(filtered.body())));
        assertFalse(filtered.headers().firstValue("Link").isPresent());
        assertEquals(7, Http.array(call("GET", "/api/rentals", null).body()).size(), "no paging: the whole selection, streamed");
        problem(400, call("GET", "/api/rentals?limit=x", null));

        problem(422, call("POST", "/api/rentals", payload.replace("\"R6\", \"F\"", "\"R6\", \"X\"")));
        assertEquals(7, TestDatabase.count("rental"));
    }

    private static List<String> names(JsonArray customers) {
        return customers.getValuesAs(JsonObject.class).stream().map(c -> c.getString("name")).toList();
    }

    private static List<String> renters(JsonArray rentals) {
        return rentals.getValuesAs(JsonObject.class).stream().map(r -> r.getString("renter")).toList();
    }
}
