package dev.portico.jca.transport;

import dev.portico.jca.codec.Decoded;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Framing and time-outs of one listener's connections: reads what a client sent, cuts requests out
 * of it with the connection's codec (handing them to {@link RequestDispatch}, answering the rest
 * itself), and answers or closes connections whose request, first request or idle time ran out.
 * Runs on the selector thread.
 */
final class ConnectionReading<Q, R> {

    private static final Logger LOG = Logger.getLogger(SocketListener.class.getName());

    private final SocketListener<Q, R> listener;
    private final ListenerSettings settings;
    private final ListenerCounters counters;
    private long lastBudgetWarningNanos;
    private static final long BUDGET_WARNING_EVERY_NANOS = 60_000_000_000L;
    /** How long a client may take nothing of its queued reply before it may be cut off when replies hold too much. */
    static final long UNREAD_GRACE_MILLIS = 1_000;

    ConnectionReading(SocketListener<Q, R> listener) {
        this.listener = listener;
        this.settings = listener.settings;
        this.counters = listener.counters;
    }

    /** Reads again the connections whose TLS layer holds input the selector cannot see. */
    void rereadTlsInput() {
        for (int i = listener.rereads.size(); i > 0; i--) {
            Connection<Q, R> c = listener.rereads.poll();
            if (c.open && c.key.isValid() && (c.key.interestOps() & SelectionKey.OP_READ) != 0) {
                read(c);
            }
        }
    }

    void read(Connection<Q, R> c) {
        if (c.waitingForRoom) {
            return; // woken when room comes back (a TLS layer may ask to read meanwhile)
        }
        if (c.busy || c.pending != null) {
            // More input while a request is answered: not read now; the client is held back by TCP until the answer is taken.
            c.heldBack = true;
            int interest = c.interest();
            c.key.interestOps(interest);
            if ((interest & SelectionKey.OP_READ) == 0) {
                return;
            }
            // The TLS layer still asks for input (a handshake during the request): read it, so that the handshake,
            // and a streamed reply waiting for it, go on; decode() takes no request while this one is answered.
        }
        try {
            int room = c.proxyHeaderPossible ? Math.max(settings.maxRequestBytes(), 16 + ProxyHeader.V2_MAX_PAYLOAD) : settings.maxRequestBytes();
            Connection.Room ready = c.ensureRoom(room + 1, listener.inputBudget);
            if (ready == Connection.Room.AT_LIMIT) {
                LOG.warning(() -> settings.name() + ": codec kept more than the request limit; closing " + SocketListener.describe(c));
                listener.writing.close(c);
                return;
            }
            if (ready == Connection.Room.BUDGET_SPENT) {
                waitForRoom(c);
                return;
            }
            int n = c.read();
            if (c.proxyHeaderPossible) {
                if (!proxyHeader(c, n)) {
                    return;
                }
                if (c.io instanceof TlsChannel) {
                    n = c.read(); // TLS began after the header: what came after it are TLS records
                }
            }
            long now = System.nanoTime();
            if (n < 0) {
                c.inputEnded = true;
                if (c.session.oneRequestPerConnection() && !c.requestTaken) {
                    c.requestTaken = true;
                    byte[] incomplete = c.session.incomplete();
                    if (c.input.position() > 0) {
                        // a client that connects and leaves without sending anything (a port probe) made no request
                        counters.refused(SocketListener.describe(c), "incomplete request", incomplete);
                    }
                    c.enqueue(incomplete);
                    c.closing = true;
                }
            } else if (n > 0) {
                c.lastActivityNanos = now;
                if (c.frameStartedNanos == 0) {
                    c.frameStartedNanos = now;
                }
            }
            decode(c);
            listener.writing.settle(c);
        } catch (IOException e) {
            LOG.fine(() -> settings.name() + ": " + SocketListener.describe(c) + " failed: " + e);
            listener.writing.close(c);
        }
    }

