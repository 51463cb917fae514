package dev.portico.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exports racing each other (command 8 and POST /api/customers/export) while customers are added never leave an older file behind. */
@ExtendWith(ArquillianExtension.class)
class CustomerExportOrderIT {

    private static final int SEEDED = 4_000;
    private static final int ROUNDS = 15;
    private static final int HTTP_EXPORTS = 6;
    private static final int SOCKET_EXPORTS = 2;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void theFileAfterConcurrentExportsHoldsAtLeastWhatTheNewestAcknowledgedExportReported() throws Exception {
        TestDatabase.clearCustomers();
        try (Connection c = TestDatabase.connect(); PreparedStatement insert = c.prepareStatement("INSERT INTO customer (name) VALUES (?)")) {
            for (int i = 0; i < SEEDED; i++) {
                insert.setString(1, String.format("seed%05d", i));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        // One export alone first: six first requests at once right after deployment were seen to hang in the server's start-up.
        assertEquals(SEEDED, exportOverHttp());
        AtomicBoolean adding = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(HTTP_EXPORTS + SOCKET_EXPORTS + 1);
        try {
            Future<Integer> adder = pool.submit(() -> addCustomersWhile(adding));
            for (int round = 1; round <= ROUNDS; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> exports = new ArrayList<>();
                for (int i = 0; i < HTTP_EXPORTS + SOCKET_EXPORTS; i++) {
                    Callable<Integer> export = i < HTTP_EXPORTS ? CustomerExportOrderIT::exportOverHttp : CustomerExportOrderIT::exportOverSocket;
                    exports.add(pool.submit(() -> {
                        start.await();
                        return export.call();
                    }));
                }
                start.countDown();
                int newest = 0;
                for (Future<Integer> export : exports) {
                    newest = Math.max(newest, export.get(2, TimeUnit.MINUTES));
                }
                List<String> lines = Files.readAllLines(ItEnvironment.exportFile());
                assertTrue(lines.size() >= newest, "round " + round + ": the file holds " + lines.size()
                        + " customers, an acknowledged export reported " + newest);
                assertEquals(lines.size(), new HashSet<>(lines).size(), "round " + round + ": every customer once");
                assertTrue(lines.stream().allMatch(line -> line.matches("(seed|added)[0-9]{5}\\|\\|\\|")), "round " + round + ": whole lines only");
            }
            adding.set(false);
            assertTrue(adder.get(1, TimeUnit.MINUTES) > ROUNDS, "customers were added while the exports ran");
        } finally {
            adding.set(false);
            pool.shutdownNow();
        }
    }

    /** Adds customers one at a time (each its own commit) until told to stop; returns how many. */
    private static int addCustomersWhile(AtomicBoolean adding) throws Exception {
        int added = 0;
        try (Connection c = TestDatabase.connect(); PreparedStatement insert = c.prepareStatement("INSERT INTO customer (name) VALUES (?)")) {
            while (adding.get()) {
                insert.setString(1, String.format("added%05d", added));
                insert.executeUpdate();
                added++;
            }
        }
        return added;
    }

    /** Exports over HTTP; returns how many customers the export reported. */
    private static int exportOverHttp() throws Exception {
        HttpResponse<String> response = Http.post("/api/customers/export", "application/json", "");
        assertEquals(200, response.statusCode(), response.body());
        return Http.object(response.body()).getInt("customers");
    }

    /** Exports with command 8; the reply reports no count. */
    private static int exportOverSocket() {
        assertEquals("File update successful.\n", CustomerDirectoryClient.ask("8\n"));
        return 0;
    }
}
