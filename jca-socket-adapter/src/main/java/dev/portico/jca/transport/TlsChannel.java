package dev.portico.jca.transport;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * One connection's TLS on a non-blocking socket: an {@link SSLEngine} in server mode that decrypts what the
 * client sends ({@link #read}, through its receiving half {@link TlsInbound}), encrypts what the connection
 * writes ({@link #write}), answers the handshake whenever it asks to, and ends with close_notify. Its buffers
 * hold at most one TLS record each way (the engine's packet and application sizes) and exist only while they
 * hold bytes, so an idle connection keeps none. The handshake's tasks (the key exchange and the signature:
 * milliseconds of CPU) run on other threads, so that one client's handshake never holds up the other
 * connections of the selector: meanwhile this channel neither reads nor writes nor touches the engine (the
 * tasks hold its lock), watches nothing, and says when they ended. Not thread-safe otherwise: one thread (the
 * selector) calls it.
 */
final class TlsChannel implements ConnectionChannel {

    private final ByteChannel socket;
    private final SSLEngine engine;
    private final TlsInbound inbound;

    private final Executor tasks;
    private final Runnable tasksEnded;

    /** Encrypted bytes not yet written, in read mode; null when empty. */
    private ByteBuffer netOut;
    /** Set while the handshake's tasks run on another thread; the engine is not touched meanwhile. */
    private volatile boolean tasksRunning;
    /** What a handshake task threw, if one did; the handshake then fails. */
    private volatile Throwable taskFailure;

    /** Handshake tasks run on the calling thread. */
    TlsChannel(ByteChannel socket, SSLEngine engine) throws SSLException {
        this(socket, engine, Runnable::run, () -> { });
    }

    /**
     * Handshake tasks run on {@code tasks}; {@code tasksEnded} is called on that thread when they ended, and the
     * channel should then be written and read again (it watches nothing meanwhile).
     */
    TlsChannel(ByteChannel socket, SSLEngine engine, Executor tasks, Runnable tasksEnded) throws SSLException {
        this.socket = socket;
        this.engine = engine;
        this.tasks = tasks;
        this.tasksEnded = tasksEnded;
        this.inbound = new TlsInbound(engine);
        engine.setUseClientMode(false);
        engine.beginHandshake();
    }

    /** Whether the handshake is still under way (no application bytes pass before it ends). */
    boolean handshaking() {
        if (tasksRunning) {
            return true;
        }
        HandshakeStatus status = engine.getHandshakeStatus();
        return status != HandshakeStatus.NOT_HANDSHAKING && status != HandshakeStatus.FINISHED;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        try {
            return readRecords(dst);
        } finally {
            inbound.releaseEmpty(); // an idle connection keeps no buffer
        }
    }

    private int readRecords(ByteBuffer dst) throws IOException {
        int total = 0;
        while (true) {
            total += inbound.take(dst);
            if (!dst.hasRemaining()) {
                return total;
            }
            if (inbound.done()) {
                return total > 0 ? total : -1;
            }
            Step step = step();
            if (step == Step.PROGRESS) {
                continue;
            }
            if (step == Step.BLOCKED) {
                return total;
            }
            int n = inbound.fill(socket);
            if (n < 0) {
                inbound.endOfStream(); // no close_notify first: the client only closed its socket
                continue;
            }
            if (n == 0) {
                return total;
            }
        }
    }

    private enum Step { PROGRESS, NEED_NET, BLOCKED }

    /** One move of the engine on the inbound side: handshake tasks started, a handshake message, or one record decrypted. */
    private Step step() throws IOException {
        if (!tasksIdle()) {
            return Step.BLOCKED;
        }
        HandshakeStatus status = engine.getHandshakeStatus();
        if (status == HandshakeStatus.NEED_TASK) {
            return runTasks() ? Step.PROGRESS : Step.BLOCKED;
        }
        if (status == HandshakeStatus.NEED_WRAP) {
            return wrapHandshake() ? Step.PROGRESS : Step.BLOCKED;
        }
        return inbound.unwrap(status) ? Step.PROGRESS : Step.NEED_NET;
    }

    /** A larger copy of a write-mode buffer, up to {@code bound} (the engine's own size for it); beyond that the peer is wrong. */
    static ByteBuffer grown(ByteBuffer buffer, int bound, String what) throws SSLException {
        if (buffer.capacity() >= bound) {
            throw new SSLException(what + " larger than " + bound + " bytes");
        }
        ByteBuffer larger = ByteBuffer.allocate(bound);
        buffer.flip();
        larger.put(buffer);
        return larger;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        if (!flush() || handshaking()) {
            return 0;
        }
        int consumed = 0;
        while (src.hasRemaining()) {
            SSLEngineResult result = wrap(src);
            consumed += result.bytesConsumed();
            if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                throw new SSLException("the TLS session is closed");
            }
            if (!flushNetOut() || result.bytesConsumed() == 0) {
                break;
            }
        }
        return consumed;
    }

    @Override
    public boolean flush() throws IOException {
        while (flushNetOut()) {
            if (!tasksIdle()) {
                return false;
            }
            HandshakeStatus status = engine.getHandshakeStatus();
            if (status == HandshakeStatus.NEED_TASK) {
                if (!runTasks()) {
                    return false;
                }
            } else if (status == HandshakeStatus.NEED_WRAP) {
                wrapHandshake();
            } else {
                return true;
            }
        }
        return false;
    }

    /** Wraps a handshake (or closing) message and tries to send it; true when it left. */
    private boolean wrapHandshake() throws IOException {
        if (!flushNetOut()) {
            return false;
        }
        SSLEngineResult result = wrap(ByteBuffer.allocate(0));
        if (result.getStatus() == SSLEngineResult.Status.CLOSED && result.bytesProduced() == 0 && netOut == null) {
            throw new SSLException("the TLS session is closed");
        }
        return flushNetOut();
    }

    /** Encrypts into an empty {@link #netOut}, growing it once to the engine's packet size if asked. */
    private SSLEngineResult wrap(ByteBuffer src) throws SSLException {
        ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        SSLEngineResult result = engine.wrap(src, out);
        if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
            out = grown(out, engine.getSession().getPacketBufferSize(), "TLS record to send");
            result = engine.wrap(src, out);
        }
        out.flip();
        netOut = out.hasRemaining() ? out : null;
        return result;
    }

    /** Writes {@link #netOut}; true when it is empty. */
    private boolean flushNetOut() throws IOException {
        if (netOut == null) {
            return true;
        }
        socket.write(netOut);
        if (netOut.hasRemaining()) {
            return false;
        }
        netOut = null;
        return true;
    }

    /**
     * Starts the engine's handshake tasks on {@link #tasks}; true when they already ended (they ran on this thread,
     * or no thread could take them and they ran here after all).
     */
    private boolean runTasks() {
        List<Runnable> pending = new ArrayList<>();
        for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
            pending.add(task);
        }
        Thread caller = Thread.currentThread();
        tasksRunning = true;
        try {
            tasks.execute(() -> {
                try {
                    pending.forEach(Runnable::run);
                } catch (RuntimeException | Error e) {
                    taskFailure = e;
                } finally {
                    tasksRunning = false;
                    if (Thread.currentThread() != caller) {
                        tasksEnded.run();
                    }
                }
            });
        } catch (RuntimeException | Error e) { // e.g. RejectedExecutionException: no thread (the listener stops)
            try {
                pending.forEach(Runnable::run); // the handshake goes on here, as it would have
            } finally {
                tasksRunning = false;
            }
        }
        return !tasksRunning;
    }

    /** False while the handshake's tasks run; throws when one of them failed. */
    private boolean tasksIdle() throws SSLException {
        if (tasksRunning) {
            return false;
        }
        Throwable failed = taskFailure;
        if (failed != null) {
            throw new SSLException("a TLS handshake task failed: " + failed, failed);
        }
        return true;
    }

    /** Bytes of buffer this connection holds now (none while idle). */
    int heldBytes() {
        return inbound.heldBytes() + (netOut == null ? 0 : netOut.capacity());
    }

    @Override
    public boolean hasBufferedInput() {
        return inbound.hasBuffered() || socket instanceof PrefixedChannel prefixed && prefixed.holdsBytes();
    }

    @Override
    public int interest(int wanted) {
        if (tasksRunning) {
            return 0; // until the tasks end: then the channel is written and read again
        }
        if (netOut != null) {
            return wanted | SelectionKey.OP_WRITE;
        }
        if (handshaking()) {
            // application bytes wait for the handshake, which waits for the client: no write readiness to spin on
            return (wanted & ~SelectionKey.OP_WRITE) | SelectionKey.OP_READ;
        }
        return wanted;
    }

    @Override
    public void closeOutbound() {
        if (tasksRunning) {
            return; // the engine is theirs; close_notify is a courtesy
        }
        try {
            engine.closeOutbound();
            flush();
        } catch (IOException | RuntimeException ignored) {
            // the connection is being closed anyway: close_notify is a courtesy
        }
    }
}
