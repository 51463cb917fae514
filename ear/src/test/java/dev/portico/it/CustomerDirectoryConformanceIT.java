package dev.portico.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The customer directory over real sockets against the deployed EAR: the 42 recorded vectors
 * byte for byte after importing the reference data file, then the framing limits.
 */
@ExtendWith(ArquillianExtension.class)
class CustomerDirectoryConformanceIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void answersEveryRecordedVectorByteForByteAfterImportingTheReferenceDataFile() throws Exception {
        TestDatabase.clearCustomers();
        String fixture = Files.readString(ItEnvironment.shared().resolve("fixtures/customers-data.txt"), StandardCharsets.UTF_8);
        HttpResponse<String> imported = Http.post("/api/customers/import", "text/plain", fixture);
        assertEquals(200, imported.statusCode(), imported.body());
        JsonObject report = Http.object(imported.body());
        assertEquals(11, report.getInt("imported"), imported.body());
        assertEquals(12, report.getJsonArray("skipped").size(), imported.body());
        assertEquals(11, TestDatabase.countCustomers());

        HexFormat hex = HexFormat.of();
        for (Vectors.Vector vector : Vectors.customerDirectory()) {
            byte[] reply = CustomerDirectoryClient.exchange(vector.request());
            assertEquals(hex.formatHex(vector.reply()), hex.formatHex(reply),
                    () -> "vector " + vector.index() + " " + vector.readable().strip() + ": got '" + new String(reply, StandardCharsets.UTF_8) + "'");
        }
    }

    @Test
    void importReportsEachSkippedLineWithTheLegacyReason() throws Exception {
        TestDatabase.clearCustomers();
        String data = "Ann|30|1 Road|514-0001\nBen|0|2 Road|\nann|40||\nCy|12|x|514-12\nDee|x\n";
        JsonObject report = Http.object(Http.post("/api/customers/import", "text/plain", data).body());
        assertEquals(1, report.getInt("imported"));
        List<String> reasons = report.getJsonArray("skipped").getValuesAs(JsonObject.class).stream()
                .map(s -> s.getInt("lineNumber") + ":" + s.getString("reason")).toList();
        assertEquals(List.of("2:invalid age field", "3:key/record already exists", "4:invalid phone field", "5:invalid formate"), reasons);
    }

    @Test
    void lineOf512BytesIsServedAnd513WithoutNewlineIsRefusedAsTooLong() {
        String longName = "x".repeat(510);
        assertEquals(longName + " is not found in database", CustomerDirectoryClient.ask("1|" + longName + "\n"));
        assertEquals("Input too long...", CustomerDirectoryClient.ask("1|" + "y".repeat(511)));
    }

    @Test
    void requestWithoutNewlineTimesOutAfterAboutThreeSeconds() throws Exception {
        try (Socket socket = CustomerDirectoryClient.connect()) {
            socket.getOutputStream().write("1|Jo".getBytes(StandardCharsets.UTF_8));
            long started = System.nanoTime();
            byte[] reply = CustomerDirectoryClient.readToEnd(socket);
            long waitedMillis = (System.nanoTime() - started) / 1_000_000;
            assertEquals("Request timed out waiting for delimiter.", new String(reply, StandardCharsets.UTF_8));
            assertTrue(waitedMillis >= 2_500 && waitedMillis < 10_000, "timed out after " + waitedMillis + " ms");
        }
    }

    @Test
    void halfCloseBeforeNewlineIsAnsweredAsIncomplete() throws Exception {
        try (Socket socket = CustomerDirectoryClient.connect()) {
            socket.getOutputStream().write("1|Jo".getBytes(StandardCharsets.UTF_8));
            socket.shutdownOutput();
            assertEquals("Incomplete request (connection closed before delimiter).",
                    new String(CustomerDirectoryClient.readToEnd(socket), StandardCharsets.UTF_8));
        }
    }

    @Test
    void saveCommandWritesTheDirectoryToTheExportFileAndTheListenerStaysUp() throws Exception {
        TestDatabase.clearCustomers();
        CustomerDirectoryClient.ask("2|Zoe|33|7 Dock St|426-1234\n");
        CustomerDirectoryClient.ask("2|adam|||\n");
        assertEquals("File update successful.\n", CustomerDirectoryClient.ask("8\n"));
        assertEquals(List.of("adam|||", "Zoe|33|7 Dock St|426-1234"), Files.readAllLines(ItEnvironment.exportFile()));
        assertEquals("Zoe|33|7 Dock St|426-1234", CustomerDirectoryClient.ask("1|zoe\n"));
    }

}
