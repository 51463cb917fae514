package dev.portico.jca.transport;

import dev.portico.jca.api.ReplyAbandonedException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pipe between a producing worker and the selector, without sockets: bounded, ordered, and cut off. */
class ReplyPipeTest {

    private static final int BOUND = 4 * ReplyPipe.CHUNK;

    private final AtomicInteger wakeUps = new AtomicInteger();
    private final ReplyPipe pipe = new ReplyPipe(BOUND, wakeUps::incrementAndGet);

    @Test
    void producerWaitsOnceTheBoundIsUnwrittenAndGoesOnAsTheSelectorWrites() throws Exception {
        byte[] reply = bytes(20 * ReplyPipe.CHUNK + 123);
        AtomicLong written = new AtomicLong();
        CompletableFuture<byte[]> producer = CompletableFuture.supplyAsync(() -> {
            for (int i = 0; i < reply.length; i += 1000) {
                byte[] piece = java.util.Arrays.copyOfRange(reply, i, Math.min(reply.length, i + 1000));
                pipe.write(piece);
                written.addAndGet(piece.length);
            }
            return pipe.finish("END".getBytes(StandardCharsets.UTF_8));
        });

        assertThrows(TimeoutException.class, () -> producer.get(300, TimeUnit.MILLISECONDS), "nobody writes: the producer waits");
        assertTrue(written.get() <= BOUND + ReplyPipe.CHUNK, "held back after " + written.get() + " bytes");
        assertEquals(BOUND, pipe.peakUnwritten(), "the bound is reached, not passed");

        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        while (!producer.isDone() || !pipe.isEmpty()) {
            ByteBuffer head = pipe.head();
            if (head == null) {
                Thread.onSpinWait();
                continue;
            }
            int n = Math.min(head.remaining(), 5000);
            sent.write(head.array(), head.arrayOffset() + head.position(), n);
            head.position(head.position() + n);
            pipe.wrote(n, System.nanoTime());
        }

        assertArrayEquals(new byte[0], producer.get(), "a streamed reply's end goes through the pipe");
        byte[] expected = new byte[reply.length + 3];
        System.arraycopy(reply, 0, expected, 0, reply.length);
        System.arraycopy("END".getBytes(StandardCharsets.UTF_8), 0, expected, reply.length, 3);
        assertArrayEquals(expected, sent.toByteArray());
        assertTrue(pipe.peakUnwritten() <= BOUND);
        assertTrue(wakeUps.get() >= 1);
    }

    @Test
    void replyThatFitsOneChunkIsNeverHandedOverAndLeavesWholeWithItsEnd() {
        pipe.write("part ".getBytes(StandardCharsets.UTF_8));

        assertEquals("part end", new String(pipe.finish("end".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
        assertTrue(pipe.isEmpty());
        assertEquals(0, wakeUps.get(), "the selector was not bothered");
    }

    @Test
    void cutWakesAWaitingProducerWithReplyAbandoned() throws Exception {
        CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> {
            while (true) {
                pipe.write(bytes(1000));
            }
        });
        assertThrows(TimeoutException.class, () -> producer.get(200, TimeUnit.MILLISECONDS));

        pipe.cut();

        ExecutionException end = assertThrows(ExecutionException.class, () -> producer.get(5, TimeUnit.SECONDS));
        assertInstanceOf(ReplyAbandonedException.class, end.getCause());
        assertTrue(pipe.isEmpty(), "what waited is dropped");
        assertThrows(ReplyAbandonedException.class, () -> pipe.write(new byte[1]));
    }

    @Test
    void failureSaysWhetherPartOfTheReplyWasHandedOver() {
        pipe.write(bytes(100));
        assertFalse(pipe.fail(), "nothing left the worker");

        pipe.write(bytes(ReplyPipe.CHUNK + 1));
        assertTrue(pipe.fail(), "a chunk was handed over");
    }

    @Test
    void stalledOnlyWhileBytesWaitWithoutProgress() {
        long start = System.nanoTime();
        assertFalse(pipe.stalled(start + 10_000_000_000L, 1_000_000), "nothing waits");
        pipe.write(bytes(ReplyPipe.CHUNK));
        long handed = System.nanoTime();
        assertTrue(pipe.stalled(handed + 2_000_000, 1_000_000));
        pipe.head().position(10);
        pipe.wrote(10, handed + 2_000_000);
        assertFalse(pipe.stalled(handed + 2_500_000, 1_000_000), "progress restarts the clock");
    }

    private static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 7 + i / 256);
        }
        return bytes;
    }
}
