package dev.portico.jca.transport;

import dev.portico.jca.api.CustomerDirectoryReply;
import dev.portico.jca.api.CustomerDirectoryRequest;
import dev.portico.jca.api.ListenerStatistics;
import dev.portico.jca.api.ListenerStatistics.ProblemKind;
import dev.portico.jca.codec.CustomerDirectorySession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

import static dev.portico.jca.transport.LoopbackClient.send;
import static dev.portico.jca.transport.LoopbackClient.readExactly;
import static dev.portico.jca.transport.LoopbackClient.readToEnd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The counters a listener keeps for status pages, observed over real loopback sockets. */
class ListenerStatisticsTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final int LIMIT = 512;
    private static final Duration READ_TIMEOUT = Duration.ofMillis(300);

    static {
        // The failing handlers below log SEVERE by design; start and stop messages are noise.
        Logger.getLogger(SocketListener.class.getName()).setLevel(Level.OFF);
    }

    private final ListenerBench bench = new ListenerBench();

    @AfterEach
    void tearDown() throws InterruptedException {
        bench.close();
    }

    @Test
    void newListenerReportsItsAddressListeningAndNothingServed() throws Exception {
        Instant before = Instant.now();
        SocketListener<?, ?> listener = customerListener(request -> echo(request));

        ListenerStatistics stats = listener.statistics();

        assertEquals("customer-directory-test", stats.protocol());
        assertEquals(LOOPBACK.getHostAddress(), stats.bindAddress());
        assertEquals(listener.port(), stats.port());
        assertTrue(stats.listening());
        assertFalse(stats.since().isBefore(before));
        assertEquals(List.of(0, 0L, 0L, 0L, 0L), List.of(stats.openConnections(), stats.connectionsAccepted(), stats.requests(),
                stats.errors(), stats.refused()));
        assertNull(stats.lastProblem());
    }

    @Test
    void requestsAnsweredByTheApplicationAreCountedWithoutErrors() throws Exception {
        SocketListener<?, ?> listener = customerListener(request -> echo(request));

        for (int i = 0; i < 3; i++) {
            assertEquals("n" + i + "||echo|", ask(listener, "1|n" + i + "\n"));
        }

        ListenerStatistics stats = listener.statistics();
        assertEquals(3, stats.requests());
        assertEquals(3, stats.connectionsAccepted());
        assertEquals(0, stats.errors());
        assertEquals(0, stats.refused());
        assertNull(stats.lastProblem());
        assertEquals(0, awaitStatistics(listener, s -> s.openConnections() == 0).openConnections(), "every connection closed");
    }

    @Test
    void handlerThatThrowsCountsAnErrorDescribedWithItsMessageAndCause() throws Exception {
        SocketListener<?, ?> listener = customerListener(request -> {
            throw new IllegalStateException("delivery failed", new IOException("the database is down (thrown by the test)"));
        });
        Instant before = Instant.now();

        assertEquals("Server error occurred", ask(listener, "1|John\n"));

        ListenerStatistics stats = listener.statistics();
        assertEquals(1, stats.requests());
        assertEquals(1, stats.errors());
        assertEquals(0, stats.refused());
        ListenerStatistics.Problem problem = stats.lastProblem();
        assertEquals(ProblemKind.ERROR, problem.kind());
        assertFalse(problem.at().isBefore(before));
        assertTrue(problem.description().startsWith("Find from /127.0.0.1:"), problem.description());
        assertTrue(problem.description().endsWith("failed: IllegalStateException: delivery failed"
                + " (caused by IOException: the database is down (thrown by the test))"), problem.description());
    }

    @Test
    void malformedRequestCountsARefusalWithTheReplySentAndNeverAnError() throws Exception {
        SocketListener<?, ?> listener = customerListener(request -> echo(request));

        assertEquals("invalid choice...\n", ask(listener, "9|what\n"));

        ListenerStatistics stats = listener.statistics();
        assertEquals(1, stats.requests());
        assertEquals(1, stats.refused());
        assertEquals(0, stats.errors());
        assertEquals(ProblemKind.REFUSED, stats.lastProblem().kind());
        assertTrue(stats.lastProblem().description().matches("bad input from /127\\.0\\.0\\.1:\\d+, answered: invalid choice\\.\\.\\."),
                stats.lastProblem().description());
    }

    @Test
    void latestProblemReplacesTheEarlierOne() throws Exception {
        SocketListener<?, ?> listener = customerListener(request -> {
            throw new IllegalStateException("boom (thrown by the test)");
        });

        ask(listener, "1|John\n");
        ask(listener, "2|too|few\n");

        ListenerStatistics stats = listener.statistics();
        assertEquals(List.of(2L, 1L, 1L), List.of(stats.requests(), stats.errors(), stats.refused()));
        assertEquals(ProblemKind.REFUSED, stats.lastProblem().kind());
        assertTrue(stats.lastProblem().description().endsWith("answered: Input formate dismatch."), stats.lastProblem().description());
    }

    @Test
    void requestThatTimesOutCountsARefusal() throws Exception {
        SocketListener<?, ?> listener = customerListener(request -> echo(request));
        Socket client = connect(listener);

        send(client, "1|no newline");

        assertEquals("Request timed out waiting for delimiter.", LoopbackClient.readToEnd(client));
        ListenerStatistics stats = listener.statistics();
        assertEquals(1, stats.refused());
        assertTrue(stats.lastProblem().description().startsWith("timed out from /127.0.0.1:"), stats.lastProblem().description());
    }

    @Test
    void clientThatClosesMidRequestCountsARefusalButAPortProbeCountsNothing() throws Exception {
        SocketListener<?, ?> listener = customerListener(request -> echo(request));

        Socket probe = connect(listener);
        probe.shutdownOutput();
        LoopbackClient.readToEnd(probe);
        Socket halfSent = connect(listener);
        send(halfSent, "1|Jo");
        halfSent.shutdownOutput();

        assertEquals("Incomplete request (connection closed before delimiter).", LoopbackClient.readToEnd(halfSent));
        ListenerStatistics stats = listener.statistics();
        assertEquals(2, stats.connectionsAccepted());
        assertEquals(1, stats.requests());
        assertEquals(1, stats.refused());
        assertTrue(stats.lastProblem().description().startsWith("incomplete request from "), stats.lastProblem().description());
    }

    @Test
    void persistentConnectionsCountAsOpenUntilTheyClose() throws Exception {
        SocketListener<?, ?> listener = semicolonListener(request -> request.toUpperCase(Locale.ROOT));
        Socket first = connect(listener);
        Socket second = connect(listener);
        assertEquals("HI;", LoopbackClient.readExactly(first, 3));
        assertEquals("HI;", LoopbackClient.readExactly(second, 3));
        assertEquals(2, awaitStatistics(listener, s -> s.openConnections() == 2).openConnections());

        send(first, "a;;");
        assertEquals("A;EMPTY;", LoopbackClient.readExactly(first, 8));
        first.close();

        ListenerStatistics stats = awaitStatistics(listener, s -> s.openConnections() == 1);
        assertEquals(1, stats.openConnections());
        assertEquals(2, stats.connectionsAccepted());
        assertEquals(2, stats.requests(), "the request and the empty frame the codec answered");
        assertEquals(1, stats.refused());
    }

    @Test
    void concurrentClientsAreCountedExactly() throws Exception {
        SocketListener<?, ?> listener = semicolonListener(request -> {
            if (request.startsWith("fail")) {
                throw new IllegalStateException("fails by design (thrown by the test)");
            }
            return request;
        });
        int clientCount = 4;
        int perClient = 200;
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (int c = 0; c < clientCount; c++) {
            Socket client = connect(listener);
            done.add(CompletableFuture.runAsync(() -> {
                try {
                    LoopbackClient.readExactly(client, 3);
                    for (int i = 0; i < perClient; i++) {
                        String frame = i % 10 == 0 ? "fail" : "r" + (i % 10);
                        send(client, frame + ";");
                        LoopbackClient.readExactly(client, i % 10 == 0 ? "ERROR;".length() : 3);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }, bench.executor));
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        ListenerStatistics stats = listener.statistics();
        assertEquals(clientCount * perClient, stats.requests());
        assertEquals(clientCount * perClient / 10, stats.errors());
        assertEquals(0, stats.refused());
    }

    @Test
    void stoppedListenerIsNoLongerListening() throws Exception {
        SocketListener<?, ?> listener = customerListener(request -> echo(request));
        assertTrue(listener.statistics().listening());

        listener.stop(Duration.ofSeconds(1));

        assertFalse(listener.statistics().listening());
        assertNotNull(listener.statistics().since());
    }

    private SocketListener<CustomerDirectoryRequest, CustomerDirectoryReply> customerListener(
            RequestHandler<CustomerDirectoryRequest, CustomerDirectoryReply> handler) throws IOException {
        ListenerSettings settings = new ListenerSettings("customer-directory-test", new InetSocketAddress(LOOPBACK, 0),
                16, LIMIT, READ_TIMEOUT, Duration.ofSeconds(30), 8);
        return started(new SocketListener<>(settings, () -> CustomerDirectorySession.codec(LIMIT), handler, bench.executor));
    }

    private SocketListener<String, String> semicolonListener(RequestHandler<String, String> handler) throws IOException {
        ListenerSettings settings = new ListenerSettings("semicolon-test", new InetSocketAddress(LOOPBACK, 0),
                8, 64, Duration.ofSeconds(5), Duration.ofSeconds(30), 4);
        return started(new SocketListener<>(settings, () -> SemicolonSession.codec(64, "HI;"), handler, bench.executor));
    }

    private <Q, R> SocketListener<Q, R> started(SocketListener<Q, R> listener) {
        return bench.started(listener);
    }

    private static CustomerDirectoryReply echo(CustomerDirectoryRequest request) {
        return new CustomerDirectoryReply.Customer(((CustomerDirectoryRequest.Find) request).name(), "", "echo", "");
    }

    /** One request on its own connection, as the one-request protocols are used; the whole reply. */
    private String ask(SocketListener<?, ?> listener, String request) throws IOException {
        Socket client = connect(listener);
        send(client, request);
        return LoopbackClient.readToEnd(client);
    }

    private Socket connect(SocketListener<?, ?> listener) throws IOException {
        return bench.connect(listener);
    }

    /** Statistics once they satisfy {@code condition} (the server notices a client's close asynchronously); the last seen after 5 s. */
    /** The listener's statistics once they meet {@code condition}, or after 5 s. */
    static ListenerStatistics awaitStatistics(SocketListener<?, ?> listener, Predicate<ListenerStatistics> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        ListenerStatistics stats = listener.statistics();
        while (!condition.test(stats) && System.nanoTime() - deadline < 0) {
            Thread.sleep(10);
            stats = listener.statistics();
        }
        return stats;
    }
}
