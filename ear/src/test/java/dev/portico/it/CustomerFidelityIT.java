package dev.portico.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The customer directory answers as the reference server did where Portico used to differ: ages as written, Python's lower(). */
@ExtendWith(ArquillianExtension.class)
class CustomerFidelityIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeEach
    void emptyDirectory() throws Exception {
        TestDatabase.clearCustomers();
    }

    @Test
    void anAgeWithLeadingZerosIsAnsweredAsItWasSent() throws Exception {
        assertEquals("2|Xi|045|a| added to the database", CustomerDirectoryClient.ask("2|Xi|045|a|\n"));
        assertEquals("Xi|045|a|", CustomerDirectoryClient.ask("1|Xi\n"));
        assertEquals("2|Bond|007|MI6| added to the database", CustomerDirectoryClient.ask("2|Bond|007|MI6|\n"));
        assertEquals("Bond|007|MI6|", CustomerDirectoryClient.ask("1|bond\n"));
        assertEquals("Xi's age is updated to the database", CustomerDirectoryClient.ask("4|Xi|0120\n"));
        assertEquals("Xi|0120|a|", CustomerDirectoryClient.ask("1|Xi\n"));
        assertEquals(List.of("Bond|7|007", "Xi|120|0120"), TestDatabase.rows("SELECT name, age, age_text FROM customer ORDER BY name_key"),
                "the value is kept beside the text, for sorting and the exact-age filter");
        assertEquals(List.of(String.format("%-15s %-15s%-30s\n", "Bond", "007", "MI6"), String.format("%-15s %-15s%-30s\n", "Xi", "0120", "a")),
                reportLines());
        assertEquals("0120", Http.object(Http.get("/api/customers/xi").body()).getString("age"));
    }

    @Test
    void dottedCapitalIAndPlainIAreTwoNamesAsInPython() {
        assertEquals("2|İzmir|35|a| added to the database", CustomerDirectoryClient.ask("2|İzmir|35|a|\n"));
        assertEquals("2|izmir|36|b| added to the database", CustomerDirectoryClient.ask("2|izmir|36|b|\n"));
        assertEquals("İzmir|35|a|", CustomerDirectoryClient.ask("1|İZMIR\n"));
        assertEquals("izmir|36|b|", CustomerDirectoryClient.ask("1|IZMIR\n"));
    }

    @Test
    void finalSigmaMakesSisyphusOneNameInAnyCaseAsInPython() throws Exception {
        assertEquals("2|ΣΊΣΥΦΟΣ|40|Corinth| added to the database", CustomerDirectoryClient.ask("2|ΣΊΣΥΦΟΣ|40|Corinth|\n"));
        assertEquals("σίσυφος already stored in the database", CustomerDirectoryClient.ask("2|σίσυφος|41|x|\n"));
        assertEquals("ΣΊΣΥΦΟΣ|40|Corinth|", CustomerDirectoryClient.ask("1|σίσυφος\n"));
        assertEquals("σίσυφος's address is updated to the database", CustomerDirectoryClient.ask("5|σίσυφος|Ephyra\n"));
        assertEquals(List.of("ΣΊΣΥΦΟΣ|σίσυφος|Ephyra"), TestDatabase.rows("SELECT name, name_key, address FROM customer"));
        assertEquals("Σίσυφος deleted from the database", CustomerDirectoryClient.ask("3|Σίσυφος\n"));
    }

    @Test
    void theReportListsCustomersByTheirLowerCasedNameComparedByCodePointAsPythonSorts() {
        // Python: sorted(names, key=str.lower) -> 'zed' < 'émile' < U+E000 < U+10428 ('𐐀'.lower()), where UTF-16 order
        // would put the supplementary character before U+E000.
        List<String> names = List.of("\uD801\uDC00x", "\uE000", "Émile", "zed", "Zoë");
        for (String name : names) {
            assertEquals("2|" + name + "||| added to the database", CustomerDirectoryClient.ask("2|" + name + "|||\n"));
        }
        List<String> reported = reportLines().stream().map(line -> line.substring(0, line.indexOf(' '))).toList();
        assertEquals(List.of("zed", "Zoë", "Émile", "\uE000", "\uD801\uDC00x"), reported);
    }

    @Test
    void theApiFindsByPythonsLowerToo() throws Exception {
        CustomerDirectoryClient.ask("2|İzmir|35|a|\n");
        assertEquals(404, Http.get("/api/customers/" + URLEncoder.encode("izmir", StandardCharsets.UTF_8)).statusCode());
        assertEquals(200, Http.get("/api/customers/" + URLEncoder.encode("i\u0307zmir", StandardCharsets.UTF_8)).statusCode());
    }

    /** The customer lines of the report (command 7), without its header. */
    private static List<String> reportLines() {
        String report = CustomerDirectoryClient.ask("7\n");
        String[] lines = report.substring(report.indexOf("-----")).split("\n", -1);
        return Arrays.stream(lines, 1, lines.length - 1).map(line -> line + "\n").toList();
    }
}
