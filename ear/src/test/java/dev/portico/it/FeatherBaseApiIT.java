package dev.portico.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.List;

import static dev.portico.it.ApiCalls.call;
import static dev.portico.it.ApiCalls.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** FeatherBase over HTTP: databases, tables, columns, rows and cells on the socket's service, seen by socket clients. */
@ExtendWith(ArquillianExtension.class)
class FeatherBaseApiIT {

    private static final String DBS = "/api/featherbase/databases";
    private static final String ITEMS = DBS + "/shop/tables/items";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void databasesAndTablesAreCreatedRenamedAndDeletedAsOverTheSocket() throws Exception {
        TestDatabase.clearFeatherBase();
        HttpResponse<String> created = call("POST", DBS, "{\"name\":\"shop\"}");
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.headers().firstValue("Location").orElseThrow().endsWith("/portico" + DBS + "/shop"));
        problem(409, call("POST", DBS, "{\"name\":\"shop\"}"));
        problem(400, call("POST", DBS, "{\"title\":\"shop\"}"));
        assertEquals(201, call("POST", DBS, "{\"name\":\"spare\"}").statusCode());

        HttpResponse<String> table = call("POST", DBS + "/shop/tables", "{\"name\":\"items\",\"columns\":[\"sku\",\"price\"]}");
        assertEquals(201, table.statusCode(), table.body());
        assertTrue(table.headers().firstValue("Location").orElseThrow().endsWith("/portico" + ITEMS), table.headers().toString());
        problem(409, call("POST", DBS + "/shop/tables", "{\"name\":\"items\",\"columns\":[\"a\"]}"));
        problem(422, call("POST", DBS + "/shop/tables", "{\"name\":\"twice\",\"columns\":[\"a\",\"a\"]}"));
        problem(404, call("POST", DBS + "/none/tables", "{\"name\":\"t\",\"columns\":[\"a\"]}"));

        try (FeatherBaseClient socket = new FeatherBaseClient()) {
            assertEquals("shop\tspare", socket.ask("getdbs|"));
            assertEquals("items", socket.ask("gettbls|shop"));
        }
        JsonArray databases = Http.array(call("GET", DBS, null).body());
        assertEquals("[{\"name\":\"shop\",\"tables\":1},{\"name\":\"spare\",\"tables\":0}]", databases.toString());

