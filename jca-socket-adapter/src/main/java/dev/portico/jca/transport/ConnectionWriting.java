package dev.portico.jca.transport;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.util.logging.Logger;

/**
 * Writing and closing for one listener's connections: writes what a connection has queued (see
 * {@link Connection#flush}), then closes it when it is done, reads on, or waits for the socket;
 * closes with FIN, with a reset, or after one last generic error. Runs on the selector thread, but for
 * {@link #finishOnWorker}.
 */
final class ConnectionWriting<Q, R> {

    private static final Logger LOG = Logger.getLogger(SocketListener.class.getName());
    /**
     * A worker writes a reply at most this many bytes at a time: the JDK copies each write into a direct buffer it
     * keeps per thread, which thus stays this small on every worker thread.
     */
    static final int WORKER_WRITE_SLICE = 64 * 1024;

    private final SocketListener<Q, R> listener;
    private final ClientAccepting<Q, R> accepting;

    ConnectionWriting(SocketListener<Q, R> listener, ClientAccepting<Q, R> accepting) {
        this.listener = listener;
        this.accepting = accepting;
    }

    /** Ends a connection whose state can no longer be trusted: one last generic error if it can be written at once, then close. */
    void abandon(Connection<Q, R> c) {
        try {
            c.io.write(ByteBuffer.wrap(c.session.render(c.session.serverError())));
        } catch (IOException | RuntimeException | Error ignored) {
            // the connection is going anyway
        }
        close(c);
    }

    /** Writes what can be written, then closes the connection or updates what the selector watches. */
    void settle(Connection<Q, R> c) {
        if (!c.open) {
            return;
        }
        try {
            boolean flushed = c.flush(System.nanoTime());
            while (flushed && c.readyForMoreInput() && listener.reading.decode(c)) {
                flushed = c.flush(System.nanoTime());
            }
            if (flushed && c.closing && c.quiescent()) {
                close(c);
            } else {
                int interest = c.interest();
                try {
                    c.key.interestOps(interest);
                } catch (CancelledKeyException e) {
                    if (!c.workerMayFinish) {
                        throw e;
                    }
                    return; // its worker has already written the reply and closed the socket; its completion says so
                }
                if ((interest & SelectionKey.OP_READ) != 0 && c.io.hasBufferedInput()) {
                    listener.rereads.add(c);
                }
            }
        } catch (IOException e) {
            LOG.fine(() -> listener.settings.name() + ": writing to " + SocketListener.describe(c) + " failed: " + e);
            close(c);
        }
    }

    /**
     * On the worker thread that answered a one-request connection ({@link Connection#workerMayFinish}): writes the
     * whole reply and closes the socket there and then, which spares the selector a wake-up and a round per request
     * (the selector forgets the connection in its next round, see {@link RequestDispatch#drainCompletions}). Returns
     * the completion to hand over: finished; or, when the reply was streamed, the socket takes only part of it now
     * or writing fails, one with the bytes left, which the selector writes (or fails to) as for any reply. Never
     * throws: the completion must reach the selector, or the connection would stay busy for good.
     */
    Completion<Q, R> finishOnWorker(Completion<Q, R> done) {
        Connection<Q, R> c = done.connection();
        if (!c.workerMayFinish || done.reset() || c.pipe.streamed() || listener.stopping()) {
            return done;
        }
        byte[] bytes = done.bytes();
        int written = done.from();
        try {
            try {
                int n = 1;
                while (written < bytes.length && n > 0) {
                    n = c.channel.write(ByteBuffer.wrap(bytes, written, Math.min(WORKER_WRITE_SLICE, bytes.length - written)));
                    written += Math.max(n, 0);
                }
            } catch (IOException e) {
                // The client went away, or the selector closed the connection meanwhile: the selector finds that out.
            }
            if (written < bytes.length) {
                return Completion.rest(c, bytes, written, done.reply());
            }
            c.discardUnreadInput();
            if (c.closeCounted.compareAndSet(false, true)) {
                listener.counters.connectionClosed();
            }
            try {
                c.channel.close();
            } catch (IOException e) {
                LOG.fine(() -> listener.settings.name() + ": closing " + SocketListener.describe(c) + ": " + e);
            }
            return Completion.finished(c, done.reply());
        } catch (RuntimeException | Error e) {
            // Unexpected: the selector goes on as for any reply, or resets the connection if part of this one left.
            return written == done.from() ? done : Completion.reset(c);
        }
    }

    void close(Connection<Q, R> c) {
        if (!c.open) {
            return;
        }
        c.open = false;
        c.pipe.cut();
        c.shrinkInput(listener.inputBudget, true);
        listener.connections.remove(c);
        listener.eviction.closed(c);
        if (c.closeCounted.compareAndSet(false, true)) {
            listener.counters.connectionClosed();
        }
        try {
            c.key.cancel();
            if (c.channel.isOpen()) { // not when its worker closed it (finishOnWorker)
                c.io.closeOutbound();
                c.discardUnreadInput();
                c.channel.close();
            }
        } catch (IOException e) {
            LOG.fine(() -> listener.settings.name() + ": closing " + SocketListener.describe(c) + ": " + e);
        }
        if (!listener.stopping() && listener.connections.size() < listener.settings.maxConnections()) {
            accepting.resume();
        }
    }

    /** Closes with a reset (RST), so that the client sees an error instead of a reply that merely ends early. */
    void reset(Connection<Q, R> c) {
        c.io = ConnectionChannel.plain(c.channel); // no TLS close_notify either: it would tell the client the reply was whole
        try {
            c.channel.setOption(StandardSocketOptions.SO_LINGER, 0);
        } catch (IOException | RuntimeException e) {
            LOG.fine(() -> listener.settings.name() + ": cannot reset " + SocketListener.describe(c) + ": " + e);
        }
        close(c);
    }
}
