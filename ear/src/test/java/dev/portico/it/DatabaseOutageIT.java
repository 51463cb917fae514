package dev.portico.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.openqa.selenium.By;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills the test database (SIGKILL: connections are refused, as after a crash) for about ten seconds
 * while clients keep writing on all three protocols, then starts it again on the same data directory.
 * Every request must get its protocol's own success or generic error reply promptly, nothing may be half
 * stored, acknowledged writes must be there, the server must serve again by itself, and the log must
 * tell the outage once (begin and end) instead of a stack trace per request.
 */
@ExtendWith(ArquillianExtension.class)
class DatabaseOutageIT {

    static final String CUSTOMER_ERROR = "Server error occurred";
    static final String RENTAL_STORED = "Data received and stored successfully";
    static final String RENTAL_ERROR = "Error: the server failed to store the rentals; nothing was stored, please retry";
    /** A hang guard, far above the goal (answered within a second while the database is down). */
    private static final long PROMPT_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final int OUTAGE_SECONDS = 10;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    /** One request and what came of it. */
    record Outcome(String protocol, String key, String reply, long startNanos, long nanos) { }

    @Test
    void aKilledDatabaseGetsPromptProtocolErrorsNoHalfWritesAndServiceReturnsByItself() throws Exception {
        TestDatabase.clearCustomers();
        TestDatabase.clearFeatherBase();
        TestDatabase.clearRentals();
        try (FeatherBaseClient setup = new FeatherBaseClient()) {
            assertEquals("SUCCESS", setup.ask("createdb|outage"));
            assertEquals("SUCCESS", setup.ask("addtbl|outage|t>writer,seq"));
        }
        long logStart = Files.size(ItEnvironment.serverLog());
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> clients = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            int writer = w;
            clients.add(new Thread(() -> addCustomers(writer, running, outcomes)));
            clients.add(new Thread(() -> addRows(writer, running, outcomes)));
            clients.add(new Thread(() -> sendIntakes(writer, running, outcomes)));
        }
        Browser browser = Browser.open();
        browser.open("/login.xhtml");
        browser.waitFor(By.id("login:username"));
        long clientsStarted = System.nanoTime();
        clients.forEach(client -> {
            client.setDaemon(true);
            client.start();
        });
        long killed;
        HttpResponse<String> added;
        HttpResponse<String> imported;
        HttpResponse<String> page;
        HttpResponse<String> ajax;
        String signIn;
        long restarting;
        long restarted;
        try {
            waitUntilEveryProtocolSucceedsAfter(clientsStarted, outcomes);
            TestDatabaseProcess database = TestDatabaseProcess.running();
            killed = System.nanoTime();
            database.kill();
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(2));
                added = ApiCalls.call("POST", "/api/customers", "{\"name\":\"OutageApi\",\"age\":1}");
                imported = Http.post("/api/customers/import", "text/plain", "OutageImport|1||\n");
                page = Http.send(Http.asAdmin("/customers.xhtml").GET());
                ajax = Http.send(Http.asAdmin("/customers.xhtml").header("Faces-Request", "partial/ajax")
                        .POST(HttpRequest.BodyPublishers.ofString("")));
                // The login form, loaded before: it says the accounts cannot be read, not that the login failed.
                browser.driver().findElement(By.id("login:username")).sendKeys(ItEnvironment.adminUser());
                browser.driver().findElement(By.id("login:password")).sendKeys(ItEnvironment.adminPassword());
                browser.driver().findElement(By.id("login:submit")).click();
                browser.waitFor(By.id("login:username"));
                signIn = browser.driver().findElement(By.tagName("body")).getText();
                Thread.sleep(TimeUnit.SECONDS.toMillis(OUTAGE_SECONDS - 2));
            } finally {
                // Whatever happens, the tests after this one get their database back.
                restarting = System.nanoTime();
                database.start();
                restarted = System.nanoTime();
            }
            waitUntilEveryProtocolSucceedsAfter(restarted, outcomes);
            Thread.sleep(1000);
        } finally {
            running.set(false);
            for (Thread client : clients) {
                client.join(30_000);
            }
            browser.close();
        }

        List<Outcome> all;
        synchronized (outcomes) {
            all = new ArrayList<>(outcomes);
        }
        report(all, killed, restarting, restarted);
        for (Outcome o : all) {
            assertTrue(expected(o), "only the protocol's success or generic error: " + o);
            assertTrue(o.nanos() < PROMPT_NANOS, "answered promptly: " + o + " took " + o.nanos() / 1_000_000 + " ms");
        }
        long settled = killed + TimeUnit.SECONDS.toNanos(1);
        for (String protocol : List.of("customer", "featherbase", "rental")) {
            assertTrue(all.stream().anyMatch(o -> o.protocol().equals(protocol) && o.startNanos() > settled && o.startNanos() < restarting
                    && isError(o)), protocol + " answered its error while the database was down");
        }
        assertNothingHalfStored(all);
        assertOutageLoggedOnce(logStart);

        JsonObject problem = ApiCalls.problem(503, added);
        assertEquals("urn:portico:problem:database-failure", problem.getString("type"));
        assertEquals("The database is unreachable; nothing was changed. Retry in a few seconds.", problem.getString("detail"));
        assertEquals("5", added.headers().firstValue("Retry-After").orElse(null), "the API says when to retry");
        // Signing in reads the accounts: the import is refused before it begins, in the same terms.
        assertEquals("urn:portico:problem:database-failure", ApiCalls.problem(503, imported).getString("type"));
        assertTrue(imported.headers().firstValue("Retry-After").isPresent());
        assertEquals(List.of(), TestDatabase.storedNames("OutageApi"), "nothing of the refused API add");
        assertEquals(503, page.statusCode(), "a console page");
        assertTrue(page.body().contains("The database is unreachable; nothing was changed. Retry in a few seconds."), page.body());
        assertTrue(ajax.body().contains("<redirect url=\"/portico/customers.xhtml\"/>"),
                "a console button loads its page again, which says what happened: " + ajax.body());
        assertTrue(signIn.contains("The database is unreachable; nothing was changed. Retry in a few seconds."), signIn);
        assertFalse(signIn.contains("Login failed."), signIn);
        assertFalse(signIn.lines().anyMatch(line -> line.strip().equals("503")),
                "the login page alone, not the error page's heading before it: " + signIn);
    }

    private static void addCustomers(int writer, AtomicBoolean running, List<Outcome> outcomes) {
        for (int seq = 0; running.get(); seq++) {
            String name = "Outage" + writer + "x" + seq;
            long start = System.nanoTime();
            String reply;
            try {
                reply = CustomerDirectoryClient.ask("2|" + name + "|1||\n");
            } catch (RuntimeException e) {
                reply = "client failure: " + e;
            }
            outcomes.add(new Outcome("customer", name, reply, start, System.nanoTime() - start));
            pause();
        }
    }

    private static void addRows(int writer, AtomicBoolean running, List<Outcome> outcomes) {
        FeatherBaseClient client = null;
        for (int seq = 0; running.get(); seq++) {
            long start = System.nanoTime();
            String reply;
            try {
                if (client == null) {
                    client = new FeatherBaseClient();
                }
                reply = client.ask("addrow|outage|t>" + writer + "," + seq);
            } catch (IOException | RuntimeException e) {
                reply = "client failure: " + e;
                client = null;
            }
            outcomes.add(new Outcome("featherbase", writer + "\t" + seq, reply, start, System.nanoTime() - start));
            pause();
        }
        try {
            if (client != null) {
                client.close();
            }
        } catch (IOException ignored) {
            // the test is over
        }
    }

    private static void sendIntakes(int writer, AtomicBoolean running, List<Outcome> outcomes) {
        for (int seq = 0; running.get(); seq++) {
            String key = "R" + writer + "x" + seq;
            List<List<String>> rentals = new ArrayList<>();
            for (String part : List.of("a", "b", "c")) {
                rentals.add(List.of(key + part, "F", "Axia", "10KM", "2024-01-25 08:30:01", "2024-01-25 20:30:01"));
            }
            long start = System.nanoTime();
            String reply;
            try {
                reply = RentalClient.send(RentalPickle.of(rentals));
            } catch (RuntimeException e) {
                reply = "client failure: " + e;
            }
            outcomes.add(new Outcome("rental", key, reply, start, System.nanoTime() - start));
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean expected(Outcome o) {
        return switch (o.protocol()) {
            case "customer" -> o.reply().equals(CUSTOMER_ERROR) || acknowledged(o);
            case "featherbase" -> o.reply().equals("FAILURE") || acknowledged(o);
            default -> o.reply().equals(RENTAL_ERROR) || acknowledged(o);
        };
    }

    private static boolean acknowledged(Outcome o) {
        return switch (o.protocol()) {
            case "customer" -> o.reply().equals("2|" + o.key() + "|1|| added to the database");
            case "featherbase" -> o.reply().equals("SUCCESS");
            default -> o.reply().equals(RENTAL_STORED);
        };
    }

    private static boolean isError(Outcome o) {
        return expected(o) && !acknowledged(o);
    }

    private static void waitUntilEveryProtocolSucceedsAfter(long since, List<Outcome> outcomes) throws InterruptedException {
        long deadline = since + TimeUnit.SECONDS.toNanos(30);
        Predicate<String> served = protocol -> {
            synchronized (outcomes) {
                return outcomes.stream().anyMatch(o -> o.protocol().equals(protocol) && o.startNanos() > since && acknowledged(o));
            }
        };
        while (!(served.test("customer") && served.test("featherbase") && served.test("rental"))) {
            assertTrue(System.nanoTime() < deadline, "every protocol succeeds within 30 s (of the start, or of the database's return)");
            Thread.sleep(100);
        }
    }

    /** Acknowledged writes are stored; an intake's three rentals are stored all or none; a refused customer or row may be absent. */
    private static void assertNothingHalfStored(List<Outcome> all) throws Exception {
        Map<String, Integer> rentalsPerIntake = TestDatabase.rows("SELECT r.name FROM renter r JOIN rental x ON x.renter_id = r.id").stream()
                .collect(Collectors.toMap(name -> name.substring(0, name.length() - 1), name -> 1, Integer::sum));
        for (Outcome o : all) {
            if (o.protocol().equals("rental")) {
                int stored = rentalsPerIntake.getOrDefault(o.key(), 0);
                assertTrue(stored == 0 || stored == 3, "intake " + o.key() + " stored whole or not at all, found " + stored);
                if (acknowledged(o)) {
                    assertEquals(3, stored, "acknowledged intake " + o.key() + " stored");
                }
            } else if (o.protocol().equals("customer") && acknowledged(o)) {
                assertEquals(List.of(o.key()), TestDatabase.storedNames(o.key()), "acknowledged customer stored");
            }
        }
        List<String> storedRows = new ArrayList<>();
        try (FeatherBaseClient reader = new FeatherBaseClient()) {
            for (int row = 0; ; row++) {
                String reply = reader.ask("getrow|outage|t>" + row);
                if (reply.equals("INVALID")) {
                    break;
                }
                storedRows.add(reply);
            }
        }
        List<String> missing = all.stream().filter(o -> o.protocol().equals("featherbase") && acknowledged(o)).map(Outcome::key)
                .filter(key -> !storedRows.contains(key)).toList();
        assertEquals(List.of(), missing, "acknowledged FeatherBase rows stored");
    }

    /** One line when the outage begins, one when it ends; no stack trace per refused request. */
    private static void assertOutageLoggedOnce(long from) throws IOException {
        byte[] log = Files.readAllBytes(ItEnvironment.serverLog());
        int start = log.length >= from ? (int) from : 0; // the log rolled over: all of the new one is this test's
        List<String> lines = new String(log, start, log.length - start, StandardCharsets.UTF_8).lines().toList();
        long down = lines.stream().filter(l -> l.contains("Portico: the database is unreachable")).count();
        long up = lines.stream().filter(l -> l.contains("Portico: the database answers again")).count();
        long stackFrames = lines.stream().filter(l -> l.startsWith("\tat ")).count();
        long errors = lines.stream().filter(l -> l.matches("^\\[[^]]+] \\S+ \\S+ +E .*")).count();
        System.out.printf(Locale.ROOT, "outage log: %d lines, %d error entries, %d stack frames%n", lines.size(), errors, stackFrames);
        assertEquals(1, down, "the outage's start logged once");
        assertEquals(1, up, "the outage's end logged once");
        // Liberty's connection pool still reports the connections it loses (J2CA, DSRA); the application's requests do not.
        assertEquals(List.of(), lines.stream().filter(l -> l.contains("CNTR0020E") || l.contains("WLTC0017E") || l.contains("failed")
                && l.contains("dev.portico")).toList(), "no request the database failed is logged as an unexpected error");
    }

    private static void report(List<Outcome> all, long killed, long restarting, long restarted) {
        for (String protocol : List.of("customer", "featherbase", "rental")) {
            List<Outcome> during = all.stream().filter(o -> o.protocol().equals(protocol) && o.startNanos() > killed && o.startNanos() < restarting).toList();
            long max = during.stream().mapToLong(Outcome::nanos).max().orElse(0) / 1_000_000;
            List<Long> sorted = during.stream().map(Outcome::nanos).sorted().toList();
            long p99 = sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99))) / 1_000_000;
            long back = all.stream().filter(o -> o.protocol().equals(protocol) && o.startNanos() > restarted && acknowledged(o))
                    .mapToLong(Outcome::startNanos).min().orElse(restarted) - restarted;
            System.out.printf(Locale.ROOT, "%s: %d requests while the database was down, p99 %d ms, max %d ms, %d errors; served again %d ms after it was back%n",
                    protocol, during.size(), p99, max, during.stream().filter(DatabaseOutageIT::isError).count(), back / 1_000_000);
        }
        System.out.printf(Locale.ROOT, "the database took %d ms to restart%n", (restarted - restarting) / 1_000_000);
    }
}
