package dev.portico.jca.transport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The listener's bound on what its connections hold (maxBufferedBytes). Requests still arriving: many connections
 * each sending most of a large request and then nothing hold at most that much between them; the rest wait, unread,
 * and go on when room comes back, or are answered as too slow at their read timeout; small requests are served
 * meanwhile. Replies waiting for their clients: past the bound, those of clients that take nothing are cut off.
 */
class BufferedBytesTest {

    static {
        Logger.getLogger(SocketListener.class.getName()).setLevel(Level.SEVERE);
    }

    private static final String GREETING = "HELLO;";
    private static final int MAX_FRAME = 64 * 1024;
    private static final long BUDGET = 200 * 1024;
    private static final String BIG_REPLY = "r".repeat(4 * 1024 * 1024);

    private final ListenerBench bench = new ListenerBench();

    @AfterEach
    void tearDown() throws InterruptedException {
        bench.close();
    }

    @Test
    void largeRequestsArrivingTogetherHoldNoMoreThanTheBudgetAndTheRestWaitUnreadUntilRoomComesBack() throws Exception {
        SocketListener<String, String> listener = listener(Duration.ofSeconds(20));
        List<Socket> senders = new ArrayList<>();
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Socket sender = bench.connect(listener);
            assertEquals(GREETING, LoopbackClient.readExactly(sender, GREETING.length()));
            String request = String.valueOf((char) ('a' + i)).repeat(60 * 1024);
            LoopbackClient.send(sender, request);
            senders.add(sender);
            requests.add(request);
            Thread.sleep(100);
        }
        assertTrue(listener.inputBudget.peak() <= BUDGET, "held " + listener.inputBudget.peak());
        assertTrue(listener.inputBudget.peak() >= 3 * 63 * 1024, "three of them were read whole: " + listener.inputBudget.peak());

        Socket small = bench.connect(listener);
        LoopbackClient.send(small, "ping;");
        assertEquals(GREETING + "ping;", LoopbackClient.readExactly(small, (GREETING + "ping;").length()), "small requests need no room");

        Socket last = senders.get(5);
        LoopbackClient.send(last, ";");
        last.setSoTimeout(500);
        assertThrows(SocketTimeoutException.class, () -> last.getInputStream().read(), "the sixth is not read while the first three hold the room");
        last.setSoTimeout(LoopbackClient.TIMEOUT_MILLIS);

        for (int i = 0; i < 3; i++) {
            LoopbackClient.send(senders.get(i), ";");
            assertEquals(requests.get(i) + ";", LoopbackClient.readExactly(senders.get(i), MAX_FRAME - 4 * 1024 + 1));
        }
        LoopbackClient.send(senders.get(3), ";");
        LoopbackClient.send(senders.get(4), ";");
        for (int i = 3; i < 6; i++) {
            assertEquals(requests.get(i) + ";", LoopbackClient.readExactly(senders.get(i), MAX_FRAME - 4 * 1024 + 1), "connection " + i);
        }
        assertTrue(listener.inputBudget.peak() <= BUDGET, "held " + listener.inputBudget.peak());
        assertEquals(0, listener.inputBudget.used(), "every buffer went back to its small size once empty");
    }

    @Test
    void aConnectionWaitingForRoomThatNeverGetsItIsAnsweredAsTooSlowAtItsReadTimeout() throws Exception {
        SocketListener<String, String> listener = listener(Duration.ofSeconds(1));
        List<Socket> senders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Socket sender = bench.connect(listener);
            assertEquals(GREETING, LoopbackClient.readExactly(sender, GREETING.length()));
            LoopbackClient.send(sender, "x".repeat(60 * 1024));
            senders.add(sender);
        }
        for (Socket sender : senders) {
            assertEquals("TIMEOUT;", LoopbackClient.readToEnd(sender));
        }
        assertTrue(listener.inputBudget.peak() <= BUDGET, "held " + listener.inputBudget.peak());
        Thread.sleep(200);
        assertEquals(0, listener.inputBudget.used(), "closed connections gave their room back");
    }

    @Test
    void theBudgetHoldsAtLeastTwoOfTheLargestRequests() {
        assertThrows(IllegalArgumentException.class, () -> new ListenerSettings("semicolon", new InetSocketAddress(LoopbackClient.LOOPBACK, 0),
                16, MAX_FRAME, Duration.ofSeconds(5), Duration.ofMinutes(5), 8, Duration.ofMinutes(5), Duration.ofSeconds(5),
                TrustedProxies.NONE, 2L * MAX_FRAME));
        assertEquals(2L * (16 + ProxyHeader.V2_MAX_PAYLOAD + 1), ListenerSettings.smallestMaxBufferedBytes(512),
                "a small request limit still leaves room for two PROXY headers");
        assertTrue(ListenerSettings.defaultMaxBufferedBytes(MAX_FRAME) >= Runtime.getRuntime().maxMemory() / 16);
    }

    @Test
    void pastTheBoundRepliesThatTheirClientsDoNotReadAreCutOffWhileAClientThatReadsGetsItsWhole() throws Exception {
        SocketListener<String, String> listener = listener(Duration.ofSeconds(20));
        List<Socket> unread = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Socket client = new Socket();
            client.setReceiveBufferSize(4096);
            client.setSoTimeout(LoopbackClient.TIMEOUT_MILLIS);
            client.connect(new InetSocketAddress(LoopbackClient.LOOPBACK, listener.port()));
            bench.track(client);
            LoopbackClient.send(client, "big;");
            unread.add(client);
        }
        Socket reader = bench.connect(listener);
        assertEquals(GREETING, LoopbackClient.readExactly(reader, GREETING.length()));
        LoopbackClient.send(reader, "big;");
        assertEquals(BIG_REPLY + ";", LoopbackClient.readExactly(reader, BIG_REPLY.length() + 1));

        Thread.sleep(ConnectionReading.UNREAD_GRACE_MILLIS + 1_000);
        for (Socket client : unread) {
            byte[] got = new byte[BIG_REPLY.length() + GREETING.length() + 1];
            int total = 0;
            try {
                for (int n; total < got.length && (n = client.getInputStream().read(got, total, got.length - total)) > 0; ) {
                    total += n;
                }
            } catch (SocketException reset) {
                // cut off: what was read so far is all there is
            }
            assertTrue(total < got.length, "a client that took nothing lost its reply: read " + total);
        }
        assertTrue(listener.statistics().traffic().problemsByKind().getOrDefault("cut_off", 0L) >= 1, listener.statistics()::toString);
        Socket after = bench.connect(listener);
        LoopbackClient.send(after, "ping;");
        assertEquals(GREETING + "ping;", LoopbackClient.readExactly(after, (GREETING + "ping;").length()));
    }

    private SocketListener<String, String> listener(Duration readTimeout) throws IOException {
        ListenerSettings settings = new ListenerSettings("semicolon", new InetSocketAddress(LoopbackClient.LOOPBACK, 0),
                16, MAX_FRAME, readTimeout, Duration.ofMinutes(5), 8, Duration.ofMinutes(5), Duration.ofSeconds(5), TrustedProxies.NONE, BUDGET);
        return bench.started(new SocketListener<>(settings, () -> SemicolonSession.codec(MAX_FRAME, GREETING),
                request -> request.equals("big") ? BIG_REPLY : request, bench.executor));
    }
}
