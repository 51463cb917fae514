package dev.portico.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 8, items 1, 2 and 4 against the deployed EAR: what clients that never log in can make the
 * server do. Prints the figures measured; asserts only bounds that guard against a stall.
 */
@ExtendWith(ArquillianExtension.class)
class UnauthenticatedLoadIT {

    private static final String STORED = "Data received and stored successfully";
    private static final long GIB = 1L << 30;

    private final List<Socket> idle = new ArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeEach
    void emptyTables() throws Exception {
        TestDatabase.clearRentals();
        TestDatabase.clearFeatherBase();
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (Socket socket : idle) {
            socket.close();
        }
        threads.shutdownNow();
        assertTrue(threads.awaitTermination(10, TimeUnit.SECONDS));
        TestDatabase.clearRentals();
    }

    // ---- item 1: pickles whose decoding costs far more than their size

    @Test
    void normalIntakeIsAnsweredPromptlyWhileFourConnectionsSendCostlyPicklesBackToBack() throws Exception {
        byte[] valid = RentalClient.vector("valid-one-rental-p4.pkl");
        List<Long> quiet = intakeMicros(valid, 20);
        List<byte[]> attacks = List.of(sharedTupleAsKey(), collidingKeys(6000));
        AtomicBoolean attacking = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        List<Future<Integer>> attackers = new ArrayList<>();
        for (int a = 0; a < 4; a++) {
            attackers.add(threads.submit(() -> {
                int sent = 0;
                while (attacking.get()) {
                    String reply = RentalClient.send(attacks.get(sent++ % attacks.size()));
                    assertTrue(reply.startsWith("Error: "), reply);
                    answered.incrementAndGet();
                }
                return sent;
            }));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (answered.get() < 8 && System.nanoTime() < deadline) {
            Thread.sleep(20); // until the attack is under way: every attacker is sending
        }
        List<Long> micros;
        try {
            micros = intakeMicros(valid, 40);
        } finally {
            attacking.set(false);
        }
        int attacksAnswered = 0;
        for (Future<Integer> attacker : attackers) {
            attacksAnswered += attacker.get(30, TimeUnit.SECONDS);
        }
        System.out.printf("[issue 8.1] rental intake without attack: median %.1f ms, p95 %.1f ms; with 4 connections sending costly"
                + " pickles back to back (%d answered): median %.1f ms, p95 %.1f ms, max %.1f ms%n", quiet.get(10) / 1000.0,
                quiet.get(19) / 1000.0, attacksAnswered, micros.get(20) / 1000.0, micros.get(38) / 1000.0, micros.get(39) / 1000.0);
        assertTrue(micros.get(20) < 2_000_000, "median intake took " + micros.get(20) / 1000 + " ms");
    }

    // ---- item 2: idle connections

    @Test
    void tenThousandIdleFeatherBaseConnectionsLeaveANewClientServedPromptly() throws Exception {
        int count = Integer.getInteger("portico.it.idleConnections", 10_000);
        OptionalLong rssBefore = libertyRssBytes();
        long opening = System.nanoTime();
        openIdle(ItEnvironment.featherBasePort(), count);
        long openedMillis = (System.nanoTime() - opening) / 1_000_000;
        // the last idle one was accepted and greeted: the server holds them all (or replaced older ones)
        assertEquals(FeatherBaseClient.GREETING, greeting(idle.get(idle.size() - 1)));

        long start = System.nanoTime();
        String reply;
        try (FeatherBaseClient client = new FeatherBaseClient()) {
            reply = client.ask("getdbs|");
        }
        long servedMicros = (System.nanoTime() - start) / 1000;
        OptionalLong rss = libertyRssBytes();
        System.out.printf("[issue 8.2] %d idle FeatherBase connections opened in %d ms; a new client connected, was greeted and answered"
                + " in %.1f ms; Liberty RSS %s (%s before)%n", count, openedMillis, servedMicros / 1000.0,
                rss.isPresent() ? rss.getAsLong() / (1 << 20) + " MiB" : "unknown",
                rssBefore.isPresent() ? rssBefore.getAsLong() / (1 << 20) + " MiB" : "unknown");
        assertEquals("NOTFOUND", reply);
        assertTrue(servedMicros < 2_000_000, "the new client waited " + servedMicros / 1000 + " ms");
        if (rss.isPresent() && rssBefore.isPresent()) {
            // The goal is a whole server under 1 GiB; a fresh one holds ~400 MiB. This server has deployed the EAR
            // once per test class before this test, which its own RSS carries, so the connections' share is checked.
            long grown = rss.getAsLong() - rssBefore.getAsLong();
            assertTrue(grown < GIB / 2, "10,000 idle connections grew Liberty's RSS by " + grown / (1 << 20) + " MiB");
        }
    }

    @Test
    void moreIdleConnectionsThanTheirLimitLeaveTheOneRequestListenersServingNewClients() throws Exception {
        openIdle(ItEnvironment.customerPort(), 2_500);
        long start = System.nanoTime();
        String customer = CustomerDirectoryClient.ask("1|nobody\n");
        long customerMicros = (System.nanoTime() - start) / 1000;
        idle.forEach(this::closeQuietly);
        idle.clear();

        openIdle(ItEnvironment.rentalPort(), 2_500);
        start = System.nanoTime();
        String rental = RentalClient.send(RentalClient.vector("valid-one-rental-p4.pkl"));
        long rentalMicros = (System.nanoTime() - start) / 1000;

        System.out.printf("[issue 8.2] 2500 idle connections (limit 2000): a new customer-directory client answered in %.1f ms,"
                + " a new rental intake in %.1f ms%n", customerMicros / 1000.0, rentalMicros / 1000.0);
        assertTrue(customer.length() > 0, "the customer directory answered");
        assertEquals(STORED, rental);
        assertTrue(customerMicros < 2_000_000 && rentalMicros < 2_000_000, customerMicros + " / " + rentalMicros + " µs");
    }

    // ---- item 4: password hashing

    @Test
    void overlongPasswordsAreRefusedForNewUsersAndFailAuthWithoutBeingHashed() throws Exception {
        String tooLong = "p".repeat(257);
        assertEquals(422, Http.put("/api/featherbase/users/mallory", "application/json", "{\"password\":\"" + tooLong + "\"}").statusCode());
        assertEquals(204, Http.put("/api/featherbase/users/alice", "application/json",
                "{\"password\":\"" + "p".repeat(256) + "\"}").statusCode());

        try (FeatherBaseClient client = new FeatherBaseClient()) {
            assertEquals("SUCCESS", client.ask("auth|alice>" + "p".repeat(256)));
            long start = System.nanoTime();
            assertEquals("FAILURE", client.ask("auth|alice>" + "p".repeat(1_000_000)));
            System.out.printf("[issue 8.4] auth with a 1 MB password answered in %.1f ms%n", (System.nanoTime() - start) / 1e6);
        }
    }

    @Test
    void failedAuthsFromOneAddressSlowDownWhateverUserTheyNameAndASuccessClearsThem() throws Exception {
        assertEquals(204, Http.put("/api/featherbase/users/alice", "application/json", "{\"password\":\"s3cret\"}").statusCode());
        try (FeatherBaseClient client = new FeatherBaseClient()) {
            assertEquals("SUCCESS", client.ask("auth|alice>s3cret"), "a success clears what other tests left");
        }
        for (int i = 0; i < 10; i++) {
            try (FeatherBaseClient client = new FeatherBaseClient()) {
                assertEquals("FAILURE", client.ask("auth|user" + i + ">guess"));
            }
        }
        try (FeatherBaseClient client = new FeatherBaseClient()) {
            assertEquals("FAILURE", client.ask("auth|alice>s3cret"), "too early after ten failures: refused unchecked");
        }
        Thread.sleep(2_200);
        try (FeatherBaseClient client = new FeatherBaseClient()) {
            assertEquals("SUCCESS", client.ask("auth|alice>s3cret"), "after the wait the right password works");
        }
    }

    // ---- helpers

    /** Sorted round-trip times of {@code count} intakes of the pickle, 25 ms apart. */
    private static List<Long> intakeMicros(byte[] pickle, int count) throws InterruptedException {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            assertEquals(STORED, RentalClient.send(pickle));
            micros.add((System.nanoTime() - start) / 1000);
            Thread.sleep(25);
        }
        Collections.sort(micros);
        return micros;
    }

