package dev.portico.jca.transport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 8, item 2: idle connections cannot lock new clients out. A full listener closes the
 * connection idle longest (preferring one that never sent anything) for a new client, and a
 * persistent connection that sends no first request within its deadline is closed.
 */
class ConnectionLimitsTest {

    static {
        Logger.getLogger(SocketListener.class.getName()).setLevel(Level.WARNING);
    }

    private static final String GREETING = "HELLO;";

    private final ListenerBench bench = new ListenerBench();

    @AfterEach
    void tearDown() throws InterruptedException {
        bench.close();
    }

    @Test
    void aNewClientIsServedPromptlyWhileManyMoreIdleConnectionsThanTheLimitAreOpen() throws Exception {
        int maxConnections = 100;
        int idle = 400;
        SocketListener<String, String> listener = listener(maxConnections, Duration.ofMinutes(5));
        List<Socket> idlers = new ArrayList<>();
        for (int i = 0; i < idle; i++) {
            idlers.add(bench.connect(listener));
        }
        // the listener took every one of them: the last ones replaced older idle ones
        assertEquals(GREETING, LoopbackClient.readExactly(idlers.get(idle - 1), GREETING.length()));

        long start = System.nanoTime();
        Socket client = bench.connect(listener);
        client.getOutputStream().write("ping;".getBytes(StandardCharsets.UTF_8));
        assertEquals(GREETING + "ping;", LoopbackClient.readExactly(client, (GREETING + "ping;").length()));
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("new client served in %d ms with %d idle connections attempted against a limit of %d%n", millis, idle, maxConnections);
        assertTrue(millis < 2_000, "a new client waited " + millis + " ms");
        assertTrue(listener.statistics().openConnections() <= maxConnections, listener.statistics()::toString);
        assertClosedByServer(idlers.get(0));
    }

    @Test
    void aFullListenerClosesAConnectionThatNeverSentAnythingBeforeOneThatDid() throws Exception {
        SocketListener<String, String> listener = listener(2, Duration.ofMinutes(5));
        Socket regular = bench.connect(listener);
        regular.getOutputStream().write("first;".getBytes(StandardCharsets.UTF_8));
        assertEquals(GREETING + "first;", LoopbackClient.readExactly(regular, (GREETING + "first;").length()));
        Socket silent = bench.connect(listener);
        assertEquals(GREETING, LoopbackClient.readExactly(silent, GREETING.length()));

        Socket newcomer = bench.connect(listener);
        newcomer.getOutputStream().write("hi;".getBytes(StandardCharsets.UTF_8));

        assertEquals(GREETING + "hi;", LoopbackClient.readExactly(newcomer, (GREETING + "hi;").length()));
        assertClosedByServer(silent);
        regular.getOutputStream().write("again;".getBytes(StandardCharsets.UTF_8));
        assertEquals("again;", LoopbackClient.readExactly(regular, "again;".length()), "the older connection that had sent a request stays");
    }

    @Test
    void amongConnectionsThatSentRequestsAFullListenerClosesOneOfTheAddressHoldingTheMost() throws Exception {
        SocketListener<String, String> listener = listener(3, Duration.ofMinutes(5));
        Socket elsewhere = connectFrom("127.0.0.2", listener);
        exchange(elsewhere, GREETING + "a;", "a;");
        Socket first = bench.connect(listener);
        exchange(first, GREETING + "b;", "b;");
        Socket second = bench.connect(listener);
        exchange(second, GREETING + "c;", "c;");

        Socket newcomer = bench.connect(listener);
        exchange(newcomer, GREETING + "d;", "d;");

        assertClosedByServer(first);
        exchange(elsewhere, "e;", "e;");
        exchange(second, "f;", "f;");
    }

    @Test
    void aConnectionWithAPartlyReceivedRequestIsNotClosedForANewClient() throws Exception {
        SocketListener<String, String> listener = listener(1, Duration.ofMinutes(5));
        Socket sending = bench.connect(listener);
        assertEquals(GREETING, LoopbackClient.readExactly(sending, GREETING.length()));
        sending.getOutputStream().write("half".getBytes(StandardCharsets.UTF_8));
        Thread.sleep(100);

        Socket newcomer = bench.connect(listener);
        newcomer.setSoTimeout(300);
        assertThrows(SocketTimeoutException.class, () -> newcomer.getInputStream().read(), "the newcomer waits in the backlog");

        sending.getOutputStream().write(";".getBytes(StandardCharsets.UTF_8));
        assertEquals("half;", LoopbackClient.readExactly(sending, "half;".length()));
    }

    @Test
    void aPersistentConnectionSilentPastItsFirstRequestDeadlineIsClosedWhileAnActiveOneStays() throws Exception {
        SocketListener<String, String> listener = listener(16, Duration.ofMillis(300));
        Socket silent = bench.connect(listener);
        Socket active = bench.connect(listener);
        active.getOutputStream().write("one;".getBytes(StandardCharsets.UTF_8));
        assertEquals(GREETING + "one;", LoopbackClient.readExactly(active, (GREETING + "one;").length()));

        assertEquals(GREETING, LoopbackClient.readExactly(silent, GREETING.length()));
        assertClosedByServer(silent);
        Thread.sleep(200);
        active.getOutputStream().write("two;".getBytes(StandardCharsets.UTF_8));
        assertEquals("two;", LoopbackClient.readExactly(active, "two;".length()), "a connection that sent a request keeps its idle timeout");
    }

    private SocketListener<String, String> listener(int maxConnections, Duration firstRequestTimeout) throws IOException {
        ListenerSettings settings = new ListenerSettings("semicolon", new InetSocketAddress(LoopbackClient.LOOPBACK, 0),
                maxConnections, 512, Duration.ofSeconds(5), Duration.ofMinutes(5), 8, firstRequestTimeout, Duration.ofSeconds(5));
        return bench.started(new SocketListener<>(settings, () -> SemicolonSession.codec(512, GREETING), request -> request, bench.executor));
    }

    /** A client connected from another loopback address (Linux routes all of 127/8 to loopback). */
    private Socket connectFrom(String address, SocketListener<?, ?> listener) throws IOException {
        Socket client = new Socket();
        client.bind(new InetSocketAddress(address, 0));
        client.setSoTimeout(LoopbackClient.TIMEOUT_MILLIS);
        client.connect(new InetSocketAddress(LoopbackClient.LOOPBACK, listener.port()), LoopbackClient.TIMEOUT_MILLIS);
        bench.track(client);
        return client;
    }

    private static void exchange(Socket client, String expected, String request) throws IOException {
        client.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
        assertEquals(expected, LoopbackClient.readExactly(client, expected.length()));
    }

    /** The server closes the connection: end of stream (or a reset) before the client's read timeout. */
    private static void assertClosedByServer(Socket client) throws IOException {
        client.setSoTimeout(LoopbackClient.TIMEOUT_MILLIS);
        try {
            byte[] rest = client.getInputStream().readAllBytes();
            assertTrue(rest.length <= GREETING.length(), () -> "unexpected bytes " + new String(rest, StandardCharsets.UTF_8));
        } catch (java.net.SocketException reset) {
            // closed with unread data: a reset is a close too
        }
    }
}
