package dev.portico.jca.transport;

import dev.portico.jca.api.CustomerDirectoryReply;
import dev.portico.jca.api.CustomerDirectoryRequest;
import dev.portico.jca.api.ReplyAbandonedException;
import dev.portico.jca.codec.CustomerDirectorySession;
import dev.portico.jca.transport.StreamingLineSession.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

import static dev.portico.jca.transport.LoopbackClient.send;
import static dev.portico.jca.transport.LoopbackClient.readExactly;
import static dev.portico.jca.transport.LoopbackClient.readToEnd;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Replies streamed while they are produced: byte-exact, bounded per connection, and cut off for a client that stops reading. */
class StreamedReplyTest {

    private static final Duration WRITE_TIMEOUT = Duration.ofMillis(400);

    static {
        Logger.getLogger(SocketListener.class.getName()).setLevel(Level.OFF);
    }

    private final ListenerBench bench = new ListenerBench();

    @AfterEach
    void tearDown() throws InterruptedException {
        bench.close();
    }

    @Test
    void replyStreamedInManyPiecesArrivesByteExactFollowedByItsEndAndThenTheNextReply() throws Exception {
        int total = 3 * 1024 * 1024 + 17;
        SocketListener<Request, String> listener = listener(1, request -> {
            if (request.line().equals("stream")) {
                produce(request, total, null);
                return "END";
            }
            return "echo " + request.line();
        });
        Socket client = bench.connect(listener);

        send(client, "stream\nnext\n");

        byte[] received = client.getInputStream().readNBytes(total + "END\necho next\n".length());
        assertArrayEquals(pattern(0, total), Arrays.copyOf(received, total), "the streamed bytes, in order");
        assertEquals("END\necho next\n", new String(received, total, received.length - total, StandardCharsets.UTF_8));
    }

    @Test
    void smallStreamedReplyLeavesWholeWithItsEnd() throws Exception {
        SocketListener<Request, String> listener = listener(1, request -> {
            request.output().write("part one, ".getBytes(StandardCharsets.UTF_8));
            request.output().write("part two, ".getBytes(StandardCharsets.UTF_8));
            return "end";
        });
        Socket client = bench.connect(listener);

        send(client, "go\n");

        assertEquals("part one, part two, end\n", LoopbackClient.readExactly(client, 24));
    }