    private void openIdle(int port, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            Socket socket = new Socket();
            idle.add(socket);
            socket.setSoTimeout(10_000);
            socket.connect(new InetSocketAddress(ItEnvironment.HOST, port), 10_000);
        }
    }

    private void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the test is done with it
        }
    }

    private static String greeting(Socket socket) throws IOException {
        return FeatherBaseClient.readGreeting(socket.getInputStream());
    }

    /** Resident memory of the test's Liberty process (the java process running this server of this wlp), from /proc. */
    private static OptionalLong libertyRssBytes() throws IOException {
        Path serverDir = ItEnvironment.serverLog().toAbsolutePath().normalize().getParent().getParent();
        String wlp = serverDir.getParent().getParent().getParent().toString();
        String server = serverDir.getFileName().toString();
        Optional<ProcessHandle> liberty = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(wlp) && c.contains(" " + server)).orElse(false))
                .findFirst();
        Path status = Path.of("/proc", String.valueOf(liberty.map(ProcessHandle::pid).orElse(-1L)), "status");
        if (liberty.isEmpty() || !Files.exists(status)) {
            return OptionalLong.empty();
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024).findFirst();
    }

    /** A tuple shared 2^18 times used as a dict key 2,000 times: 12 KB that held the listener for 29 s. */
    private static byte[] sharedTupleAsKey() {
        ByteArrayOutputStream pickle = new ByteArrayOutputStream();
        pickle.writeBytes(new byte[] {(byte) 0x80, 2, 'K', 1, (byte) 0x85});
        for (int level = 0; level < 18; level++) {
            pickle.writeBytes(new byte[] {'2', (byte) 0x86});
        }
        pickle.writeBytes(new byte[] {'q', 0});
        for (int i = 0; i < 2000; i++) {
            pickle.writeBytes(new byte[] {'}', 'h', 0, 'N', 's', '0'});
        }
        pickle.writeBytes(new byte[] {'N', '.'});
        return pickle.toByteArray();
    }

    /** A dict of distinct tuple keys that all hash alike: every insertion compares with every key before it. */
    private static byte[] collidingKeys(int keys) {
        ByteArrayOutputStream pickle = new ByteArrayOutputStream();
        pickle.writeBytes(new byte[] {(byte) 0x80, 2, '}', '('});
        for (int i = 0; i < keys; i++) {
            int second = 1_000_000 - 31 * i;
            pickle.writeBytes(new byte[] {'M', (byte) i, (byte) (i >> 8), 'J',
                    (byte) second, (byte) (second >> 8), (byte) (second >> 16), (byte) (second >> 24), (byte) 0x86, 'N'});
        }
        pickle.writeBytes(new byte[] {'u', '.'});
        return pickle.toByteArray();
    }
}
