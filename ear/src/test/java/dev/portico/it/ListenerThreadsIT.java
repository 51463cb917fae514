package dev.portico.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Threads for every listener while long replies wait on their clients: a streamed report holds
 * its request thread until the client has read it, and the listeners share the server's executor,
 * so reports read slowly must not leave the rental intake waiting for a thread.
 */
@ExtendWith(ArquillianExtension.class)
class ListenerThreadsIT {

    private static final int CUSTOMERS = 50_000;
    private static final int STALLED_REPORTS = 6;
    private static final int INTAKES = 20;
    /** Far above an intake's usual few milliseconds; before the executor kept threads ready, intakes waited 7 s or timed out. */
    private static final long INTAKE_BOUND_MILLIS = 2_000;
    private static final String STORED = "Data received and stored successfully";

    private final List<Socket> stalled = new ArrayList<>();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @AfterEach
    void closeStalledReportsAndClear() throws Exception {
        for (Socket socket : stalled) {
            socket.close();
        }
        TestDatabase.clearCustomers();
        TestDatabase.clearRentals();
    }

    @Test
    void rentalIntakeAnswersPromptlyWhileSixReportsWaitForClientsThatDoNotRead() throws Exception {
        TestDatabase.clearCustomers();
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO customer (name,age,address,phone) SELECT concat('Bulk',lpad(seq,7,'0')),1+seq%120,"
                    + "concat(seq,' St'),concat('514-',lpad(seq%10000,4,'0')) FROM seq_1_to_" + CUSTOMERS);
        }
        for (int i = 0; i < STALLED_REPORTS; i++) {
            stalled.add(reportNeverRead());
        }
        awaitReportsBlocked();
        byte[] rental = RentalClient.vector("valid-one-rental-p4.pkl");
        long slowest = 0;
        for (int i = 0; i < INTAKES; i++) {
            long started = System.nanoTime();
            assertEquals(STORED, RentalClient.send(rental), "intake " + (i + 1));
            slowest = Math.max(slowest, (System.nanoTime() - started) / 1_000_000);
        }
        System.out.printf("ListenerThreadsIT: %d intakes beside %d stalled reports, slowest %d ms%n", INTAKES, STALLED_REPORTS, slowest);
        assertTrue(slowest < INTAKE_BOUND_MILLIS, "the slowest intake took " + slowest + " ms");
    }

    /**
     * Waits until each stalled report is blocked on its client: bytes have arrived and stopped arriving
     * (the client's receive buffer is full), so the server's request waits for the client to read.
     */
    private void awaitReportsBlocked() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (Socket socket : stalled) {
            int seen = -1;
            int now = socket.getInputStream().available();
            while (now == 0 || now != seen) {
                assertTrue(System.nanoTime() < deadline, "every report filled its client's buffer within 30 s");
                Thread.sleep(200);
                seen = now;
                now = socket.getInputStream().available();
            }
        }
    }

    /** Asks for the report with a small receive buffer and never reads it. */
    private static Socket reportNeverRead() throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress(ItEnvironment.HOST, ItEnvironment.customerPort()), 5000);
        socket.getOutputStream().write("7\n".getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }
}