    @Test
    void slowReaderHoldsTheProducerBackAndTheListenerNeverHoldsMoreThanTheBound() throws Exception {
        int total = 32 * 1024 * 1024;
        AtomicLong produced = new AtomicLong();
        AtomicReference<ReplyPipe> pipe = new AtomicReference<>();
        AtomicReference<Thread> producer = new AtomicReference<>();
        SocketListener<Request, String> listener = listener(1, Duration.ofSeconds(10), request -> {
            pipe.set((ReplyPipe) request.output());
            producer.set(Thread.currentThread());
            produce(request, total, produced);
            return "END";
        });
        Socket client = new Socket();
        client.setReceiveBufferSize(16 * 1024);
        client.setSoTimeout(10_000);
        client.connect(new InetSocketAddress(LoopbackClient.LOOPBACK, listener.port()));
        try (client) {
            send(client, "stream\n");
            // The kernel may still take a few more bytes after the producer first waits (the selector then
            // wakes it for one more chunk), so the producer counts as held back once it made no progress
            // for a quarter of a second while waiting.
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            long heldBack;
            while (true) {
                long before = produced.get();
                Thread.sleep(250);
                if (before > 0 && produced.get() == before && producer.get().getState() == Thread.State.WAITING) {
                    heldBack = before;
                    break;
                }
                assertTrue(System.nanoTime() < deadline, "a client that reads nothing stops the producer: produced " + produced.get());
            }
            assertTrue(heldBack < total / 4, "the producer waits for the client: produced " + heldBack + " of " + total);

            InputStream in = client.getInputStream();
            byte[] buffer = new byte[64 * 1024];
            long received = 0;
            int reads = 0;
            int n;
            while (received < total + 4 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, total + 4 - received))) > 0) {
                received += n;
                if (++reads % 8 == 0) {
                    Thread.sleep(1);
                }
            }
            assertEquals(total + 4, received, "everything arrives");
        }
        assertEquals(total, produced.get());
        assertTrue(pipe.get().peakUnwritten() <= SocketListener.STREAM_BOUND,
                "at most the bound waited in the listener: " + pipe.get().peakUnwritten());
        assertTrue(pipe.get().peakUnwritten() > SocketListener.STREAM_BOUND / 2, "the bound was reached: " + pipe.get().peakUnwritten());
    }

    @Test
    void clientThatStopsReadingIsCutAfterTheWriteTimeoutAndItsWorkerIsFreed() throws Exception {
        CompletableFuture<Throwable> producerEnd = new CompletableFuture<>();
        SocketListener<Request, String> listener = listener(1, request -> {
            if (request.line().equals("stream")) {
                try {
                    produce(request, Integer.MAX_VALUE, null);
                } catch (RuntimeException e) {
                    producerEnd.complete(e);
                    throw e;
                }
            }
            return "echo " + request.line();
        });
        Socket stuck = bench.connect(listener);
        send(stuck, "stream\n");

        Throwable end = producerEnd.get(WRITE_TIMEOUT.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        assertInstanceOf(ReplyAbandonedException.class, end);

        Socket next = bench.connect(listener);
        send(next, "after\n");
        assertEquals("echo after\n", LoopbackClient.readExactly(next, 11), "the only worker slot is free again");
        assertThrows(SocketException.class, () -> drain(stuck), "the stuck client's connection was reset");
        assertEquals(1, listener.statistics().refused(), "the cut-off client is counted as refused");
        assertTrue(listener.statistics().lastProblem().description().contains("cut off"), listener.statistics().lastProblem().description());
    }

    @Test
    void failureAfterPartOfTheReplyLeftResetsTheConnection() throws Exception {
        SocketListener<Request, String> listener = listener(1, request -> {
            produce(request, 200_000, null);
            throw new IllegalStateException("the database went away");
        });
        Socket client = bench.connect(listener);

        send(client, "stream\n");

        assertThrows(SocketException.class, () -> drain(client), "a reset, not a reply that merely ends early");
    }

    @Test
    void failureBeforeAnyPartLeftIsAnsweredWithTheServerErrorAlone() throws Exception {
        SocketListener<Request, String> listener = listener(1, request -> {
            request.output().write("a first part that never leaves".getBytes(StandardCharsets.UTF_8));
            throw new IllegalStateException("failed early");
        });
        Socket client = bench.connect(listener);

        send(client, "go\n");

        assertEquals("ERROR\n", LoopbackClient.readExactly(client, 6));
    }

    @Test
    void otherClientsAreAnsweredWhileOneClientReadsNothingOfItsStreamedReply() throws Exception {
        CountDownLatch streaming = new CountDownLatch(1);
        SocketListener<Request, String> listener = listener(2, request -> {
            if (request.line().equals("stream")) {
                streaming.countDown();
                produce(request, Integer.MAX_VALUE, null);
            }
            return "echo " + request.line();
        });
        Socket stuck = bench.connect(listener);
        send(stuck, "stream\n");
        assertTrue(streaming.await(5, TimeUnit.SECONDS), "the stuck client's reply is being produced");

        for (int i = 0; i < 5; i++) {
            Socket other = bench.connect(listener);
            send(other, "hello\n");
            assertEquals("echo hello\n", LoopbackClient.readExactly(other, 11));
        }
    }

    @Test
    void customerReportOfThousandsOfCustomersArrivesByteExactWhileItIsStreamed() throws Exception {
        int customers = 5_000;
        ListenerSettings settings = new ListenerSettings("customer-directory-test", new InetSocketAddress(LoopbackClient.LOOPBACK, 0),
                8, 512, Duration.ofSeconds(5), Duration.ofSeconds(30), 2, Duration.ofSeconds(30), WRITE_TIMEOUT);
        AtomicReference<ReplyPipe> pipe = new AtomicReference<>();
        SocketListener<CustomerDirectoryRequest, CustomerDirectoryReply> listener = bench.started(new SocketListener<>(settings,
                () -> CustomerDirectorySession.codec(512), request -> {
                    CustomerDirectoryRequest.Report report = (CustomerDirectoryRequest.Report) request;
                    for (int i = 0; i < customers; i++) {
                        report.customers().send(new CustomerDirectoryReply.Customer(String.format("Cust%06d", i), String.valueOf(i % 120),
                                i + " Long Street Name Avenue", i % 3 == 0 ? "" : "514-" + String.format("%04d", i % 10_000)));
                    }
                    pipe.set(pipe(report));
                    return new CustomerDirectoryReply.ReportComplete();
                }, bench.executor));
        Socket client = bench.connect(listener);

        send(client, "7\n");
        String received = LoopbackClient.readToEnd(client);

        String indent = " ".repeat(16);
        StringBuilder expected = new StringBuilder("\n" + indent + "\n++    \n" + indent + "\n++  DB Report\n" + indent + "\n++\n" + indent
                + "\nName            Age            address                       Phone Number\n" + indent
                + "\n-------------------------------------------------------------------------\n");
        for (int i = 0; i < customers; i++) {
            String address = (i + " Long Street Name Avenue").substring(0, 21);
            expected.append(String.format("%-10s      %-15s%-30s%s%n", String.format("Cust%06d", i).substring(0, 10), i % 120, address,
                    i % 3 == 0 ? "" : "514-" + String.format("%04d", i % 10_000)));
        }
        assertEquals(expected.toString(), received);
        assertTrue(pipe.get().peakUnwritten() > 0, "the report left in parts");
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private SocketListener<Request, String> listener(int maxConcurrentRequests, RequestHandler<Request, String> handler) throws IOException {
        return listener(maxConcurrentRequests, WRITE_TIMEOUT, handler);
    }

    private SocketListener<Request, String> listener(int maxConcurrentRequests, Duration writeTimeout, RequestHandler<Request, String> handler)
            throws IOException {
        ListenerSettings settings = new ListenerSettings("streaming-test", new InetSocketAddress(LoopbackClient.LOOPBACK, 0),
                8, 1024, Duration.ofSeconds(5), Duration.ofSeconds(30), maxConcurrentRequests, Duration.ofSeconds(30), writeTimeout);
        return bench.started(new SocketListener<>(settings, StreamingLineSession::codec, handler, bench.executor));
    }

    /** The pipe behind a report's stream (the codec's stream writes to it). */
    private static ReplyPipe pipe(CustomerDirectoryRequest.Report report) throws ReflectiveOperationException {
        var field = report.customers().getClass().getDeclaredField("output");
        field.setAccessible(true);
        return (ReplyPipe) field.get(report.customers());
    }

    /** Writes {@code total} bytes of {@link #pattern} in pieces of 1 to 9,000 bytes, counting them in {@code produced}. */
    private static void produce(Request request, int total, AtomicLong produced) {
        long written = 0;
        int piece = 1;
        while (written < total) {
            int size = (int) Math.min(piece, total - written);
            request.output().write(pattern(written, size));
            written += size;
            if (produced != null) {
                produced.addAndGet(size);
            }
            piece = piece % 9_000 + 997;
        }
    }

    /** Bytes {@code from} to {@code from + length} of a sequence that does not repeat within a chunk. */
    private static byte[] pattern(long from, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            long at = from + i;
            bytes[i] = (byte) (at * 31 + at / 251);
        }
        return bytes;
    }

    /** Reads until the server closes (fails by the socket's timeout if it never does). */
    private static void drain(Socket client) throws IOException {
        InputStream in = client.getInputStream();
        byte[] buffer = new byte[64 * 1024];
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        int n;
        while ((n = in.read(buffer)) >= 0) {
            sink.reset();
            sink.write(buffer, 0, n);
        }
    }
}
