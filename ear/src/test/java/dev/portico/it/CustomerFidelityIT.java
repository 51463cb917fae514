package dev.portico.it;

import dev.portico.text.PythonRepr;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
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

    /** Every separator of Python's str.splitlines(); universal newlines split at the first three. */
    private static final List<String> LINE_BREAKS = List.of("\r", "\n", "\r\n", "\u000b", "\u000c", "\u001c", "\u001d", "\u001e", "\u0085",
            "\u2028", "\u2029");

    @Test
    void aLineBreakInANameOrAnAddressIsRefusedSoTheExportKeepsOneRecordALine() {
        CustomerDirectoryClient.ask("2|Zed|30|Home|\n");
        for (String lineBreak : LINE_BREAKS.subList(3, LINE_BREAKS.size())) {
            String name = "A" + lineBreak + "B";
            assertEquals("DB read error. Adding skipped [line break in field]: " + PythonRepr.list(List.of(name, "30", "x", "")),
                    CustomerDirectoryClient.ask("2|" + name + "|30|x|\n"));
            assertEquals("DB read error. Adding skipped [line break in field]: " + PythonRepr.list(List.of("B", "30", "x" + lineBreak + "y", "")),
                    CustomerDirectoryClient.ask("2|B|30|x" + lineBreak + "y|\n"));
            assertEquals("DB read error. Update skipped [line break in field]: " + PythonRepr.list(List.of("zed", "x" + lineBreak + "y")),
                    CustomerDirectoryClient.ask("5|zed|x" + lineBreak + "y\n"));
        }
        assertEquals("DB read error. Adding skipped [line break in field]: ['A\\rB', '30', 'x', '']", CustomerDirectoryClient.ask("2|A\rB|30|x|\n"),
                "a carriage return inside the line");
        assertEquals("Zed|30|Home|", CustomerDirectoryClient.ask("1|Zed\n"));
    }

    @Test
    void anExportImportsBackAsTheSameRecordsEvenWithLineBreaksStoredBeforeTheRule() throws Exception {
        try (Connection c = TestDatabase.connect(); PreparedStatement insert = c.prepareStatement("INSERT INTO customer (name, name_key, address) VALUES (?, ?, ?)")) {
            for (int i = 0; i < LINE_BREAKS.size(); i++) {
                insert.setString(1, "Old" + i + LINE_BREAKS.get(i) + "Name");
                insert.setString(2, "old" + i + LINE_BREAKS.get(i) + "name");
                insert.setString(3, "Street" + LINE_BREAKS.get(i) + i);
                insert.executeUpdate();
            }
        }
        CustomerDirectoryClient.ask("2|Zoë|007|Rue\tdu Four|514-1234\n");
        HttpResponse<String> export = Http.post("/api/customers/export", "application/json", "");
        assertEquals(200, export.statusCode(), export.body());
        String file = Files.readString(Path.of(Http.object(export.body()).getString("file")), StandardCharsets.UTF_8);
        List<String> lines = file.lines().toList();
        assertEquals(LINE_BREAKS.size() + 1, lines.size(), "universal newlines read one record a line");
        assertEquals(lines, List.of(file.split("\n")), "and so does str.splitlines(): no other separator is left");
        for (String lineBreak : LINE_BREAKS.subList(3, LINE_BREAKS.size())) {
            assertEquals(-1, file.indexOf(lineBreak), lineBreak.codePointAt(0) + " is written as a space");
        }
        assertEquals("Zoë|007|Rue\tdu Four|514-1234", lines.get(lines.size() - 1));

        TestDatabase.clearCustomers();
        HttpResponse<String> imported = Http.post("/api/customers/import", "text/plain; charset=UTF-8", file);
        assertEquals(200, imported.statusCode(), imported.body());
        assertEquals(lines.size(), Http.object(imported.body()).getInt("imported"), imported.body());
        Files.writeString(Path.of(Http.object(export.body()).getString("file")), "");
        assertEquals(file, Files.readString(Path.of(Http.object(Http.post("/api/customers/export", "application/json", "").body()).getString("file"))),
                "exported again, the file is the same");
    }

    /** The customer lines of the report (command 7), without its header. */
    private static List<String> reportLines() {
        String report = CustomerDirectoryClient.ask("7\n");
        String[] lines = report.substring(report.indexOf("-----")).split("\n", -1);
        return Arrays.stream(lines, 1, lines.length - 1).map(line -> line + "\n").toList();
    }
}
