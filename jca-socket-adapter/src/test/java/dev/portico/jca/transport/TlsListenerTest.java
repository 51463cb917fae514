package dev.portico.jca.transport;

import dev.portico.jca.api.CustomerDirectoryReply;
import dev.portico.jca.api.CustomerDirectoryRequest;
import dev.portico.jca.codec.CustomerDirectorySession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A listener serving TLS (TlsChannel in the selector loop), driven by JDK TLS clients over real loopback sockets. */
class TlsListenerTest {

    private static final int LIMIT = 512;
    private static final Duration READ_TIMEOUT = Duration.ofMillis(1500);
    private static final String BIG = "x".repeat(300_000);

    private final ListenerBench bench = new ListenerBench();

    @AfterEach
    void closeBench() throws InterruptedException {
        bench.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void aPersistentConnectionGetsItsGreetingAndEveryReplyInOrderOverTls(String protocol) throws Exception {
        SocketListener<String, String> listener = semicolonListener(request -> "re:" + request, Duration.ofSeconds(30));
        SSLSocket client = TlsTestKeys.connect(bench, listener, protocol);
        assertEquals(protocol, client.getSession().getProtocol());
        assertEquals("HI;", read(client, 3));
        send(client, "one;two;");
        assertEquals("re:one;re:two;", read(client, 14));
        send(client, "three;");
        assertEquals("re:three;", read(client, 9));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void aHandshakeWhoseTasksTakeLongHoldsUpNoOtherConnection(String protocol) throws Exception {
        // The first connection's engine is watched; its first handshake tasks (the key exchange and signature for
        // its ClientHello) wait until released, and nothing may touch that engine meanwhile.
        AtomicReference<WatchedEngine> firstEngine = new AtomicReference<>();
        TlsSettings tls = TlsTestKeys.settings().withEngines(engine -> {
            WatchedEngine watched = new WatchedEngine(engine);
            return firstEngine.compareAndSet(null, watched) ? watched : engine;
        });
        CountDownLatch firstTasksHeld = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger batches = new AtomicInteger();
        Executor handshakeTasks = tasks -> bench.executor.execute(() -> {
            if (batches.incrementAndGet() == 1) {
                firstEngine.get().forbid(true);
                firstTasksHeld.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                firstEngine.get().forbid(false);
            }
            tasks.run();
        });
        ListenerSettings settings = new ListenerSettings("held-tls-test", TlsTestKeys.loopback(), 8, 64, READ_TIMEOUT,
                Duration.ofSeconds(30), 4, Duration.ofSeconds(30), Duration.ofSeconds(10));
        SocketListener<String, String> listener = bench.started(new SocketListener<>(settings, () -> SemicolonSession.codec(64, "HI;"),
                request -> "re:" + request, bench.executor, tls, handshakeTasks));
        try {
            CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
                try {
                    SSLSocket client = TlsTestKeys.connect(bench, listener, protocol);
                    String greeting = read(client, 3);
                    send(client, "first;");
                    return greeting + read(client, 9);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(firstTasksHeld.await(10, TimeUnit.SECONDS), "the first handshake's tasks were handed off the selector");

            SSLSocket second = TlsTestKeys.connect(bench, listener, protocol);
            assertEquals("HI;", read(second, 3));
            send(second, "second;");
            assertEquals("re:second;", read(second, 10), "served while the first handshake's tasks wait");
            assertFalse(first.isDone(), "the first handshake is still waiting for its tasks");
            assertEquals(List.of(), firstEngine.get().forbiddenCalls, "nothing touched the first engine while its tasks waited");

            release.countDown();
            assertEquals("HI;re:first;", first.get(10, TimeUnit.SECONDS), "once its tasks ended, the first handshake went on by itself");
            assertTrue(batches.get() >= 2, "the second handshake's tasks ran off the selector too: " + batches.get());
        } finally {
            release.countDown();
        }
    }

    @Test
    void aClientThatRenegotiatesWhileItsRequestIsAnsweredGetsItsReplyAndGoesOn() throws Exception {
        CountDownLatch inHandler = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // One worker, busy with the slow request: the renegotiation's handshake tasks must not wait for it.
        SocketListener<String, String> listener = semicolonListener(slowWhenAsked(inHandler, release), Duration.ofSeconds(30), 1);
        SSLSocket client = TlsTestKeys.connect(bench, listener, "TLSv1.2");
        assertEquals("HI;", read(client, 3));
        send(client, "slow;");
        assertTrue(inHandler.await(5, TimeUnit.SECONDS));
        CompletableFuture<Void> renegotiated = CompletableFuture.runAsync(() -> {
            try {
                client.startHandshake();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        renegotiated.get(5, TimeUnit.SECONDS);
        release.countDown();
        assertEquals("re:slow;", read(client, 8));
        send(client, "next;");
        assertEquals("re:next;", read(client, 8));
    }

    @Test
    void manyRequestsInOneTlsRecordAreAllAnsweredThoughTheSocketHasNothingMoreToRead() throws Exception {
        SocketListener<String, String> listener = semicolonListener(request -> request, Duration.ofSeconds(30));
        SSLSocket client = TlsTestKeys.connect(bench, listener, "TLSv1.3");
        read(client, 3);
        StringBuilder requests = new StringBuilder();
        StringBuilder replies = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            requests.append("r").append(i).append(';');
            replies.append("r").append(i).append(';');
        }
        send(client, requests.toString()); // one write: one or two records, read by the listener in pieces
        assertEquals(replies.toString(), read(client, replies.length()));
    }

    @Test
    void aRequestSentOneByteARecordIsPutTogether() throws Exception {
        SocketListener<String, String> listener = semicolonListener(request -> "got " + request, Duration.ofSeconds(30));
        SSLSocket client = TlsTestKeys.connect(bench, listener, "TLSv1.3");
        read(client, 3);
        for (byte b : "split;".getBytes(StandardCharsets.UTF_8)) {
            client.getOutputStream().write(b); // the JDK sends each write as a record of its own
            client.getOutputStream().flush();
        }
        assertEquals("got split;", read(client, 10));
    }

    @Test
    void aReplyOfManyRecordsReachesASlowReaderWhole() throws Exception {
        SocketListener<String, String> listener = semicolonListener(request -> BIG, Duration.ofSeconds(30));
        SSLSocket client = TlsTestKeys.connect(bench, listener, "TLSv1.3");
        client.setReceiveBufferSize(4096);
        read(client, 3);
        send(client, "big;");
        Thread.sleep(300); // the server fills the socket and must wait for write readiness with records pending
        assertEquals(BIG + ";", read(client, BIG.length() + 1));
        send(client, "again;");
        assertEquals(BIG + ";", read(client, BIG.length() + 1), "the connection goes on after a large reply");
    }

    @Test
    void aOneRequestConnectionIsAnsweredAndEndsWithCloseNotify() throws Exception {
        SocketListener<CustomerDirectoryRequest, CustomerDirectoryReply> listener = customerListener();
        SSLSocket client = TlsTestKeys.connect(bench, listener, "TLSv1.3");
        send(client, "1|John\n");
        InputStream in = client.getInputStream();
        assertEquals("John||echo|", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(-1, in.read(), "a clean TLS end (close_notify), not a truncation error");
    }

    @Test
    void aPlainClientOnATlsListenerIsClosedAndTheListenerGoesOnWithoutComplaint() throws Exception {
        SocketListener<CustomerDirectoryRequest, CustomerDirectoryReply> listener = customerListener();
        Logger log = Logger.getLogger(SocketListener.class.getName());
        StringBuilder severe = new StringBuilder();
        Handler watch = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    severe.append(record.getMessage()).append('\n');
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(watch);
        try {
            Socket plain = bench.connect(listener);
            plain.getOutputStream().write("1|John\n".getBytes(StandardCharsets.UTF_8));
            byte[] answer = plain.getInputStream().readAllBytes();
            assertFalse(new String(answer, StandardCharsets.ISO_8859_1).contains("John"), "no plain reply");
            SSLSocket client = TlsTestKeys.connect(bench, listener, "TLSv1.3");
            send(client, "1|Mary\n");
            assertEquals("Mary||echo|", new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            log.removeHandler(watch);
        }
        assertEquals("", severe.toString());
        assertEquals(2, listener.statistics().connectionsAccepted());
    }

    @Test
    void aClientThatNeverCompletesTheHandshakeIsClosedAfterTheFirstRequestTimeout() throws Exception {
        SocketListener<String, String> listener = semicolonListener(request -> request, Duration.ofMillis(600));
        Socket silent = bench.connect(listener);
        long start = System.nanoTime();
        byte[] sent = silent.getInputStream().readAllBytes();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(sent.length == 0 || sent[0] == 21, "at most a TLS alert record, never the plain greeting: " + sent.length + " bytes");
        assertTrue(millis >= 400 && millis < 4000, "closed after about the first-request timeout: " + millis + " ms");
    }

    @Test
    void aClientThatLeavesWithoutCloseNotifyLeavesNothingBehind() throws Exception {
        SocketListener<String, String> listener = semicolonListener(request -> request, Duration.ofSeconds(30));
        SSLSocket client = TlsTestKeys.connect(bench, listener, "TLSv1.3");
        read(client, 3);
        send(client, "half");
        client.setSoLinger(true, 0);
        client.close(); // TLS close_notify goes out too, but the reset may beat it; either way the server drops it
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (listener.statistics().openConnections() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, listener.statistics().openConnections());
        SSLSocket next = TlsTestKeys.connect(bench, listener, "TLSv1.3");
        assertEquals("HI;", read(next, 3));
    }

    @Test
    void aStreamedReplyArrivesByteExactOverTlsFollowedByTheNextReply() throws Exception {
        SocketListener<StreamingLineSession.Request, String> listener = streamingListener(request -> {
            for (int i = 0; i < 2_000; i++) {
                request.output().write(("line " + i + " of the streamed reply\n").getBytes(StandardCharsets.UTF_8));
            }
            return "END " + request.line();
        });
        SSLSocket client = TlsTestKeys.connect(bench, listener, "TLSv1.3");
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            expected.append("line ").append(i).append(" of the streamed reply\n");
        }
        send(client, "first\nsecond\n");
        String both = expected + "END first\n" + expected + "END second\n";
        assertEquals(both, read(client, both.length()));
    }

    @Test
    void aNewClientsHandshakeDoesNotWaitForTheBusyRequestWorkers() throws Exception {
        CountDownLatch inHandler = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // One request worker, held by a slow request: the next client's handshake tasks must not wait for it.
        SocketListener<String, String> listener = semicolonListener(slowWhenAsked(inHandler, release), Duration.ofSeconds(30), 1);
        try {
            SSLSocket busy = TlsTestKeys.connect(bench, listener, "TLSv1.3");
            assertEquals("HI;", read(busy, 3));
            send(busy, "slow;");
            assertTrue(inHandler.await(5, TimeUnit.SECONDS));

            SSLSocket next = TlsTestKeys.connect(bench, listener, "TLSv1.3"); // fails after 5 s if the handshake waits for the worker
            assertEquals("HI;", read(next, 3), "greeted while the only request worker is busy");
            send(next, "next;");
            release.countDown();
            assertEquals("re:slow;", read(busy, 8));
            assertEquals("re:next;", read(next, 8));
        } finally {
            release.countDown();
        }
    }

    @Test
    void aStreamedReplyThatFailsHalfWayEndsInAResetNotInACleanTlsClose() throws Exception {
        SocketListener<StreamingLineSession.Request, String> listener = streamingListener(request -> {
            request.output().write(new byte[200_000]);
            throw new IllegalStateException("the database went away");
        });
        SSLSocket client = TlsTestKeys.connect(bench, listener, "TLSv1.3");
        send(client, "stream\n");
        InputStream in = client.getInputStream();
        byte[] buffer = new byte[65_536];
        assertThrows(IOException.class, () -> {
            while (in.read(buffer) >= 0) {
                // draining what left before the failure
            }
        }, "a close_notify would tell the client the reply was whole");
    }

    @Test
    void aRecordLongerThanTlsAllowsIsRefusedInsteadOfBuffered() throws Exception {
        SocketListener<String, String> listener = semicolonListener(request -> request, Duration.ofSeconds(30));
        Socket liar = bench.connect(listener);
        OutputStream out = liar.getOutputStream();
        out.write(new byte[] {0x16, 0x03, 0x01, (byte) 0xFF, (byte) 0xFF}); // a handshake record of 65,535 bytes: TLS allows 16 KiB + 2 KiB
        out.write(new byte[100]);
        out.flush();
        try {
            byte[] answer = liar.getInputStream().readAllBytes();
            assertTrue(answer.length == 0 || answer[0] == 21, "at most a TLS alert, then the end");
        } catch (java.net.SocketTimeoutException e) {
            throw new AssertionError("the server waited for the rest of the record instead of refusing it", e);
        } catch (java.net.SocketException e) {
            // reset: refused as well
        }
        SSLSocket client = TlsTestKeys.connect(bench, listener, "TLSv1.3");
        assertEquals("HI;", read(client, 3), "the listener goes on");
    }

    private SocketListener<StreamingLineSession.Request, String> streamingListener(RequestHandler<StreamingLineSession.Request, String> handler)
            throws Exception {
        ListenerSettings settings = new ListenerSettings("streaming-tls-test", TlsTestKeys.loopback(), 8, 1024, Duration.ofSeconds(5),
                Duration.ofSeconds(30), 2, Duration.ofSeconds(30), Duration.ofSeconds(10));
        return bench.started(new SocketListener<>(settings, StreamingLineSession::codec, handler, bench.executor, TlsTestKeys.settings()));
    }

    private SocketListener<String, String> semicolonListener(RequestHandler<String, String> handler, Duration firstRequestTimeout)
            throws Exception {
        return semicolonListener(handler, firstRequestTimeout, 4);
    }

    /** Answers {@code re:} and the request; the request {@code slow} first says so on {@code entered} and waits for {@code release}. */
    private static RequestHandler<String, String> slowWhenAsked(CountDownLatch entered, CountDownLatch release) {
        return request -> {
            if (request.equals("slow")) {
                entered.countDown();
                release.await(20, TimeUnit.SECONDS);
            }
            return "re:" + request;
        };
    }

    /** A listener whose request workers are {@code workers} at most. */
    private SocketListener<String, String> semicolonListener(RequestHandler<String, String> handler, Duration firstRequestTimeout,
                                                             int workers) throws Exception {
        ListenerSettings settings = new ListenerSettings("semicolon-tls-test", TlsTestKeys.loopback(), 8, 64, READ_TIMEOUT,
                Duration.ofSeconds(30), workers, firstRequestTimeout, Duration.ofSeconds(10));
        return bench.started(new SocketListener<>(settings, () -> SemicolonSession.codec(64, "HI;"), handler, bench.executor,
                TlsTestKeys.settings()));
    }

    private SocketListener<CustomerDirectoryRequest, CustomerDirectoryReply> customerListener() throws Exception {
        ListenerSettings settings = new ListenerSettings("customer-tls-test", TlsTestKeys.loopback(), 8, LIMIT, READ_TIMEOUT,
                Duration.ofSeconds(30), 4);
        return bench.started(new SocketListener<>(settings, () -> CustomerDirectorySession.codec(LIMIT),
                request -> new CustomerDirectoryReply.Customer(((CustomerDirectoryRequest.Find) request).name(), "", "echo", ""),
                bench.executor, TlsTestKeys.settings()));
    }

    private static void send(Socket client, String text) throws IOException {
        OutputStream out = client.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String read(Socket client, int length) throws IOException {
        byte[] bytes = client.getInputStream().readNBytes(length);
        assertEquals(length, bytes.length, "the server closed early");
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
