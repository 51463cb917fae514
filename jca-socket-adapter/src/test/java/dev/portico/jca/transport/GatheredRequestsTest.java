package dev.portico.jca.transport;

import dev.portico.jca.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import static dev.portico.jca.transport.LoopbackClient.readExactly;
import static dev.portico.jca.transport.LoopbackClient.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests the handler gathers, arriving in one round of the selector on several connections, are
 * answered in one call of {@link RequestHandler#handleAll}; others, and one alone, are answered on their own.
 * To make requests arrive in one round, a client's {@code stall} frame holds the selector thread
 * (in the session's parse) while the others send.
 */
class GatheredRequestsTest {

    static {
        Logger.getLogger(SocketListener.class.getName()).setLevel(Level.OFF);
    }

    private final ListenerBench bench = new ListenerBench();
    private final CountDownLatch selectorHeld = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    /** Lets the handler answer "slow" requests. */
    private final CountDownLatch slowGate = new CountDownLatch(1);
    /** Each call of the handler: the requests it answered. */
    private final List<List<String>> calls = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() throws InterruptedException {
        release.countDown();
        slowGate.countDown();
        bench.close();
    }

    /**
     * Gathers requests starting with "read"; answers "one ..." alone (a "slow" one once the test lets it)
     * and "many ..." together; fails a request holding "fail" alone, and a call together that holds one.
     */
    private final RequestHandler<String, String> handler = new RequestHandler<>() {
        @Override
        public String handle(String request) throws InterruptedException {
            calls.add(List.of(request));
            if (request.contains("slow")) {
                assertTrue(slowGate.await(10, TimeUnit.SECONDS));
            }
            if (request.contains("fail")) {
                throw new IllegalStateException("this request failed");
            }
            return "one " + request;
        }

        @Override
        public boolean gathers(String request) {
            return request.startsWith("read");
        }

        @Override
        public List<String> handleAll(List<String> requests) {
            calls.add(List.copyOf(requests));
            if (requests.stream().anyMatch(r -> r.contains("fail"))) {
                throw new IllegalStateException("the batch failed");
            }
            return requests.stream().map(r -> "many " + r).toList();
        }
    };

    @Test
    void readsArrivingTogetherOnSeveralConnectionsAreAnsweredInOneCall() throws Exception {
        SocketListener<String, String> listener = listener();
        List<Socket> clients = clients(listener, 3);

        sendTogether(listener, clients, "read1;", "read2;", "read3;");

        for (int i = 0; i < 3; i++) {
            assertEquals("many read" + (i + 1) + ";", readExactly(clients.get(i), 11));
        }
        List<List<String>> reads = calls.stream().filter(c -> c.get(0).startsWith("read")).toList();
        assertEquals(1, reads.size(), "one call for the three reads: " + calls);
        assertEquals(Set.of("read1", "read2", "read3"), Set.copyOf(reads.get(0)));
        assertEquals(4, listener.statistics().requests(), "each gathered request counts as answered, as the stalling one");
        assertEquals(1, listener.statistics().traffic().gatheredCalls());
        assertEquals(3, listener.statistics().traffic().gatheredRequests());

        send(clients.get(0), "write slow;");
        Await.until("the slow request is being answered", Duration.ofSeconds(10), () -> calls.size() == 3);
        assertEquals(1, listener.statistics().traffic().inFlight(), "the in-flight gauge counted each gathered request out once");
        slowGate.countDown();
        assertEquals("one write slow;", readExactly(clients.get(0), 15));
    }

    @Test
    void aGatheredRequestAloneAndRequestsNotGatheredAreAnsweredOnTheirOwn() throws Exception {
        SocketListener<String, String> listener = listener();
        List<Socket> clients = clients(listener, 3);

        sendTogether(listener, clients, "write1;", "write2;", "read3;");

        assertEquals("one write1;", readExactly(clients.get(0), 11));
        assertEquals("one write2;", readExactly(clients.get(1), 11));
        assertEquals("one read3;", readExactly(clients.get(2), 10));
        assertTrue(calls.stream().allMatch(c -> c.size() == 1), "every call answered one request: " + calls);
        assertEquals(0, listener.statistics().traffic().gatheredCalls(), "nothing was answered together");
    }

    @Test
    void whenACallTogetherFailsEachRequestIsAnsweredAloneSoOnlyTheFailingOneGetsTheServerError() throws Exception {
        SocketListener<String, String> listener = listener();
        List<Socket> clients = clients(listener, 2);

        sendTogether(listener, clients, "read fail;", "read2;");

        assertEquals("ERROR;", readExactly(clients.get(0), 6));
        assertEquals("one read2;", readExactly(clients.get(1), 10));
        assertEquals(1, listener.statistics().errors(), "only the failing request is counted as failed");
        send(clients.get(0), "read again;");
        assertEquals("one read again;", readExactly(clients.get(0), 15), "the connection reads on");
    }

    @Test
    void whileTheMostGatheredCallsAreAnsweredFurtherRequestsWaitAndThenGoTogether() throws Exception {
        SocketListener<String, String> listener = listener();
        int slow = RequestDispatch.GATHERED_CALLS;
        List<Socket> clients = clients(listener, slow + 3);
        for (int i = 0; i < slow; i++) {
            send(clients.get(i), "read slow" + i + ";");
            int started = i + 1;
            Await.until("slow call " + i + " is answered", Duration.ofSeconds(10), () -> calls.size() == started);
        }

        for (int i = slow; i < slow + 3; i++) {
            send(clients.get(i), "read" + i + ";");
        }
        Thread.sleep(300); // the three arrive and are decoded meanwhile; none may start a call
        assertEquals(slow, calls.size(), "no further call while the most run: " + calls);
        slowGate.countDown();

        for (int i = 0; i < slow; i++) {
            assertEquals("one read slow" + i + ";", readExactly(clients.get(i), 15));
        }
        for (int i = slow; i < slow + 3; i++) {
            assertEquals("many read" + i + ";", readExactly(clients.get(i), 11));
        }
        assertEquals(slow + 1, calls.size(), "the three waiting requests went in one call: " + calls);
    }

    /** A listener whose sessions hold the selector thread on a {@code stall} frame until the test releases it. */
    private SocketListener<String, String> listener() throws IOException {
        ListenerSettings settings = new ListenerSettings("gathering-test", new InetSocketAddress(LoopbackClient.LOOPBACK, 0),
                8, 64, Duration.ofSeconds(5), Duration.ofSeconds(30), 8);
        return bench.started(new SocketListener<>(settings, () -> SemicolonSession.codec(64, "", frame -> {
            if (frame.equals("stall")) {
                selectorHeld.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }), handler, bench.executor));
    }

    private List<Socket> clients(SocketListener<?, ?> listener, int count) throws IOException, InterruptedException {
        List<Socket> clients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            clients.add(bench.connect(listener));
        }
        Await.until("the listener accepted the clients", Duration.ofSeconds(10), () -> listener.statistics().openConnections() == count);
        return clients;
    }

    /** Holds the selector thread, sends each client's frame, lets the frames reach the server, then releases it. */
    private void sendTogether(SocketListener<?, ?> listener, List<Socket> clients, String... frames) throws Exception {
        Socket staller = bench.connect(listener);
        send(staller, "stall;");
        assertTrue(selectorHeld.await(10, TimeUnit.SECONDS), "the selector thread is held");
        for (int i = 0; i < frames.length; i++) {
            send(clients.get(i), frames[i]);
        }
        Thread.sleep(200); // loopback delivers in microseconds; the frames wait in the server's socket buffers
        release.countDown();
        assertEquals("one stall;", readExactly(staller, 10));
    }
}
