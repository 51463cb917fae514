package dev.portico.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The large listings, now streamed from a database cursor, against the deployed EAR: the report
 * (command 7) and the export file (command 8) byte for byte on a few thousand customers, the
 * streamed JSON and CSV of {@code GET /api/customers}, and {@code GET /api/rentals} across pages.
 */
@ExtendWith(ArquillianExtension.class)
class StreamedListingsIT {

    private static final int CUSTOMERS = 3_000;
    private static final String INDENT = " ".repeat(16);
    private static final String HEADER = "\n" + INDENT + "\n++    \n" + INDENT + "\n++  DB Report\n" + INDENT + "\n++\n" + INDENT
            + "\nName            Age            address                       Phone Number\n" + INDENT
            + "\n-------------------------------------------------------------------------\n";

    /** A stored customer; null for absent optional fields. */
    private record Row(String name, Integer age, String address, String phone) {
        String text(Object value) {
            return value == null ? "" : value.toString();
        }
    }

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void reportExportAndApiListAThousandsOfCustomersByteForByteInNameOrder() throws Exception {
        List<Row> rows = storeCustomers();

        byte[] report = readSlowly("7\n");
        assertEquals(expectedReport(rows), new String(report, StandardCharsets.UTF_8), "the report, read slowly");

        assertEquals("File update successful.\n", CustomerDirectoryClient.ask("8\n"));
        StringBuilder lines = new StringBuilder();
        rows.forEach(r -> lines.append(String.join("|", r.name(), r.text(r.age()), r.text(r.address()), r.text(r.phone()))).append('\n'));
        assertEquals(lines.toString(), Files.readString(ItEnvironment.exportFile(), StandardCharsets.UTF_8), "the export file");

        HttpResponse<String> json = Http.get("/api/customers");
        assertEquals(200, json.statusCode());
        JsonArray listed = Http.array(json.body());
        assertEquals(rows.size(), listed.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonObject customer = listed.getJsonObject(i);
            Row row = rows.get(i);
            assertEquals(List.of(row.name(), row.text(row.age()), row.text(row.address()), row.text(row.phone())),
                    List.of(customer.getString("name"), customer.getString("age"), customer.getString("address"), customer.getString("phone")),
                    "customer " + i);
        }

        HttpResponse<String> csv = Http.send(Http.asAdmin("/api/customers").header("Accept", "text/csv").GET());
        assertEquals(200, csv.statusCode());
        assertEquals("text/csv;charset=UTF-8", csv.headers().firstValue("Content-Type").orElse("").replace(" ", ""));
        StringBuilder expectedCsv = new StringBuilder("name,age,address,phone\r\n");
        rows.forEach(r -> expectedCsv.append(csvField(r.name())).append(',').append(r.text(r.age())).append(',')
                .append(csvField(r.text(r.address()))).append(',').append(r.text(r.phone())).append("\r\n"));
        assertEquals(expectedCsv.toString(), csv.body());

        // With query parameters, CSV is the page they ask for, as JSON is (not the whole directory).
        HttpResponse<String> page = Http.send(Http.asAdmin("/api/customers?limit=2").header("Accept", "text/csv").GET());
        assertEquals(200, page.statusCode());
        String[] expectedLines = expectedCsv.toString().split("\r\n");
        assertEquals(expectedLines[0] + "\r\n" + expectedLines[1] + "\r\n" + expectedLines[2] + "\r\n", page.body());
        assertEquals(String.valueOf(rows.size()), page.headers().firstValue("X-Total-Count").orElse(""));
        assertTrue(page.headers().firstValue("Link").orElse("").contains("rel=\"next\""), page.headers().toString());
        assertEquals(400, Http.send(Http.asAdmin("/api/customers?limit=abc").header("Accept", "text/csv").GET()).statusCode());
    }

    @Test
    void emptyDirectoryReportsTheHeaderAloneAndListsAnEmptyArray() throws Exception {
        TestDatabase.clearCustomers();
        assertEquals(HEADER, CustomerDirectoryClient.ask("7\n"));
        assertEquals("[]", Http.get("/api/customers").body());
    }