    /**
     * The first bytes of a trusted proxy's connection: a PROXY header names the client and is dropped, anything else
     * is the client's own. Whether the connection goes on now (false: more of a header is to come, or it was closed).
     */
    private boolean proxyHeader(Connection<Q, R> c, int n) throws IOException {
        c.input.flip();
        ProxyHeader.Parsed parsed = ProxyHeader.parse(c.input);
        c.input.compact();
        if (parsed instanceof ProxyHeader.NeedMore) {
            if (n < 0) {
                if (c.input.position() > 0) {
                    counters.refused(SocketListener.describe(c), "incomplete PROXY header", new byte[0]);
                }
                listener.writing.close(c);
            }
            return false;
        }
        if (parsed instanceof ProxyHeader.Invalid invalid) {
            counters.refused(SocketListener.describe(c), "bad PROXY header (" + invalid.reason() + ")", new byte[0]);
            listener.writing.close(c);
            return false;
        }
        boolean tlsDeferred = listener.accepting.tlsDeferred(c);
        c.proxyHeaderPossible = false;
        if (parsed instanceof ProxyHeader.Header header && header.client() != null) {
            listener.eviction.closed(c);
            c.clientAddress = header.client();
            c.proxied = true;
            listener.eviction.opened(c);
            c.session.clientAddress(c.clientAddress);
        }
        if (tlsDeferred) {
            c.input.flip();
            ByteBuffer after = ByteBuffer.allocate(c.input.remaining()).put(c.input).flip();
            c.input.clear();
            listener.accepting.begin(c, new PrefixedChannel(after, c.channel));
        }
        return true;
    }

    /** Cuts as many frames as the connection may have answered now; whether it consumed any input. */
    boolean decode(Connection<Q, R> c) {
        if (c.proxyHeaderPossible) {
            return false; // what came so far may be part of a PROXY header, not of a request
        }
        boolean consumed = false;
        boolean starved = false;
        c.input.flip();
        try {
            while (!c.busy && c.pending == null && !c.closing && !c.requestTaken && !c.outputBacklogged()) {
                Decoded<Q> decoded = c.codec.decode(c.input);
                if (!(decoded instanceof Decoded.NeedMore)) {
                    consumed = true;
                    c.requestSeen = true;
                }
                if (decoded instanceof Decoded.Request<Q> request) {
                    c.requestTaken = c.session.oneRequestPerConnection();
                    listener.dispatch.dispatch(c, request.request());
                } else if (decoded instanceof Decoded.Answer<Q> answer) {
                    counters.refused(SocketListener.describe(c), "bad input", answer.reply());
                    c.requestTaken = c.session.oneRequestPerConnection();
                    c.enqueue(answer.reply());
                    c.closing = answer.close() || c.requestTaken;
                } else {
                    starved = true;
                    break;
                }
            }
        } finally {
            c.input.compact();
        }
        if (c.input.position() == 0) {
            c.frameStartedNanos = 0;
            c.shrinkInput(listener.inputBudget, false);
        } else if (consumed) {
            c.frameStartedNanos = c.lastActivityNanos;
        }
        // End of stream with nothing left to answer: whatever partial request remains will never complete.
        if (c.inputEnded && !c.busy && c.pending == null && (starved || c.input.position() == 0)) {
            c.closing = true;
        }
        return consumed;
    }

    /** Stops reading {@code c} until room in the input budget is given back ({@link #wakeWaitingForRoom}). */
    private void waitForRoom(Connection<Q, R> c) {
        if (!c.waitingForRoom) {
            c.waitingForRoom = true;
            listener.waitingForRoom.add(c);
        }
        c.key.interestOps(c.interest());
        long now = System.nanoTime();
        if (now - lastBudgetWarningNanos > BUDGET_WARNING_EVERY_NANOS || lastBudgetWarningNanos == 0) {
            lastBudgetWarningNanos = now;
            LOG.warning(() -> settings.name() + ": requests still arriving hold " + listener.inputBudget.used() / 1024
                    + " KiB, the listener's bound (maxBufferedBytes); " + listener.waitingForRoom.size()
                    + " connection(s) wait for room, unread, or for their read timeout (said at most once a minute)");
        }
    }

    /** After room was given back: reads again the connections that waited for it (those that still find none wait again). */
    void wakeWaitingForRoom() {
        if (!listener.inputBudget.takeGiven() || listener.waitingForRoom.isEmpty()) {
            return;
        }
        for (int i = listener.waitingForRoom.size(); i > 0; i--) {
            Connection<Q, R> c = listener.waitingForRoom.poll();
            c.waitingForRoom = false;
            if (c.open && c.key.isValid()) {
                int interest = c.interest();
                c.key.interestOps(interest);
                if ((interest & SelectionKey.OP_READ) != 0 && c.io.hasBufferedInput()) {
                    listener.rereads.add(c); // bytes the TLS layer (or a PROXY prefix) holds: the selector would not say so
                }
            }
        }
    }

