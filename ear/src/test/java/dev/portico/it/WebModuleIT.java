package dev.portico.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The web module on the same services: the JSON API and the console's customers page see what socket clients stored. */
@ExtendWith(ArquillianExtension.class)
class WebModuleIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void jsonApiListsCustomersSortedAndFindsOneByNameInAnyCase() throws Exception {
        TestDatabase.clearCustomers();
        CustomerDirectoryClient.ask("2|zeta|20|Z St|901-2020\n");
        CustomerDirectoryClient.ask("2|Alpha||A St|\n");

        HttpResponse<String> list = Http.get("/api/customers");
        assertEquals(200, list.statusCode());
        JsonArray customers = Http.array(list.body());
        assertEquals(List.of("Alpha", "zeta"), customers.getValuesAs(JsonObject.class).stream().map(c -> c.getString("name")).toList());

        HttpResponse<String> one = Http.get("/api/customers/ZETA");
        assertEquals(200, one.statusCode());
        JsonObject zeta = Http.object(one.body());
        assertEquals("zeta", zeta.getString("name"));
        assertEquals("20", zeta.getString("age"));
        assertEquals("901-2020", zeta.getString("phone"));

        HttpResponse<String> missing = Http.get("/api/customers/nobody");
        assertEquals(404, missing.statusCode());
        assertEquals("No customer named nobody", Http.object(missing.body()).getString("detail"));
    }

    @Test
    void anotherSitesPageCannotChangeDataThroughTheOperatorsBrowser() throws Exception {
        TestDatabase.clearCustomers();
        HttpResponse<String> crossSite = Http.send(Http.asAdmin("/api/customers/import")
                .header("Content-Type", "text/plain").header("Origin", "http://evil.example")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("Mallory|30||\n")));
        assertEquals(403, crossSite.statusCode());
        assertEquals(0, TestDatabase.countCustomers());
        assertEquals(200, Http.post("/api/customers/import", "text/plain", "Alice|30||\n").statusCode(), "no Origin: a tool, not a browser");
        assertEquals(1, TestDatabase.countCustomers());
    }

    @Test
    void consoleCustomersPageRendersOnlyTheFirstPageOfCustomersInNameOrder() throws Exception {
        TestDatabase.clearCustomers();
        CustomerDirectoryClient.ask("2|Page One|31|P St|394-3131\n");
        CustomerDirectoryClient.ask("2|page two|||\n");
        try (java.sql.Connection c = TestDatabase.connect(); java.sql.Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO customer (name, age) SELECT CONCAT('zz', seq), 30 FROM seq_1_to_40");
        }

        HttpResponse<String> page = Http.get("/customers/index.xhtml");
        assertEquals(200, page.statusCode());
        String html = page.body().replaceAll("\\s+", " ");
        assertTrue(html.contains("1-25 of 42"), html);
        assertTrue(html.matches(".*>Page One</.*?>31</.*?>P St</.*?>394-3131</.*"), html);
        assertTrue(html.indexOf("Page One") < html.indexOf("page two"), html);
        assertTrue(html.contains(">zz3<"), "zz3, 23rd of the zz names in name-key order, is on the first page: " + html);
        assertTrue(!html.contains(">zz30<") && !html.contains(">zz40<"), "rows beyond the first page are not rendered: " + html);
    }
}
