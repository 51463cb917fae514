package dev.portico.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills the server (SIGKILL, no shutdown) while clients are writing, starts it again, and checks
 * that every write that was acknowledged is there. Runs after the Arquillian tests, on the same
 * test server, which it starts and stops itself with the EAR in dropins/.
 */
class CrashRecoveryIT {

    private static final Path WLP = Path.of(System.getProperty("portico.it.wlp", "target/liberty/wlp"));
    private static final String SERVER = System.getProperty("portico.it.serverName", "portico-test");

    @BeforeAll
    static void deployAndStart() throws Exception {
        TestDatabase.clearCustomers();
        TestDatabase.clearFeatherBase();
        TestDatabase.clearRentals();
        Files.copy(ItEnvironment.ear(), dropins().resolve("portico.ear"), StandardCopyOption.REPLACE_EXISTING);
        startServer();
    }

    @AfterAll
    static void stopAndUndeploy() throws Exception {
        server("stop");
        Files.deleteIfExists(dropins().resolve("portico.ear"));
    }

    @Test
    void everyAcknowledgedWriteSurvivesAKilledServer() throws Exception {
        try (FeatherBaseClient setup = new FeatherBaseClient()) {
            assertEquals("SUCCESS", setup.ask("createdb|crash"));
            assertEquals("SUCCESS", setup.ask("addtbl|crash|t>writer,seq"));
        }
        List<String> acknowledgedRows = Collections.synchronizedList(new ArrayList<>());
        List<String> acknowledgedCustomers = Collections.synchronizedList(new ArrayList<>());
        List<String> acknowledgedIntakes = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            writers.add(new Thread(() -> writeRows(writer, writing, acknowledgedRows)));
            writers.add(new Thread(() -> addCustomers(writer, writing, acknowledgedCustomers)));
            writers.add(new Thread(() -> sendIntakes(writer, writing, acknowledgedIntakes)));
        }
        writers.forEach(Thread::start);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while ((acknowledgedRows.size() <= 50 || acknowledgedCustomers.size() <= 20 || acknowledgedIntakes.size() <= 20)
                && System.nanoTime() < deadline) {
            Thread.sleep(50); // until the writers got going (asserted below)
        }
        kill();
        writing.set(false);
        for (Thread t : writers) {
            t.join(30_000);
        }
        assertTrue(acknowledgedRows.size() > 50 && acknowledgedCustomers.size() > 20 && acknowledgedIntakes.size() > 20,
                "the writers got going before the kill: " + acknowledgedRows.size() + " rows, " + acknowledgedCustomers.size() + " customers, "
                        + acknowledgedIntakes.size() + " intakes");

        startServer();
        List<String> stored = new ArrayList<>();
        try (FeatherBaseClient reader = new FeatherBaseClient()) {
            for (int row = 0; ; row++) {
                String reply = reader.ask("getrow|crash|t>" + row);
                if (reply.equals("INVALID")) {
                    break;
                }
                stored.add(reply);
            }
        }
        List<String> missing = new ArrayList<>(acknowledgedRows);
        missing.removeAll(stored);
        assertEquals(List.of(), missing, "acknowledged rows lost in the crash");
        for (String name : acknowledgedCustomers) {
            assertEquals(name + "|1||", CustomerDirectoryClient.ask("1|" + name + "\n"), "acknowledged customer lost in the crash");
        }
        List<String> intakesLost = new ArrayList<>(acknowledgedIntakes);
        intakesLost.removeAll(TestDatabase.rows("SELECT rn.name FROM rental rt JOIN renter rn ON rn.id = rt.renter_id WHERE rt.mileage_km = 2"));
        assertEquals(List.of(), intakesLost, "acknowledged intakes lost in the crash (or stored without their second rental)");
    }

    private static void writeRows(int writer, AtomicBoolean writing, List<String> acknowledged) {
        try (FeatherBaseClient client = new FeatherBaseClient()) {
            for (int seq = 0; writing.get(); seq++) {
                if (client.ask("addrow|crash|t>" + writer + "," + seq).equals("SUCCESS")) {
                    acknowledged.add(writer + "\t" + seq);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the server was killed under this writer: what it acknowledged so far is recorded
        }
    }

    private static void addCustomers(int writer, AtomicBoolean writing, List<String> acknowledged) {
        for (int seq = 0; writing.get(); seq++) {
            String name = "Crash" + writer + "x" + seq;
            try {
                if (CustomerDirectoryClient.ask("2|" + name + "|1||\n").equals("2|" + name + "|1|| added to the database")) {
                    acknowledged.add(name);
                }
            } catch (RuntimeException e) {
                return;
            }
        }
    }

    /** Intakes of two rentals, each under its own renter; the renter's name is recorded once the intake is acknowledged. */
    private static void sendIntakes(int writer, AtomicBoolean writing, List<String> acknowledged) {
        for (int seq = 0; writing.get(); seq++) {
            String renter = "Crash" + writer + "x" + seq;
            byte[] pickle = RentalPickle.of(List.of(
                    List.of(renter, "F", "Axia", "1", "2024-02-01 09:00", "2024-02-01 10:00"),
                    List.of(renter, "F", "Kancil", "2", "2024-02-01 11:00", "2024-02-01 12:00")));
            try {
                if (RentalClient.send(pickle).equals("Data received and stored successfully")) {
                    acknowledged.add(renter);
                }
            } catch (RuntimeException e) {
                return;
            }
        }
    }

    private static void kill() throws Exception {
        Path pidFile = WLP.resolve("usr/servers/.pid/" + SERVER + ".pid");
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no server process " + pid));
        assertTrue(process.destroyForcibly(), "SIGKILL sent");
        process.onExit().get(30, TimeUnit.SECONDS);
    }

    private static void startServer() throws Exception {
        server("start");
        waitForPort(ItEnvironment.featherBasePort());
        waitForPort(ItEnvironment.customerPort());
        waitForPort(ItEnvironment.rentalPort());
    }

    private static void server(String action) throws Exception {
        Process p = new ProcessBuilder(WLP.resolve("bin/server").toString(), action, SERVER).inheritIO().start();
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), "server " + action + " finished");
    }

    private static void waitForPort(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(ItEnvironment.HOST, port), 1000);
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("port " + port + " not listening after the server started");
                }
                Thread.sleep(200);
            }
        }
    }

    private static Path dropins() throws IOException {
        return Files.createDirectories(WLP.resolve("usr/servers/" + SERVER + "/dropins"));
    }
}
