package dev.portico.jca.transport;

import dev.portico.jca.api.CustomerDirectoryReply;
import dev.portico.jca.api.CustomerDirectoryRequest;
import dev.portico.jca.api.ListenerTraffic;
import dev.portico.jca.codec.CustomerDirectorySession;
import dev.portico.jca.codec.PickledIntake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A listener's traffic details (in flight, by command, problems by kind, evictions, latency) over real loopback sockets. */
class ListenerTrafficTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final int LIMIT = 512;

    static {
        Logger.getLogger(SocketListener.class.getName()).setLevel(Level.OFF);
    }

    private final ListenerBench bench = new ListenerBench();

    @AfterEach
    void tearDown() throws InterruptedException {
        bench.close();
    }

    @Test
    void requestsAreCountedByCommandAndEachIsTimed() throws Exception {
        SocketListener<CustomerDirectoryRequest, CustomerDirectoryReply> listener = customerListener(ListenerTrafficTest::found);

        for (int i = 0; i < 3; i++) {
            ask(listener, "1|n" + i + "\n");
        }
        ask(listener, "3|n0\n");

        ListenerTraffic traffic = listener.statistics().traffic();
        assertEquals(Map.of("find", 3L, "delete", 1L), traffic.requestsByCommand());
        assertEquals(4, traffic.latency().count());
        assertTrue(traffic.latency().totalNanos() > 0 && traffic.latency().maxNanos() > 0, traffic::toString);
        assertTrue(traffic.latency().maxNanos() <= traffic.latency().totalNanos(), traffic::toString);
        assertEquals(0, traffic.inFlight());
        assertEquals(Map.of(), traffic.problemsByKind());
    }

    @Test
    void aRentalIntakeCountsAsAnIntakeThoughItIsStillAPickleWhenAnswered() {
        // The rental listener frames a pickle and the worker unpickles it: what the listener counts is the framed form.
        assertEquals("intake", RequestAnswering.command(new PickledIntake(new byte[] {'N', '.'})));
        assertEquals("find", RequestAnswering.command(new CustomerDirectoryRequest.Find("n")));
    }

    @Test
    void latencyBucketsAreCumulativeAndPlaceASlowRequestAboveItsTime() throws Exception {
        SocketListener<CustomerDirectoryRequest, CustomerDirectoryReply> listener = customerListener(request -> {
            Thread.sleep(30);
            return found(request);
        });

        ask(listener, "1|slow\n");

        ListenerTraffic.Latency latency = listener.statistics().traffic().latency();
        List<Duration> bounds = ListenerTraffic.Latency.BOUNDS;
        assertTrue(latency.maxNanos() >= TimeUnit.MILLISECONDS.toNanos(30), latency::toString);
        for (int i = 0; i < bounds.size(); i++) {
            long expected = bounds.get(i).toNanos() >= latency.maxNanos() ? 1 : 0;
            assertEquals(expected, latency.buckets().get(i), "within " + bounds.get(i) + ": " + latency);
        }
        assertEquals(0, latency.buckets().get(bounds.indexOf(Duration.ofMillis(25))), "not within 25 ms: " + latency);
        assertEquals(1, latency.buckets().get(bounds.size() - 1), "the last bucket holds every request under 10 s");
    }

    @Test
    void requestsBeingAnsweredCountAsInFlightUntilAnswered() throws Exception {
        CountDownLatch entered = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        SocketListener<CustomerDirectoryRequest, CustomerDirectoryReply> listener = customerListener(request -> {
            entered.countDown();
            release.await(10, TimeUnit.SECONDS);
            return found(request);
        });

        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> askQuietly(listener, "1|a\n"), bench.executor);
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> askQuietly(listener, "1|b\n"), bench.executor);
        assertTrue(entered.await(5, TimeUnit.SECONDS));

        assertEquals(2, listener.statistics().traffic().inFlight());
        release.countDown();
        first.get(5, TimeUnit.SECONDS);
        second.get(5, TimeUnit.SECONDS);
        assertEquals(0, listener.statistics().traffic().inFlight());
        assertEquals(Map.of("find", 2L), listener.statistics().traffic().requestsByCommand());
    }

    @Test
    void problemsAreCountedByKind() throws Exception {
        SocketListener<CustomerDirectoryRequest, CustomerDirectoryReply> listener = customerListener(request -> {
            if (request instanceof CustomerDirectoryRequest.Delete) {
                throw new IllegalStateException("fails by design (thrown by the test)");
            }
            return found(request);
        });

        assertEquals("Server error occurred", ask(listener, "3|x\n"));
        assertEquals("invalid choice...\n", ask(listener, "9|what\n"));
        ask(listener, "2|too|few\n");
        Socket slow = bench.connect(listener);
        send(slow, "1|no newline");
        assertEquals("Request timed out waiting for delimiter.", LoopbackClient.readToEnd(slow));
        Socket halfSent = bench.connect(listener);
        send(halfSent, "1|Jo");
        halfSent.shutdownOutput();
        LoopbackClient.readToEnd(halfSent);

        ListenerTraffic traffic = listener.statistics().traffic();
        assertEquals(Map.of("application", 1L, "bad_input", 2L, "timed_out", 1L, "incomplete", 1L), traffic.problemsByKind());
        assertEquals(Map.of("delete", 1L), traffic.requestsByCommand(), "only requests the application answered have a command");
        assertTrue(ListenerTraffic.PROBLEM_KINDS.containsAll(traffic.problemsByKind().keySet()));
    }

    @Test
    void idleConnectionClosedForANewClientCountsAsEvicted() throws Exception {
        ListenerSettings settings = new ListenerSettings("semicolon-test", new InetSocketAddress(LOOPBACK, 0),
                1, 64, Duration.ofSeconds(5), Duration.ofMinutes(5), 4);
        SocketListener<String, String> listener = bench.started(new SocketListener<>(settings, () -> SemicolonSession.codec(64, "HI;"),
                request -> request, bench.executor));
        Socket silent = bench.connect(listener);
        assertEquals("HI;", LoopbackClient.readExactly(silent, 3));

        Socket newcomer = bench.connect(listener);
        send(newcomer, "x;");

        assertEquals("HI;x;", LoopbackClient.readExactly(newcomer, 5));
        assertEquals(1, listener.statistics().traffic().connectionsEvicted());
        assertEquals(0, listener.statistics().traffic().acceptFailures());
    }

    private SocketListener<CustomerDirectoryRequest, CustomerDirectoryReply> customerListener(
            RequestHandler<CustomerDirectoryRequest, CustomerDirectoryReply> handler) throws IOException {
        ListenerSettings settings = new ListenerSettings("customer-directory-test", new InetSocketAddress(LOOPBACK, 0),
                16, LIMIT, Duration.ofMillis(300), Duration.ofSeconds(30), 8);
        return bench.started(new SocketListener<>(settings, () -> CustomerDirectorySession.codec(LIMIT), handler, bench.executor));
    }

    private static CustomerDirectoryReply found(CustomerDirectoryRequest request) {
        String name = request instanceof CustomerDirectoryRequest.Find f ? f.name() : "x";
        return new CustomerDirectoryReply.Customer(name, "", "echo", "");
    }

    private String ask(SocketListener<?, ?> listener, String request) throws IOException {
        Socket client = bench.connect(listener);
        send(client, request);
        return LoopbackClient.readToEnd(client);
    }

    private String askQuietly(SocketListener<?, ?> listener, String request) {
        try {
            return ask(listener, request);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(Socket client, String text) throws IOException {
        OutputStream out = client.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
