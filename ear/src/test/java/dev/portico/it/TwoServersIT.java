package dev.portico.it;

import dev.portico.it.ScaleOut.Listener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two servers on one database (made from the test server by scale-out/portico-servers.sh), clients
 * spread over both: what one server stores or changes holds on the other at once, and the invariants
 * that only the database can keep (unique names, consecutive row numbers, each rental once) hold.
 * Last, one of them is killed under load through HAProxy.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoServersIT {

    private static final String STORED = "Data received and stored successfully";

    @BeforeAll
    static void startTwoServers() throws Exception {
        ScaleOut.up();
        TestDatabase.clearCustomers();
        TestDatabase.clearFeatherBase();
        TestDatabase.clearRentals();
    }

    @AfterAll
    static void stopThem() throws Exception {
        ScaleOut.down();
    }

    @Test
    void oneCustomerPerNameWhateverTheCaseWhenBothServersAddItAtOnce() throws Exception {
        List<String> names = List.of("Scaleanne", "Scalebert", "Scalecilia", "Scaledmund", "Scaleva", "Scalefrank");
        record Add(int port, String line) { }
        List<Add> adds = new ArrayList<>();
        for (String name : names) {
            for (String spelling : List.of(name, name.toUpperCase(Locale.ROOT), name.toLowerCase(Locale.ROOT), swapCase(name))) {
                for (int server = 1; server <= ScaleOut.SERVERS; server++) {
                    adds.add(new Add(ScaleOut.port(Listener.CUSTOMER, server), "2|" + spelling + "|30|1 Main Street|514-0100\n"));
                }
            }
        }
        List<String> replies = Concurrently.run(adds.size(), Duration.ofSeconds(60), i -> CustomerDirectoryClient.ask(adds.get(i).port(), adds.get(i).line()));
        int added = 0;
        for (String text : replies) {
            assertTrue(text.endsWith(" added to the database") || text.endsWith(" already stored in the database"), text);
            added += text.endsWith(" added to the database") ? 1 : 0;
        }
        assertEquals(names.size(), added, "one add per name succeeded, whichever server and spelling");
        for (String name : names) {
            assertEquals(1, TestDatabase.rows("SELECT name FROM customer WHERE name_key = '" + name.toLowerCase(Locale.ROOT) + "'").size());
            for (int server = 1; server <= ScaleOut.SERVERS; server++) {
                assertTrue(CustomerDirectoryClient.ask(ScaleOut.port(Listener.CUSTOMER, server), "1|" + name + "\n").endsWith("|30|1 Main Street|514-0100"),
                        name + " found through server " + server);
            }
        }
    }

    @Test
    void rowNumbersStayDistinctAndConsecutiveUnderAddrowThroughBothServers() throws Exception {
        try (FeatherBaseClient setup = new FeatherBaseClient(ScaleOut.port(Listener.FEATHERBASE, 1))) {
            assertEquals("SUCCESS", setup.ask("createdb|scale"));
            assertEquals("SUCCESS", setup.ask("addtbl|scale|rows>writer,seq"));
        }
        int writersPerServer = 3;
        int rowsEach = 40;
        // writer i: server i / writersPerServer + 1, named s<server>w<i % writersPerServer>
        List<Integer> writers = Concurrently.run(writersPerServer * ScaleOut.SERVERS, Duration.ofSeconds(120), i -> {
            int server = i / writersPerServer + 1;
            return addRows(ScaleOut.port(Listener.FEATHERBASE, server), "s" + server + "w" + i % writersPerServer, rowsEach);
        });
        assertEquals(Collections.nCopies(writers.size(), rowsEach), writers, "every addrow answered SUCCESS");
        int total = writers.size() * rowsEach;
        Set<String> stored = new HashSet<>();
        try (FeatherBaseClient one = new FeatherBaseClient(ScaleOut.port(Listener.FEATHERBASE, 1));
             FeatherBaseClient two = new FeatherBaseClient(ScaleOut.port(Listener.FEATHERBASE, 2))) {
            for (int row = 0; row < total; row++) {
                String reply = (row % 2 == 0 ? one : two).ask("getrow|scale|rows>" + row);
                assertTrue(stored.add(reply), "row " + row + " holds a write no other row holds: " + reply);
            }
            assertEquals("INVALID", one.ask("getrow|scale|rows>" + total), "no row beyond the " + total + " written");
            assertEquals("INVALID", two.ask("getrow|scale|rows>" + total));
        }
        assertEquals(total, stored.size());
    }

    @Test
    void noRentalIsLostOrDoubledWhenBothServersTakeIntakesOfTheSameRenters() throws Exception {
        int sendersPerServer = 3;
        int intakesEach = 15;
        // sender i: server i / sendersPerServer + 1, its mileages from (server * 10 + i % sendersPerServer) * 1000
        List<List<Integer>> senders = Concurrently.run(sendersPerServer * ScaleOut.SERVERS, Duration.ofSeconds(120), i -> {
            int server = i / sendersPerServer + 1;
            return sendIntakes(ScaleOut.port(Listener.RENTAL, server), (server * 10 + i % sendersPerServer) * 1000, intakesEach);
        });
        List<Integer> acknowledged = new ArrayList<>();
        senders.forEach(acknowledged::addAll);
        assertEquals(senders.size() * intakesEach * 2, acknowledged.size(), "every intake acknowledged");
        List<String> stored = TestDatabase.rows("SELECT mileage_km FROM rental ORDER BY mileage_km");
        Collections.sort(acknowledged);
        assertEquals(acknowledged.stream().map(String::valueOf).toList(), stored, "each acknowledged rental stored exactly once");
        assertEquals(List.of("3"), TestDatabase.rows("SELECT COUNT(*) FROM renter"), "the three shared renters stored once each");
    }

    @Test
    void featherBaseUserPasswordAndGrantChangedThroughOneServerTakeEffectOnTheOtherAtOnce() throws Exception {
        int other = ScaleOut.port(Listener.FEATHERBASE, 2);
        try (FeatherBaseClient setup = new FeatherBaseClient(other)) {
            assertEquals("SUCCESS", setup.ask("createdb|granted"));
            assertEquals("SUCCESS", setup.ask("addtbl|granted|t>v"));
            assertEquals("SUCCESS", setup.ask("addrow|granted|t>one"));
        }
        assertEquals(204, ScaleOut.put(1, "/api/featherbase/users/carol", "{\"password\":\"first-pass\"}").statusCode());
        assertEquals(204, ScaleOut.put(1, "/api/featherbase/users/carol/grants/granted", "").statusCode());
        try (FeatherBaseClient carol = new FeatherBaseClient(other)) {
            assertEquals("SUCCESS", carol.ask("auth|carol>first-pass"), "a user created on server 1 signs in on server 2");
            assertEquals("one", carol.ask("getrow|granted|t>0"));

            assertEquals(204, ScaleOut.delete(1, "/api/featherbase/users/carol/grants/granted").statusCode());
            assertEquals("FAILURE", carol.ask("getrow|granted|t>0"), "a grant revoked on server 1 is gone on server 2 at the next command");
            assertEquals(204, ScaleOut.put(1, "/api/featherbase/users/carol/grants/granted", "").statusCode());
            assertEquals("one", carol.ask("getrow|granted|t>0"), "a grant given on server 1 holds on server 2 at once");
        }
        assertEquals(204, ScaleOut.put(1, "/api/featherbase/users/carol", "{\"password\":\"second-pass\"}").statusCode());
        try (FeatherBaseClient stale = new FeatherBaseClient(other); FeatherBaseClient fresh = new FeatherBaseClient(other)) {
            assertEquals("FAILURE", stale.ask("auth|carol>first-pass"), "the old password no longer works on server 2");
            assertEquals("SUCCESS", fresh.ask("auth|carol>second-pass"), "the new password works on server 2 at once");
        }
        assertEquals(204, ScaleOut.delete(1, "/api/featherbase/users/carol").statusCode());
        try (FeatherBaseClient gone = new FeatherBaseClient(other)) {
            assertEquals("FAILURE", gone.ask("auth|carol>second-pass"), "a user deleted on server 1 cannot sign in on server 2");
        }
    }

    @Test
    void throughHaproxyEachSocketClientIsThrottledByItsOwnAddressNotHaproxys() throws Exception {
        assertEquals(204, ScaleOut.put(1, "/api/featherbase/users/erin", "{\"password\":\"erin-pass\"}").statusCode());
        int front = ScaleOut.port(Listener.FEATHERBASE, 0);
        // A guesser's twelve connections, open together: least-connections balancing gives each server six. Each
        // connection may fail three times before the server closes it: 18 failures per server, beyond the 10 free ones.
        List<FeatherBaseClient> guessers = new ArrayList<>();
        Set<String> guessed = new HashSet<>();
        try {
            for (int i = 0; i < 12; i++) {
                guessers.add(new FeatherBaseClient("127.0.0.2", front));
            }
            for (FeatherBaseClient guesser : guessers) {
                for (int attempt = 0; attempt < 3; attempt++) {
                    guessed.add(guesser.ask("auth|erin>wrong-" + attempt));
                }
            }
        } finally {
            for (FeatherBaseClient guesser : guessers) {
                guesser.close();
            }
        }
        assertEquals(Set.of("FAILURE"), guessed);
        try (FeatherBaseClient one = new FeatherBaseClient("127.0.0.2", front); FeatherBaseClient two = new FeatherBaseClient("127.0.0.2", front)) {
            assertEquals("FAILURE", one.ask("auth|erin>erin-pass"), "the guesser's address waits now on either server, even with the password");
            assertEquals("FAILURE", two.ask("auth|erin>erin-pass"), "the guesser's address waits now on either server, even with the password");
        }
        // Another client's four connections, at least one on each server: were every client HAProxy's 127.0.0.1, it would wait too.
        List<FeatherBaseClient> other = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                other.add(new FeatherBaseClient("127.0.0.3", front));
            }
            for (FeatherBaseClient client : other) {
                assertEquals("SUCCESS", client.ask("auth|erin>erin-pass"), "another client signs in at once, whichever server");
            }
        } finally {
            for (FeatherBaseClient client : other) {
                client.close();
            }
        }
    }

    @Test
    void throughHaproxyEachHttpClientIsThrottledByItsOwnAddressWhateverItClaims() throws Exception {
        int front = ScaleOut.port(Listener.HTTP, 0);
        String wrong = Http.basic(ItEnvironment.adminUser(), "not-the-password");
        String right = Http.basic(ItEnvironment.adminUser(), ItEnvironment.adminPassword());
        // Round robin: four wrong passwords per server from 127.0.0.2, each claiming another client in a header of its own.
        for (int i = 0; i < 8; i++) {
            assertEquals(401, apiStatus("127.0.0.2", front, wrong, (i % 2 == 0 ? "X-Forwarded-For: " : "Forwarded: for=") + "203.0.113." + i));
        }
        assertEquals(401, apiStatus("127.0.0.2", front, right, "X-Forwarded-For: 203.0.113.99"), "the guesser waits now on one server");
        assertEquals(401, apiStatus("127.0.0.2", front, right, "Forwarded: for=203.0.113.98"), "and on the other, whatever it claims");
        // Were every request HAProxy's 127.0.0.1 to the servers, these would wait too.
        assertEquals(200, apiStatus("127.0.0.3", front, right, null), "another client is let in at once");
        assertEquals(200, apiStatus("127.0.0.3", front, right, null), "on either server");
        for (int server = 1; server <= ScaleOut.SERVERS; server++) {
            assertEquals(200, ScaleOut.get(server, "/api/customers").statusCode(), "HAProxy's own address is not held for the guesser");
            Path log = ScaleOut.accessLog(server);
            assertTrue(Files.readAllLines(log).stream().anyMatch(line -> line.startsWith("127.0.0.3 admin ")),
                    "server " + server + "'s access log names the client, not HAProxy: " + log);
        }
    }

    @Test
    void failedLoginsCountOnEveryServerSoAGuesserSpreadOverBothWaitsOnBoth() throws Exception {
        String wrong = Http.basic(ItEnvironment.adminUser(), "not-the-password");
        String right = Http.basic(ItEnvironment.adminUser(), ItEnvironment.adminPassword());
        // Two wrong passwords on each server, straight to it: fewer than the three free failures on either, four in all.
        for (int i = 0; i < 4; i++) {
            assertEquals(401, apiStatus("127.0.0.4", ScaleOut.port(Listener.HTTP, 1 + i % 2), wrong, null));
        }
        for (int server = 1; server <= ScaleOut.SERVERS; server++) {
            assertEquals(401, apiStatus("127.0.0.4", ScaleOut.port(Listener.HTTP, server), right, null),
                    "server " + server + " counts the failures made on the other: the guesser waits, even with the password");
        }
        assertEquals(200, apiStatus("127.0.0.5", ScaleOut.port(Listener.HTTP, 1), right, null), "another client is let in at once");

        assertEquals(204, ScaleOut.put(1, "/api/featherbase/users/frank", "{\"password\":\"frank-pass\"}").statusCode());
        // FeatherBase: six failures on each server (two connections of three), fewer than the ten free ones on either.
        for (int i = 0; i < 4; i++) {
            try (FeatherBaseClient guesser = new FeatherBaseClient("127.0.0.4", ScaleOut.port(Listener.FEATHERBASE, 1 + i % 2))) {
                for (int attempt = 0; attempt < 3; attempt++) {
                    assertEquals("FAILURE", guesser.ask("auth|frank>wrong-" + attempt));
                }
            }
        }
        for (int server = 1; server <= ScaleOut.SERVERS; server++) {
            try (FeatherBaseClient guesser = new FeatherBaseClient("127.0.0.4", ScaleOut.port(Listener.FEATHERBASE, server))) {
                assertEquals("FAILURE", guesser.ask("auth|frank>frank-pass"), "server " + server + " counts the other's failures too");
            }
        }
        try (FeatherBaseClient other = new FeatherBaseClient("127.0.0.5", ScaleOut.port(Listener.FEATHERBASE, 2))) {
            assertEquals("SUCCESS", other.ask("auth|frank>frank-pass"), "another client signs in at once");
        }
    }

    /** The status of GET /api/customers through HAProxy from a given loopback address, with a header line of its own if given. */
    private static int apiStatus(String from, int port, String authorization, String header) throws IOException {
        String[] lines = header == null ? new String[] {"Authorization: " + authorization} : new String[] {"Authorization: " + authorization, header};
        return RawHttp.getFrom(from, port, "/api/customers", lines).status();
    }

    @Test
    void consoleAndApiOfEitherServerShowTheSameData() throws Exception {
        assertTrue(CustomerDirectoryClient.ask(ScaleOut.port(Listener.CUSTOMER, 1), "2|Samedata|41|2 Side Road|514-0141\n")
                .endsWith(" added to the database"));
        assertEquals(204, ScaleOut.put(2, "/api/featherbase/users/dave", "{\"password\":\"dave-pass\"}").statusCode());
        for (String path : List.of("/api/customers", "/api/customers/Samedata", "/api/featherbase/users", "/api/rentals")) {
            String one = ScaleOut.get(1, path).body();
            assertEquals(one, ScaleOut.get(2, path).body(), path + " is the same on both servers");
        }
        assertTrue(ScaleOut.get(2, "/api/customers/samedata").body().contains("\"address\":\"2 Side Road\""),
                "a customer added through server 1's listener is in server 2's API");
        for (int server = 1; server <= ScaleOut.SERVERS; server++) {
            String page = ScaleOut.get(server, "/customers/").body();
            assertTrue(page.contains("Samedata") && page.contains("2 Side Road"), "server " + server + "'s console lists the customer");
            assertTrue(ScaleOut.get(server, "/featherbase/users.xhtml").body().contains("dave"), "server " + server + "'s console lists the user");
        }
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void killedServerLosesNoAcknowledgedWriteAndHaproxyMovesItsClientsToTheOther() throws Exception {
        FailoverLoad load = FailoverLoad.start();
        Thread.sleep(3000);
        long killedAt = System.nanoTime();
        ScaleOut.kill(2);
        Thread.sleep(8000);
        FailoverLoad.Outcome outcome = load.stop();
        System.out.printf("[two servers] kill -9 of server 2 under load through HAProxy: %s%n", outcome);

        assertTrue(outcome.everyProtocolWrote(), "every protocol's writes got through at all: " + outcome);
        assertTrue(outcome.acknowledgedAfter(killedAt + TimeUnit.SECONDS.toNanos(3)) > 20,
                "writes through HAProxy are acknowledged again within 3 s of the kill: " + outcome);
        assertEquals(List.of(), outcome.lostRows(), "acknowledged rows lost");
        assertEquals(List.of(), outcome.lostCustomers(), "acknowledged customers lost");
        assertEquals(List.of(), outcome.lostOrDoubledRentals(), "acknowledged rentals lost or doubled");
        assertEquals(List.of(), outcome.rowNumberGaps(), "row numbers consecutive despite the kill");
    }

    private static int addRows(int port, String writer, int rows) throws IOException {
        int acknowledged = 0;
        try (FeatherBaseClient client = new FeatherBaseClient(port)) {
            for (int seq = 0; seq < rows; seq++) {
                acknowledged += client.ask("addrow|scale|rows>" + writer + "," + seq).equals("SUCCESS") ? 1 : 0;
            }
        }
        return acknowledged;
    }

    /** Intakes of two rentals each, for three renters every sender shares; each rental's mileage is unique. Returns those acknowledged. */
    private static List<Integer> sendIntakes(int port, int firstMileage, int intakes) {
        List<Integer> acknowledged = new ArrayList<>();
        for (int i = 0; i < intakes; i++) {
            int a = firstMileage + 2 * i;
            int b = a + 1;
            byte[] pickle = RentalPickle.of(List.of(
                    List.of("Shared" + (i % 3), "F", "Axia", a + "KM", "2024-01-25 08:30:01", "2024-01-25 20:30:01"),
                    List.of("Shared" + ((i + 1) % 3), "F", "Axia", b + "KM", "2024-01-26 08:30:01", "2024-01-26 20:30:01")));
            String reply = RentalClient.send(port, pickle);
            if (reply.startsWith(STORED)) {
                acknowledged.add(a);
                acknowledged.add(b);
            }
        }
        return acknowledged;
    }

    private static String swapCase(String name) {
        StringBuilder swapped = new StringBuilder();
        for (char c : name.toCharArray()) {
            swapped.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return swapped.toString();
    }
}
