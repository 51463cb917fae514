package dev.portico.jca.transport;

import dev.portico.jca.codec.ConnectionCodec;
import dev.portico.jca.codec.ProtocolSession;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One client connection's state; touched only by its listener's selector thread, but for the socket itself, which
 * the worker answering a one-request connection may write and close ({@link ConnectionWriting#finishOnWorker}).
 */
final class Connection<Q, R> {

    /** A connection's own input buffer; growing beyond it takes from its listener's {@link InputBudget}. */
    static final int INITIAL_BUFFER = 1024;
    /** Replies queued beyond this (a client that sends but does not read) stop further decoding. */
    private static final int OUTPUT_HIGH_WATER = 64 * 1024;

    final SocketChannel channel;
    /** Where the connection's bytes are read and written: the socket itself, or TLS over it ({@link TlsChannel}). */
    ConnectionChannel io;
    /** Cuts frames out of {@link #input} and parses them. */
    final ConnectionCodec<Q, R> codec;
    /** The codec's protocol session: replies, greeting, time-outs, per-connection state. */
    final ProtocolSession<Q, R> session;
    /** A reply streamed by the worker answering this connection; written after {@link #output}. */
    final ReplyPipe pipe;
    final long acceptedNanos;
    /** The client's IP address (the one a trusted proxy's header named, if any); null when unknown. */
    String clientAddress;
    /**
     * From a trusted proxy, and nothing read yet: the first bytes may be a PROXY header. On a TLS listener, TLS (and the
     * greeting inside it) begins only after them.
     */
    boolean proxyHeaderPossible;
    /** A PROXY header named the client: {@link #clientAddress} is not the peer's. */
    boolean proxied;
    SelectionKey key;

    /** Bytes received and not yet consumed, in write mode. */
    ByteBuffer input;
    final Deque<ByteBuffer> output = new ArrayDeque<>();
    private long queuedBytes;

    /** A request is with the application. */
    boolean busy;
    /** A decoded request waits for a free delivery slot. */
    Q pending;
    /**
     * The client sent more while its request was with the application (or waiting for a slot): reading
     * stops until the answer is taken. Until then the selector keeps watching for input, which spares
     * two changes of the socket's interest (two system calls) per request of a client that waits for
     * its reply, as nearly all do.
     */
    boolean heldBack;
    /** Its input buffer must grow and the listener's {@link InputBudget} is spent: not read until room is given back. */
    boolean waitingForRoom;
    /** The client sent end-of-stream. */
    boolean inputEnded;
    /** A one-request connection has had its request (or answer); nothing more is read. */
    boolean requestTaken;
    /** The client has sent a complete request (or something the codec answered) at least once. */
    boolean requestSeen;
    /** Close as soon as the output is written. */
    boolean closing;
    boolean open = true;
    /**
     * Set before its request goes to a worker: that worker may write the reply and close the socket itself (a plain
     * socket, one request per connection, nothing else to write); see {@link ConnectionWriting#finishOnWorker}.
     */
    boolean workerMayFinish;
    /** Whether the connection's end was counted: by the selector, or by the worker that closed it. */
    final AtomicBoolean closeCounted = new AtomicBoolean();

    long lastActivityNanos;
    /** When queued reply bytes were last written, or the first queued while none waited. */
    private long outputProgressNanos;
    /** When the first byte of the request being received arrived; 0 when none is partly received. */
    long frameStartedNanos;

    /** @param streamed called (on a worker thread) when streamed bytes wait where there were none */
    Connection(SocketChannel channel, ConnectionCodec<Q, R> codec, long now, String clientAddress, long streamBound,
               Consumer<Connection<Q, R>> streamed) {
        this.channel = channel;
        this.clientAddress = clientAddress;
        this.codec = codec;
        this.session = codec.session();
        this.pipe = new ReplyPipe(streamBound, () -> streamed.accept(this));
        session.streamTo(pipe);
        this.acceptedNanos = now;
        this.lastActivityNanos = now;
        this.input = ByteBuffer.allocate(INITIAL_BUFFER);
        this.io = ConnectionChannel.plain(channel);
    }

    /** What {@link #ensureRoom} found. */
    enum Room { READY, AT_LIMIT, BUDGET_SPENT }

    /** Budget this connection holds: room for a whole request beyond its small buffer, taken when it first grew. */
    private long reserved;

    /**
     * Makes room to read, growing the buffer up to {@code limit} bytes: {@link Room#AT_LIMIT} when it is full at the
     * limit. The first growth takes room for a whole request ({@code limit} beyond the small buffer) out of
     * {@code budget} at once, so that a connection that began a large request can always finish it: growth granted
     * piecemeal could leave every holder half way and none able to go on. {@link Room#BUDGET_SPENT} when that room is
     * not left.
     */
    Room ensureRoom(int limit, InputBudget budget) {
        if (input.hasRemaining()) {
            return Room.READY;
        }
        if (input.capacity() >= limit) {
            return Room.AT_LIMIT;
        }
        long needed = (long) limit - INITIAL_BUFFER;
        if (needed > reserved) {
            if (!budget.take(needed - reserved)) {
                return Room.BUDGET_SPENT;
            }
            reserved = needed;
        }
        ByteBuffer larger = ByteBuffer.allocate((int) Math.min(limit, 2L * input.capacity()));
        input.flip();
        larger.put(input);
        input = larger;
        return Room.READY;
    }

    /** Gives a grown input buffer's room back to the budget once it is empty (or the connection closed). */
    void shrinkInput(InputBudget budget, boolean closed) {
        if (reserved > 0 && (closed || input.position() == 0)) {
            budget.give(reserved);
            reserved = 0;
            input = ByteBuffer.allocate(INITIAL_BUFFER);
        }
    }

    /** Reads what the client sent into {@link #input}: the number of bytes, or -1 at end of stream. */
    int read() throws IOException {
        return io.read(input);
    }

    void enqueue(byte[] bytes) {
        enqueue(bytes, 0);
    }

    /** Queues the bytes of {@code bytes} from {@code from} on. */
    void enqueue(byte[] bytes, int from) {
        if (bytes.length > from) {
            if (output.isEmpty()) {
                outputProgressNanos = System.nanoTime();
            }
            output.add(ByteBuffer.wrap(bytes, from, bytes.length - from));
            queuedBytes += bytes.length - from;
        }
    }

    /** Reply bytes queued and not yet written (a streamed reply's excepted). */
    long queuedBytes() {
        return queuedBytes;
    }

    /** Whether queued reply bytes have waited longer than {@code timeoutNanos} without any being written. */
    boolean outputStalled(long now, long timeoutNanos) {
        return !output.isEmpty() && now - outputProgressNanos > timeoutNanos;
    }

    /** Whether a request (the rest of one, or a one-request connection's) waits behind a queued reply its client has not taken yet. */
    boolean waitingBehindReply() {
        return !output.isEmpty() && (frameStartedNanos != 0 || requestTaken);
    }

    /** Whether so much output waits for the client that no more requests should be decoded now. */
    boolean outputBacklogged() {
        return queuedBytes > OUTPUT_HIGH_WATER || !pipe.isEmpty();
    }

    /** Writes what the socket takes now (progress counts as activity); true when everything queued has been written. */
    boolean flush(long now) throws IOException {
        while (!output.isEmpty()) {
            ByteBuffer head = output.peek();
            int written = io.write(head);
            if (written > 0) {
                lastActivityNanos = now;
                outputProgressNanos = now;
                queuedBytes -= written;
            }
            if (head.hasRemaining()) {
                return false;
            }
            output.poll();
        }
        ByteBuffer chunk;
        while ((chunk = pipe.head()) != null) {
            int written = io.write(chunk);
            if (written > 0) {
                lastActivityNanos = now;
            }
            pipe.wrote(written, now);
            if (chunk.hasRemaining()) {
                return false;
            }
        }
        return io.flush();
    }

    /**
     * Reads and drops what the client sent beyond its request, so that closing sends FIN and not
     * RST (which could destroy the reply in the client's receive buffer).
     */
    void discardUnreadInput() {
        ByteBuffer sink = ByteBuffer.allocate(4096);
        try {
            for (int i = 0; i < 16 && channel.read(sink) > 0; i++) {
                sink.clear();
            }
        } catch (IOException e) {
            // the connection is being closed anyway
        }
    }

    /** Whether a request could be decoded from buffered input now (none in progress, output drained). */
    boolean readyForMoreInput() {
        return !busy && pending == null && !closing && !requestTaken && output.isEmpty() && pipe.isEmpty() && input.position() > 0;
    }

    /** Whether nothing is left to do for this connection but closing it. */
    boolean quiescent() {
        return !busy && pending == null && output.isEmpty() && pipe.isEmpty();
    }

    /** The selector interest this state calls for. */
    int interest() {
        int ops = 0;
        boolean nothingToWrite = output.isEmpty() && pipe.isEmpty();
        boolean answering = busy || pending != null;
        if ((!answering || !heldBack) && !closing && !inputEnded && !requestTaken && nothingToWrite && !waitingForRoom) {
            ops |= SelectionKey.OP_READ;
        }
        if (!nothingToWrite) {
            ops |= SelectionKey.OP_WRITE;
        }
        return io.interest(ops);
    }
}
