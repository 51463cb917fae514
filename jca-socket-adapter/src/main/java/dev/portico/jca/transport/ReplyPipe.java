package dev.portico.jca.transport;

import dev.portico.jca.api.ReplyAbandonedException;
import dev.portico.jca.codec.ReplyOutput;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One connection's streamed reply bytes, between the worker thread that produces them and the
 * selector thread that writes them. The worker fills chunks of {@value #CHUNK} bytes and hands
 * each over, waiting while {@code bound} bytes handed over are still unwritten; the selector writes
 * chunks as the socket takes them and wakes the worker. The selector never waits here: the worker
 * holds the lock only to queue a chunk. A reply whose bytes all fit in one chunk is never handed
 * over, and leaves as a whole when the worker is done ({@link #finish}).
 */
final class ReplyPipe implements ReplyOutput {

    static final int CHUNK = 16 * 1024;
    private static final byte[] NOTHING = new byte[0];

    private final long bound;
    /** Tells the selector that chunks wait where there were none; called without the lock. */
    private final Runnable wakeSelector;

    /** Touched by the worker only. */
    private ByteBuffer filling;
    /** Whether any chunk of the reply was handed over to the selector (touched by the worker only). */
    private boolean streamedAny;

    private final Deque<ByteBuffer> chunks = new ArrayDeque<>();
    private long unwritten;
    private long peakUnwritten;
    private long progressNanos;
    private boolean handedOver;
    private volatile boolean cut;

    ReplyPipe(long bound, Runnable wakeSelector) {
        if (bound < CHUNK) {
            throw new IllegalArgumentException("the bound must hold one chunk of " + CHUNK + " bytes, got " + bound);
        }
        this.bound = bound;
        this.wakeSelector = wakeSelector;
    }

    // ---- the worker's side --------------------------------------------------------------------

    @Override
    public void write(byte[] bytes) {
        if (cut) {
            throw abandoned();
        }
        int offset = 0;
        while (offset < bytes.length) {
            if (filling == null) {
                filling = ByteBuffer.allocate(CHUNK);
            }
            int n = Math.min(filling.remaining(), bytes.length - offset);
            filling.put(bytes, offset, n);
            offset += n;
            if (!filling.hasRemaining()) {
                handOver();
            }
        }
    }

    /**
     * Ends the reply of a request answered with {@code last} as its final bytes: returns all of the
     * reply's bytes when none were handed over yet (they then leave as an ordinary reply), otherwise
     * hands the rest over and returns nothing.
     */
    byte[] finish(byte[] last) {
        boolean streamed;
        synchronized (this) {
            streamed = handedOver;
            handedOver = false;
        }
        if (!streamed) {
            if (filling == null) {
                return last;
            }
            ByteArrayOutputStream all = new ByteArrayOutputStream(filling.position() + last.length);
            all.write(filling.array(), 0, filling.position());
            all.write(last, 0, last.length);
            filling = null;
            return all.toByteArray();
        }
        write(last);
        if (filling != null && filling.position() > 0) {
            handOver();
        }
        filling = null;
        return NOTHING;
    }

    /** Ends a reply whose request failed: drops what was not handed over; whether part of it was (and may have left). */
    boolean fail() {
        filling = null;
        synchronized (this) {
            boolean streamed = handedOver;
            handedOver = false;
            return streamed;
        }
    }

    /** Whether part of the reply went to the selector: it was streamed, not rendered whole. On the worker thread. */
    boolean streamed() {
        return streamedAny;
    }

    private void handOver() {
        streamedAny = true;
        ByteBuffer chunk = filling;
        filling = null;
        chunk.flip();
        boolean wasEmpty;
        synchronized (this) {
            while (!cut && unwritten > 0 && unwritten + chunk.remaining() > bound) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ReplyAbandonedException("interrupted while the client was slow to read");
                }
            }
            if (cut) {
                throw abandoned();
            }
            wasEmpty = chunks.isEmpty();
            if (unwritten == 0) {
                progressNanos = System.nanoTime();
            }
            chunks.add(chunk);
            unwritten += chunk.remaining();
            peakUnwritten = Math.max(peakUnwritten, unwritten);
            handedOver = true;
        }
        if (wasEmpty) {
            wakeSelector.run();
        }
    }

    private static ReplyAbandonedException abandoned() {
        return new ReplyAbandonedException("the client is gone");
    }

    // ---- the selector's side ------------------------------------------------------------------

    /** The chunk to write next (the selector writes it outside the lock), or null when none waits. */
    synchronized ByteBuffer head() {
        return chunks.peek();
    }

    /** Records that {@code written} bytes of the head chunk went out; wakes the worker when there is room. */
    synchronized void wrote(int written, long now) {
        if (written > 0) {
            unwritten -= written;
            progressNanos = now;
            notifyAll();
        }
        ByteBuffer head = chunks.peek();
        if (head != null && !head.hasRemaining()) {
            chunks.poll();
        }
    }

    synchronized boolean isEmpty() {
        return chunks.isEmpty();
    }

    /** Whether bytes have waited for the client longer than {@code timeoutNanos} without any being written. */
    synchronized boolean stalled(long now, long timeoutNanos) {
        return !chunks.isEmpty() && now - progressNanos > timeoutNanos;
    }

    /** The connection is gone: drops what waits and makes the worker's next (or current) write fail. */
    synchronized void cut() {
        cut = true;
        chunks.clear();
        unwritten = 0;
        notifyAll();
    }

    boolean isCut() {
        return cut;
    }

    /** The most bytes ever handed over and not yet written at once. */
    synchronized long peakUnwritten() {
        return peakUnwritten;
    }
}
