package dev.portico.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Car-rental intake over real sockets and HTTP against the deployed EAR, with the stored rows checked in MariaDB. */
@ExtendWith(ArquillianExtension.class)
class RentalIntakeIT {

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
    void theOneRentalVectorIsStoredInEveryPickleProtocol() throws Exception {
        for (int protocol = 0; protocol <= 5; protocol++) {
            TestDatabase.clearRentals();
            assertEquals(STORED, RentalClient.send(RentalClient.vector("valid-one-rental-p" + protocol + ".pkl")), "protocol " + protocol);
            assertEquals(List.of("Mira|F|Axia|10|2024-01-25 08:30:01|2024-01-25 20:30:01"), storedRentals(), "protocol " + protocol);
        }
    }

    @Test
    void threeRentalsAreStoredLinkedToTheirRentersAndShownByTheLegacyViews() throws Exception {
        assertEquals(STORED, RentalClient.send(RentalClient.vector("valid-three-rentals-p4.pkl")));
        assertEquals(List.of(
                "Ali|M|Corolla|50|2024-01-24 06:00:00|2024-01-24 13:00:00",
                "Kamal|M|Axia|7|2024-01-24 10:00:00|2024-01-24 15:00:00",
                "Siti|F|Kancil|80|2024-01-24 11:00:00|2024-01-24 19:00:00"), storedRentals());
        assertEquals(List.of("Ali|M", "Kamal|M", "Siti|F"), TestDatabase.rows("SELECT `user`, gender FROM User_Information ORDER BY `user`"));
        assertEquals(List.of("Axia|7", "Corolla|50", "Kancil|80"), TestDatabase.rows("SELECT CarSelect, Mileage FROM Mileage ORDER BY CarSelect"));
        assertEquals(List.of("2024-01-24 06:00:00|2024-01-24 13:00:00", "2024-01-24 10:00:00|2024-01-24 15:00:00",
                "2024-01-24 11:00:00|2024-01-24 19:00:00"), TestDatabase.rows("SELECT `Time IN`, `Time OUT` FROM Duration_Rent ORDER BY `Time IN`"));

        assertEquals(STORED, RentalClient.send(RentalClient.vector("valid-three-rentals-p4.pkl")));
        assertEquals(3, TestDatabase.count("renter"), "a returning renter is the same renter");
        assertEquals(6, TestDatabase.count("rental"));
    }

    @Test
    void invalidContentIsRefusedNamingTheFirstProblemAndStoresNothing() throws Exception {
        assertEquals("Error: CarStatus[0]: car must be Corolla, Kancil or Axia, got 'Ferrari'", RentalClient.send(RentalClient.vector("invalid-car-p4.pkl")));
        assertEquals("Error: users[0]: gender must be M or F, got 'X'", RentalClient.send(RentalClient.vector("invalid-gender-p4.pkl")));
        assertEquals("Error: 'users', 'CarStatus' and 'Time_Rent' must have the same length, got 2, 1, 1",
                RentalClient.send(RentalClient.vector("invalid-length-mismatch-p4.pkl")));
        assertTrue(RentalClient.send(RentalClient.vector("invalid-not-a-dict-p4.pkl")).startsWith("Error: payload must be a dict"));
        assertEquals("Error: Time_Rent[0]: time_out 2024-01-25 08:30:01 is before time_in 2024-01-25 20:30:01",
                RentalClient.send(RentalClient.vector("invalid-time-order-p4.pkl")));
        assertEquals(0, TestDatabase.count("rental"));
        assertEquals(0, TestDatabase.count("renter"));
    }

    @Test
    void maliciousPicklesAreRefusedByOpcodeAndLeaveNoTrace() throws Exception {
        Path marker = Path.of("/tmp/portico-pwned");
        Files.deleteIfExists(marker);
        assertEquals("Error: pickle opcode not allowed: GLOBAL", RentalClient.send(RentalClient.vector("malicious-global-ordereddict-p2.pkl")));
        for (String name : List.of("malicious-reduce-os-system-p0.pkl", "malicious-reduce-os-system-p4.pkl")) {
            String reply = RentalClient.send(RentalClient.vector(name));
            assertTrue(reply.startsWith("Error: pickle opcode not allowed: "), name + ": " + reply);
        }
        assertEquals(0, TestDatabase.count("rental"));
        assertEquals(0, TestDatabase.count("renter"));
    }

    @Test
    void aTruncatedPickleIsAnErrorWhetherTheClientWaitsOrHalfCloses() throws Exception {
        byte[] truncated = RentalClient.vector("truncated-p4.pkl");
        assertEquals("Error: no complete pickle arrived within the read timeout", RentalClient.send(truncated));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(ItEnvironment.HOST, ItEnvironment.rentalPort()), 5000);
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(truncated);
            socket.shutdownOutput();
            assertEquals("Error: the connection was closed before the end of the pickle",
                    new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals(0, TestDatabase.count("rental"));
    }