    @Test
    void rentalListStreamsEveryRentalOldestFirstAcrossPagesAsJsonAndCsv() throws Exception {
        TestDatabase.clearRentals();
        int rentals = 2_345;
        try (Connection c = TestDatabase.connect(); var s = c.createStatement()) {
            s.executeUpdate("INSERT INTO renter (name, gender) VALUES ('Mira', 'F'), ('Omar, Jr', 'M')");
            s.executeUpdate("INSERT INTO rental (renter_id, gender, car_model, mileage_km, time_in, time_out)"
                    + " SELECT (SELECT MIN(id) FROM renter) + seq % 2, ELT(1 + seq % 2, 'F', 'M'), ELT(1 + seq % 3, 'Corolla', 'Kancil', 'Axia'), seq,"
                    + " '2024-01-01 00:00:00' + INTERVAL (seq DIV 2) MINUTE, '2024-01-01 06:00:00' + INTERVAL (seq DIV 2) MINUTE"
                    + " FROM seq_1_to_" + rentals);
        }
        JsonArray all = Http.array(Http.get("/api/rentals").body());
        assertEquals(rentals, all.size());
        for (int i = 1; i < all.size(); i++) {
            JsonObject before = all.getJsonObject(i - 1);
            JsonObject after = all.getJsonObject(i);
            int order = before.getString("timeIn").compareTo(after.getString("timeIn"));
            assertTrue(order < 0 || order == 0 && before.getJsonNumber("id").longValue() < after.getJsonNumber("id").longValue(),
                    "oldest first at " + i);
        }
        JsonObject first = all.getJsonObject(0);
        assertEquals(List.of("Omar, Jr", "M", "Kancil", 1, "2024-01-01T00:00:00", "2024-01-01T06:00:00"),
                List.of(first.getString("renter"), first.getString("gender"), first.getString("carModel"), first.getInt("mileageKm"),
                        first.getString("timeIn"), first.getString("timeOut")));

        HttpResponse<String> csv = Http.send(Http.asAdmin("/api/rentals?car=Axia").header("Accept", "text/csv").GET());
        assertEquals(200, csv.statusCode());
        List<String> lines = csv.body().lines().toList();
        assertEquals("id,renter,gender,car_model,mileage_km,time_in,time_out", lines.get(0));
        assertEquals(IntStream.rangeClosed(1, rentals).filter(seq -> seq % 3 == 2).count(), lines.size() - 1, "the Axia rentals");
        assertTrue(lines.get(1).matches("[0-9]+,Mira,F,Axia,2,2024-01-01 00:01:00,2024-01-01 06:01:00"), lines.get(1));
        assertTrue(lines.stream().anyMatch(line -> line.contains(",\"Omar, Jr\",M,Axia,")), "a name with a comma is quoted");
        HttpResponse<String> csvPage = Http.send(Http.asAdmin("/api/rentals?car=Axia&limit=3").header("Accept", "text/csv").GET());
        assertEquals(lines.subList(0, 4), csvPage.body().lines().toList(), "with limit, CSV is that page, as JSON is");
        assertTrue(csvPage.headers().firstValue("Link").orElse("").contains("rel=\"next\""), csvPage.headers().toString());
        assertEquals(400, Http.send(Http.asAdmin("/api/rentals?limit=abc").header("Accept", "text/csv").GET()).statusCode());

        assertEquals(400, Http.get("/api/rentals?from=yesterday").statusCode());
    }

    /** Customers whose names sort differently by case, with cut-off names and addresses, absent fields and non-ASCII text. */
    private static List<Row> storeCustomers() throws Exception {
        TestDatabase.clearCustomers();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            String name = switch (i % 5) {
                case 0 -> String.format("bulk%05d", i);
                case 1 -> String.format("Bulk%05d Long Name", i);
                case 2 -> String.format("ÉLODIE%05d", i);
                case 3 -> String.format("zoë😀%05d", i);
                default -> String.format("O'Brien, %05d", i);
            };
            Integer age = i % 7 == 0 ? null : 1 + i % 120;
            String address = i % 11 == 0 ? null : i + " Rue de la Grande Fontaine, \"B\"";
            String phone = i % 3 == 0 ? null : String.format("514-%04d", i % 10_000);
            rows.add(new Row(name, age, address, phone));
        }
        try (Connection c = TestDatabase.connect();
             PreparedStatement insert = c.prepareStatement("INSERT INTO customer (name, age, address, phone) VALUES (?, ?, ?, ?)")) {
            for (Row row : rows) {
                insert.setString(1, row.name());
                if (row.age() == null) {
                    insert.setNull(2, Types.SMALLINT);
                } else {
                    insert.setInt(2, row.age());
                }
                insert.setString(3, row.address());
                insert.setString(4, row.phone());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        rows.sort(Comparator.comparing((Row r) -> r.name().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned));
        return rows;
    }

    /** The report as the reference server renders it: Python's slicing and {@code ljust} count code points. */
    private static String expectedReport(List<Row> rows) {
        StringBuilder out = new StringBuilder(HEADER);
        for (Row r : rows) {
            out.append(pad(cut(r.name(), 10), 15)).append(' ').append(pad(r.text(r.age()), 15))
                    .append(pad(cut(r.text(r.address()), 21), 30)).append(r.text(r.phone())).append('\n');
        }
        return out.toString();
    }

    private static String cut(String value, int max) {
        return value.codePoints().limit(max).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static String pad(String value, int width) {
        return value + " ".repeat(Math.max(0, width - (int) value.codePoints().count()));
    }

    private static String csvField(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    /** Sends a request and reads the reply in small pieces with pauses, as a slow client does. */
    private static byte[] readSlowly(String request) throws Exception {
        try (Socket socket = CustomerDirectoryClient.connect()) {
            socket.setReceiveBufferSize(8 * 1024);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            InputStream in = socket.getInputStream();
            var received = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            int n;
            int reads = 0;
            while ((n = in.read(buffer)) >= 0) {
                received.write(buffer, 0, n);
                if (++reads % 16 == 0) {
                    Thread.sleep(5);
                }
            }
            return received.toByteArray();
        }
    }
}
