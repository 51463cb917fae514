package dev.portico.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rental intake and its legacy SQL views, as the reference system's own queries and clients use them. */
@ExtendWith(ArquillianExtension.class)
class RentalFidelityIT {

    private static final String STORED = "Data received and stored successfully";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeEach
    void empty() throws Exception {
        TestDatabase.clearRentals();
    }

    @Test
    void theReferenceSystemsOwnQueriesRunOnTheLegacyViewsWithTheirRowIds() throws Exception {
        assertEquals(STORED, RentalClient.send(pickle("Mira", "F", "Axia", "10", "2024-01-25 08:30:01", "2024-01-25 20:30:01")));
        assertEquals(STORED, RentalClient.send(pickle("Ali", "M", "Kancil", "25", "2024-01-26 09:00:00", "2024-01-26 10:00:00")));
        assertEquals(STORED, RentalClient.send(pickle("Siti", "F", "Corolla", "7", "2024-01-27 11:00:00", "2024-01-27 19:00:00")));
        List<String> ids = TestDatabase.rows("SELECT id FROM rental ORDER BY id");

        assertEquals(List.of(ids.get(0) + "|Mira", ids.get(2) + "|Siti"),
                TestDatabase.rows("SELECT id, user FROM User_Information WHERE gender = 'F' ORDER BY id"));
        assertEquals(List.of(ids.get(1) + "|Kancil|25"), TestDatabase.rows("SELECT id, CarSelect, Mileage FROM Mileage WHERE Mileage > 20"));
        assertEquals(List.of(ids.get(2) + "|2024-01-27 11:00:00|2024-01-27 19:00:00"),
                TestDatabase.rows("SELECT id, `Time IN`, `Time OUT` FROM Duration_Rent WHERE id = " + ids.get(2)));
        assertEquals(List.of("Mira|Axia|10|2024-01-25 08:30:01", "Ali|Kancil|25|2024-01-26 09:00:00", "Siti|Corolla|7|2024-01-27 11:00:00"),
                TestDatabase.rows("SELECT u.user, m.CarSelect, m.Mileage, d.`Time IN` FROM User_Information u"
                        + " JOIN Mileage m ON m.id = u.id JOIN Duration_Rent d ON d.id = u.id ORDER BY u.id"),
                "the same id names the same rental in the three views");
        assertEquals(List.of("id|user|created|gender"), List.of(String.join("|", columns("User_Information"))));
        assertEquals(List.of("id|CarSelect|Mileage"), List.of(String.join("|", columns("Mileage"))));
        assertEquals(List.of("id|Time IN|Time OUT"), List.of(String.join("|", columns("Duration_Rent"))));
    }

    @Test
    void aHugeMileageIsEchoedCutSoTheErrorReplyStaysShortOverTheSocketAndHttp() throws Exception {
        String digits = "9".repeat(60_000);
        String expected = "CarStatus[0]: mileage " + "9".repeat(60) + "... (60000 characters) km is not plausible";
        String reply = RentalClient.send(pickle("Mira", "F", "Axia", digits, "2024-01-25 08:30:01", "2024-01-25 20:30:01"));
        assertEquals("Error: " + expected, reply);

        HttpResponse<String> refused = Http.post("/api/rentals", "application/json", "{\"users\": [[\"Mira\", \"F\"]], \"CarStatus\": [[\"Axia\", \""
                + digits + "x\"]], \"Time_Rent\": [[\"2024-01-25 08:30:01\", \"2024-01-25 20:30:01\"]]}");
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().length() < 600, refused.body().length() + " characters");
        assertTrue(Http.object(refused.body()).getString("detail").endsWith("got '" + "9".repeat(60) + "'... (60001 characters)"), refused.body());
        assertEquals(0, TestDatabase.count("rental"));
    }

    private static List<String> columns(String view) throws Exception {
        return TestDatabase.rows("SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '"
                + view + "' ORDER BY ORDINAL_POSITION");
    }

    /** One rental as a protocol-0 pickle, as an old desk client sends it (ASCII values). */
    static byte[] pickle(String name, String gender, String car, String mileage, String timeIn, String timeOut) {
        return ("(dVusers\n(l(V" + name + "\nV" + gender + "\ntasVCarStatus\n(l(V" + car + "\nV" + mileage + "\ntasVTime_Rent\n(l(V"
                + timeIn + "\nV" + timeOut + "\ntas.").getBytes(StandardCharsets.US_ASCII);
    }
}