        HttpResponse<String> shop = call("GET", DBS + "/shop", null);
        String tag = shop.headers().firstValue("ETag").orElseThrow();
        assertEquals(201, call("POST", DBS + "/shop/tables", "{\"name\":\"more\",\"columns\":[\"a\"]}").statusCode());
        problem(412, call("PATCH", DBS + "/shop", "{\"name\":\"store\"}", "If-Match", tag));
        problem(409, call("PATCH", DBS + "/shop", "{\"name\":\"spare\"}"));
        HttpResponse<String> renamed = call("PATCH", DBS + "/shop", "{\"name\":\"store\"}");
        assertEquals(200, renamed.statusCode(), renamed.body());
        assertTrue(renamed.headers().firstValue("Content-Location").orElseThrow().endsWith(DBS + "/store"));
        assertEquals(200, call("PATCH", DBS + "/store/tables/more", "{\"name\":\"less\"}").statusCode());
        assertEquals("[\"items\",\"less\"]", names(Http.array(call("GET", DBS + "/store/tables", null).body())));
        assertEquals(204, call("DELETE", DBS + "/store/tables/less", null).statusCode());
        problem(404, call("DELETE", DBS + "/store/tables/less", null));
        assertEquals(204, call("DELETE", DBS + "/spare", null).statusCode());
        problem(404, call("GET", DBS + "/spare", null));
        try (FeatherBaseClient socket = new FeatherBaseClient()) {
            assertEquals("store", socket.ask("getdbs|"));
        }
    }

    @Test
    void columnsRowsAndCellsAreReadPagedAndOverwrittenWithETags() throws Exception {
        TestDatabase.clearFeatherBase();
        call("POST", DBS, "{\"name\":\"shop\"}");
        call("POST", DBS + "/shop/tables", "{\"name\":\"items\",\"columns\":[\"sku\",\"price\"]}");
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> row = call("POST", ITEMS + "/rows", "{\"values\":[\"A-" + i + "\",\"" + i + ".99\"]}");
            assertEquals(201, row.statusCode(), row.body());
            assertTrue(row.headers().firstValue("Location").orElseThrow().endsWith(ITEMS + "/rows/" + i), row.headers().toString());
        }
        problem(422, call("POST", ITEMS + "/rows", "{\"values\":[\"only one\"]}"));

        HttpResponse<String> page = call("GET", ITEMS + "/rows?first=1&count=2", null);
        assertEquals("[{\"number\":1,\"values\":[\"A-1\",\"1.99\"]},{\"number\":2,\"values\":[\"A-2\",\"2.99\"]}]", Http.array(page.body()).toString());
        assertEquals("5", page.headers().firstValue("X-Total-Count").orElseThrow());
        assertTrue(page.headers().firstValue("Link").orElseThrow().contains("first=3"), page.headers().toString());
        assertFalse(call("GET", ITEMS + "/rows?first=3&count=2", null).headers().firstValue("Link").isPresent());
        problem(400, call("GET", ITEMS + "/rows?count=1001", null));

        HttpResponse<String> row = call("GET", ITEMS + "/rows/3", null);
        String tag = row.headers().firstValue("ETag").orElseThrow();
        assertEquals(200, call("PUT", ITEMS + "/rows/3", "{\"values\":[\"A-3\",\"3.49\"]}", "If-Match", tag).statusCode());
        problem(412, call("PUT", ITEMS + "/rows/3", "{\"values\":[\"A-3\",\"0\"]}", "If-Match", tag));
        problem(404, call("GET", ITEMS + "/rows/5", null));
        problem(404, call("PUT", ITEMS + "/rows/9", "{\"values\":[\"a\",\"b\"]}"));

        HttpResponse<String> cell = call("GET", ITEMS + "/rows/3/cells/price", null);
        assertEquals("3.49", Http.object(cell.body()).getString("value"));
        String cellTag = cell.headers().firstValue("ETag").orElseThrow();
        try (FeatherBaseClient socket = new FeatherBaseClient()) {
            assertEquals("SUCCESS", socket.ask("owcell|shop|items>3\tprice\u00053.59"));
        }
        problem(412, call("PUT", ITEMS + "/rows/3/cells/price", "{\"value\":\"1\"}", "If-Match", cellTag));
        HttpResponse<String> owcell = call("PUT", ITEMS + "/rows/3/cells/price", "{\"value\":\"3.69\"}");
        assertEquals(200, owcell.statusCode(), owcell.body());
        problem(404, call("GET", ITEMS + "/rows/3/cells/colour", null));

        HttpResponse<String> column = call("POST", ITEMS + "/columns", "{\"name\":\"stock\"}");
        assertEquals(201, column.statusCode(), column.body());
        problem(409, call("POST", ITEMS + "/columns", "{\"name\":\"stock\"}"));
        problem(400, call("PATCH", ITEMS + "/columns/stock", "{\"name\":\"qty\",\"nmae\":\"qty\"}"));
        problem(400, call("PATCH", DBS + "/shop/tables/items", "{\"name\":\"goods\",\"title\":\"goods\"}"));
        assertEquals(200, call("PATCH", ITEMS + "/columns/stock", "{\"name\":\"qty\"}").statusCode());
        assertEquals("[\"sku\",\"price\",\"qty\"]", Http.array(call("GET", ITEMS + "/columns", null).body()).toString());
        assertEquals(204, call("DELETE", ITEMS + "/columns/sku", null).statusCode());
        problem(404, call("DELETE", ITEMS + "/columns/sku", null));
        problem(404, call("PATCH", ITEMS + "/columns/colour", "{\"name\":\"hue\"}"));
        JsonObject table = Http.object(call("GET", ITEMS, null).body());
        assertEquals("[\"price\",\"qty\"]", table.getJsonArray("columns").toString());
        assertEquals(5, table.getInt("rows"));
        try (FeatherBaseClient socket = new FeatherBaseClient()) {
            assertEquals("3.69\t", socket.ask("getrow|shop|items>3"));
        }
    }

    @Test
    void namesValuesAndPasswordsASocketClientCouldNotReadBackAreRefused() throws Exception {
        TestDatabase.clearFeatherBase();
        call("POST", DBS, "{\"name\":\"shop\"}");
        call("POST", DBS + "/shop/tables", "{\"name\":\"items\",\"columns\":[\"sku\",\"price\"]}");
        assertEquals(201, call("POST", ITEMS + "/rows", "{\"values\":[\"A-0\",\"1.99\"]}").statusCode());

        // EOT ends a socket reply: a value holding one would end getrow's reply early and shift every later reply.
        assertTrue(problem(422, call("PUT", ITEMS + "/rows/0/cells/price", "{\"value\":\"1\\u00049\"}")).getString("detail").contains("EOT"));
        problem(422, call("PUT", ITEMS + "/rows/0", "{\"values\":[\"A\\tB\",\"2\"]}"));
        problem(422, call("POST", ITEMS + "/rows", "{\"values\":[\"A-1\",\"\\u00012\"]}"));
        problem(422, call("POST", ITEMS + "/columns", "{\"name\":\"col\\u0005our\"}"));
        problem(422, call("PATCH", ITEMS + "/columns/sku", "{\"name\":\"s\\tku\"}"));
        problem(422, call("POST", DBS, "{\"name\":\"x\\ty\"}"));
        problem(422, call("POST", DBS + "/shop/tables", "{\"name\":\"t\\u0002\",\"columns\":[\"a\"]}"));
        problem(422, call("PUT", "/api/featherbase/users/eve", "{\"password\":\"pass\\u0002word\"}"));
        assertEquals(204, call("PUT", "/api/featherbase/users/eve", "{\"password\":\"password\"}").statusCode());
        // A grant names a database: over 255 characters it is refused (it was a database error and a 500).
        problem(422, call("PUT", "/api/featherbase/users/eve/grants/" + "d".repeat(256), null));
        assertEquals(204, call("PUT", "/api/featherbase/users/eve/grants/shop", null).statusCode());
        HttpResponse<String> eve = call("GET", "/api/featherbase/users/eve", null);
        assertEquals(200, eve.statusCode(), eve.body());
        assertEquals("eve", Http.object(eve.body()).getString("name"));
        assertEquals(List.of("shop"), Http.object(eve.body()).getJsonArray("databases").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
        assertEquals("No FeatherBase user named nobody", problem(404, call("GET", "/api/featherbase/users/nobody", null)).getString("detail"));

        try (FeatherBaseClient socket = new FeatherBaseClient()) {
            assertEquals("A-0\t1.99", socket.ask("getrow|shop|items>0"));
            assertEquals("shop", socket.ask("getdbs|"));
            assertEquals("items", socket.ask("gettbls|shop"));
            assertEquals("INVALID", socket.ask("getrow|shop|items>1"), "no refused row was added");
        }
    }

    @Test
    void theUsersListIsStreamedWholeOrReadAPageAtATimeAndGrantsToOneUserAreBounded() throws Exception {
        TestDatabase.clearFeatherBase();
        TestDatabase.addFeatherBaseUsers("u%03d", 250, "u007", 999); // one grant short of portico.featherbase.maxGrants (1,000)
        assertEquals(204, call("PUT", "/api/featherbase/users/u001/grants/shop", null).statusCode());

        // Whole: every user in name order, each as GET /users/{name} shows it, though read a hundred at a time.
        JsonArray all = Http.array(call("GET", "/api/featherbase/users", null).body());
        assertEquals(250, all.size());
        assertEquals("u249", all.getJsonObject(249).getString("name"));
        assertEquals(Http.object(call("GET", "/api/featherbase/users/u001", null).body()), all.getJsonObject(1));
        assertEquals(999, all.getJsonObject(7).getJsonArray("databases").size());
        assertEquals("[]", all.getJsonObject(0).getJsonArray("databases").toString());

        // Pages: X-Total-Count and a Link to the next page until the last.
        HttpResponse<String> first = call("GET", "/api/featherbase/users?count=100", null);
        assertEquals(200, first.statusCode(), first.body());
        assertEquals("250", first.headers().firstValue("X-Total-Count").orElseThrow());
        assertEquals(100, Http.array(first.body()).size());
        assertTrue(first.headers().firstValue("Link").orElseThrow().contains("first=100&count=100"), first.headers().toString());
        HttpResponse<String> last = call("GET", "/api/featherbase/users?first=200", null);
        assertEquals(List.of("u200", "u249"), List.of(Http.array(last.body()).getJsonObject(0).getString("name"),
                Http.array(last.body()).getJsonObject(49).getString("name")));
        assertFalse(last.headers().firstValue("Link").isPresent(), last.headers().toString());
        assertEquals("[]", call("GET", "/api/featherbase/users?first=1000", null).body());
        assertTrue(problem(400, call("GET", "/api/featherbase/users?count=101", null)).getString("detail").contains("count must be a whole number from 1 to 100"));
        problem(400, call("GET", "/api/featherbase/users?first=-1", null));

        // The thousandth grant to one user is taken, the next refused; granting one it has again changes nothing.
        assertEquals(204, call("PUT", "/api/featherbase/users/u007/grants/db9999", null).statusCode());
        assertEquals(204, call("PUT", "/api/featherbase/users/u007/grants/db0000", null).statusCode());
        assertTrue(problem(422, call("PUT", "/api/featherbase/users/u007/grants/one-more", null)).getString("detail")
                .contains("at most 1,000 databases granted to one user (* grants every database) (portico.featherbase.maxGrants)"));
        assertEquals(1000, Http.object(call("GET", "/api/featherbase/users/u007", null).body()).getJsonArray("databases").size());
    }

    private static String names(JsonArray named) {
        return named.getValuesAs(JsonObject.class).stream().map(o -> "\"" + o.getString("name") + "\"").toList().toString().replace(" ", "");
    }
}