    /**
     * When the replies waiting for their clients hold more than the listener's bound (maxBufferedBytes) together,
     * resets the connections holding the most whose clients took nothing for {@value #UNREAD_GRACE_MILLIS} ms, until
     * the rest fit: a client that asks for large replies and does not read them cannot fill the heap, while one
     * that reads takes its reply long before. Each is counted as cut off.
     */
    void cutOffUnreadReplies(List<Connection<Q, R>> connections, long now) {
        long queued = 0;
        for (Connection<Q, R> c : connections) {
            queued += c.queuedBytes();
        }
        if (queued <= settings.maxBufferedBytes()) {
            return;
        }
        List<Connection<Q, R>> unread = new ArrayList<>();
        for (Connection<Q, R> c : connections) {
            if (c.queuedBytes() > 0 && now - c.lastActivityNanos > TimeUnit.MILLISECONDS.toNanos(UNREAD_GRACE_MILLIS)) {
                unread.add(c);
            }
        }
        unread.sort(Comparator.comparingLong((Connection<Q, R> c) -> c.queuedBytes()).reversed());
        for (Connection<Q, R> c : unread) {
            if (queued <= settings.maxBufferedBytes()) {
                break;
            }
            queued -= c.queuedBytes();
            counters.cutOff(SocketListener.describe(c), "took nothing of a reply of " + c.queuedBytes() + " bytes while replies waiting"
                    + " for their clients held more than maxBufferedBytes (" + settings.maxBufferedBytes() + ")");
            listener.writing.reset(c);
        }
    }

    /** Cuts off stalled streamed replies, answers requests that took too long, closes idle and silent connections. */
    void expireTimeouts(List<Connection<Q, R>> connections, long now) {
        cutOffUnreadReplies(connections, now);
        for (Connection<Q, R> c : connections) {
            if (!c.open) {
                continue; // cut off just above, or closed meanwhile
            }
            if (c.pipe.stalled(now, settings.writeTimeout().toNanos()) || c.outputStalled(now, settings.writeTimeout().toNanos())) {
                counters.cutOff(SocketListener.describe(c), "took nothing of its reply for " + settings.writeTimeout().toMillis() + " ms");
                listener.writing.reset(c);
                continue;
            }
            if (c.busy || c.pending != null || !c.pipe.isEmpty() || c.waitingBehindReply()) {
                // The server has the turn (a request answered, or its reply waiting for the client to take it, bounded by
                // the write timeout): what the client sent meanwhile is read after, and its read timeout starts then. A
                // pipelined request behind a large reply the client was slow to take was answered "timed out" (QA).
                if (c.frameStartedNanos != 0) {
                    c.frameStartedNanos = now;
                }
                continue;
            }
            if (listener.accepting.tlsDeferred(c)) {
                // no TLS yet to answer in: a trusted proxy's connection that sent nothing whole in time is closed
                if (now - c.acceptedNanos > settings.readTimeout().toNanos()) {
                    listener.writing.close(c);
                }
                continue;
            }
            if (c.closing) {
                if (now - c.lastActivityNanos > settings.readTimeout().toNanos()) {
                    listener.writing.close(c);
                }
            } else if (c.session.oneRequestPerConnection() ? now - c.acceptedNanos > settings.readTimeout().toNanos()
                    : c.frameStartedNanos != 0 && now - c.frameStartedNanos > settings.readTimeout().toNanos()) {
                c.requestTaken = true;
                byte[] timedOut = c.session.timedOut();
                counters.refused(SocketListener.describe(c), "timed out", timedOut);
                c.enqueue(timedOut);
                c.closing = true;
                listener.writing.settle(c);
            } else if (c.frameStartedNanos == 0 && now - c.lastActivityNanos > settings.idleTimeout().toNanos()) {
                listener.writing.close(c);
            } else if (!c.requestSeen && c.frameStartedNanos == 0 && now - c.acceptedNanos > settings.firstRequestTimeout().toNanos()) {
                listener.writing.close(c);
            }
        }
    }
}