    @Test
    void mutatedAndTruncatedPicklesGetOnlyRepliesAndStoreOnlyWhatWasAcknowledged() throws Exception {
        byte[] valid = RentalClient.vector("valid-three-rentals-p4.pkl");
        Random random = new Random(20261122);
        int acknowledged = 0;
        for (int i = 0; i < 150; i++) {
            byte[] mutated;
            if (i % 3 == 0) {
                mutated = Arrays.copyOf(valid, 1 + random.nextInt(valid.length - 1));
                mutated[mutated.length - 1] = (byte) '.';
            } else {
                mutated = valid.clone();
                for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                    mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
                }
            }
            String reply = sendHalfClosed(mutated);
            assertTrue(reply.equals(STORED) || reply.startsWith("Error: "), "mutation " + i + ": " + reply);
            if (reply.equals(STORED)) {
                acknowledged += 3;
            }
        }
        assertEquals(acknowledged, TestDatabase.count("rental"), "rows stored = rows acknowledged");
    }

    @Test
    void thirtyTwoClientsAtOnceAreAllStored() throws Exception {
        byte[] pickle = RentalClient.vector("valid-three-rentals-p4.pkl");
        for (String reply : Concurrently.run(32, Duration.ofSeconds(60), i -> RentalClient.send(pickle))) {
            assertEquals(STORED, reply);
        }
        assertEquals(96, TestDatabase.count("rental"));
        assertEquals(3, TestDatabase.count("renter"));
    }

    @Test
    void concurrentIntakesStoreEachIntakesRentalsTogetherAndInTheirOrder() throws Exception {
        // 16 clients at once, each sending its 4 intakes one after another
        List<Integer> stored = Concurrently.run(16, Duration.ofSeconds(60), client -> {
            for (int round = 0; round < 4; round++) {
                String renter = "C" + client + "R" + round;
                byte[] pickle = RentalPickle.of(List.of(
                        List.of(renter, "F", "Axia", "1", "2024-02-01 09:00", "2024-02-01 10:00"),
                        List.of("Shared", "M", "Kancil", "2", "2024-02-01 09:00", "2024-02-01 10:00"),
                        List.of(renter, "F", "Corolla", "3", "2024-02-01 09:00", "2024-02-01 10:00")));
                assertEquals(STORED, RentalClient.send(pickle), renter);
            }
            return 4;
        });
        assertEquals(Collections.nCopies(16, 4), stored);
        List<String> byId = TestDatabase.rows("SELECT rn.name, rt.mileage_km FROM rental rt JOIN renter rn ON rn.id = rt.renter_id ORDER BY rt.id");
        assertEquals(64 * 3, byId.size());
        for (int i = 0; i < byId.size(); i += 3) {
            String renter = byId.get(i).split("\\|")[0];
            assertEquals(List.of(renter + "|1", "Shared|2", renter + "|3"), byId.subList(i, i + 3), "one intake's rentals, one after another by id");
        }
        assertEquals(65, TestDatabase.count("renter"), "64 renters and the one they share");
    }

    @Test
    void theSameIntakeOverHttpSharesTheValidationAndFeedsTheReports() throws Exception {
        String json = "{\"users\": [[\"Nur\", \"f\"], [\"Raj\", \"M\"]], \"CarStatus\": [[\"corolo\", \"120 km\"], [\"Axia\", 30]],"
                + " \"Time_Rent\": [[\"2024-02-01 09:00\", \"2024-02-01 11:00:00\"], [\"2024-02-02 09:00:00\", \"2024-02-02 10:00:00\"]]}";
        HttpResponse<String> stored = Http.post("/api/rentals", "application/json", json);
        assertEquals(201, stored.statusCode(), stored.body());
        assertEquals(2, Http.object(stored.body()).getInt("stored"));

        HttpResponse<String> refused = Http.post("/api/rentals", "application/json", json.replace("\"M\"", "\"Q\""));
        assertEquals(422, refused.statusCode());
        assertEquals("users[1]: gender must be M or F, got 'Q'", Http.object(refused.body()).getString("detail"));
        assertEquals(2, TestDatabase.count("rental"));

        assertEquals("{\"Axia\":1,\"Corolla\":1}", Http.get("/api/rentals/reports/car-models").body());
        assertEquals("{\"F\":1,\"M\":1}", Http.get("/api/rentals/reports/genders").body());
        JsonObject mileage = Http.object(Http.get("/api/rentals/reports/mileage").body());
        assertEquals(2, mileage.getInt("rentals"));
        assertEquals(150, mileage.getInt("totalKm"));
        assertEquals(75.0, mileage.getJsonNumber("averageKm").doubleValue());
        assertEquals(5400.0, Http.object(Http.get("/api/rentals/reports/duration").body()).getJsonNumber("averageSeconds").doubleValue());
        assertEquals("{\"2024-02-01\":1,\"2024-02-02\":1}", Http.get("/api/rentals/reports/per-day?from=2024-02-01&to=2024-02-28").body());
        assertEquals("{\"2024-02-02\":1}", Http.get("/api/rentals/reports/per-day?from=2024-02-02&to=2024-02-02").body());
        assertEquals(200, Http.get("/api/rentals/reports/per-day?from=2000-01-01&to=2010-01-07").statusCode(), "3,660 days");
        HttpResponse<String> tooLong = Http.get("/api/rentals/reports/per-day?from=2000-01-01&to=2010-01-08");
        assertEquals(400, tooLong.statusCode(), tooLong.body());
        assertTrue(tooLong.body().contains("at most 3660 days"), tooLong.body());
    }

    private static String sendHalfClosed(byte[] pickle) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(ItEnvironment.HOST, ItEnvironment.rentalPort()), 5000);
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(pickle);
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> storedRentals() throws Exception {
        return TestDatabase.rows("SELECT rn.name, rn.gender, rt.car_model, rt.mileage_km, rt.time_in, rt.time_out"
                + " FROM rental rt JOIN renter rn ON rn.id = rt.renter_id ORDER BY rt.time_in, rn.name");
    }


}
