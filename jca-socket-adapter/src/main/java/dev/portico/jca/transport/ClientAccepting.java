package dev.portico.jca.transport;

import dev.portico.jca.codec.ConnectionCodec;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Accepting clients for one listener: each new connection gets a fresh codec and is greeted; a
 * full listener closes an idle connection ({@link ConnectionEviction}) for a new client or leaves
 * it in the backlog, and looks again each tick; when accepting fails (out of file descriptors) it
 * pauses for a tick instead of failing. Runs on the selector thread.
 */
final class ClientAccepting<Q, R> {

    private static final Logger LOG = Logger.getLogger(SocketListener.class.getName());
    private static final long PAUSE_NANOS = 100_000_000L;

    private final SocketListener<Q, R> listener;
    private final ServerSocketChannel server;
    private final SelectionKey serverKey;
    private final Selector selector;
    private final Supplier<ConnectionCodec<Q, R>> codecs;
    private long pausedUntilNanos;

    ClientAccepting(SocketListener<Q, R> listener, ServerSocketChannel server, SelectionKey serverKey, Selector selector,
                    Supplier<ConnectionCodec<Q, R>> codecs) {
        this.listener = listener;
        this.server = server;
        this.serverKey = serverKey;
        this.selector = selector;
        this.codecs = codecs;
    }

    /** Accepts every waiting client; when full, each one replaces an idle connection, or waits in the backlog if none is idle. */
    void accept() {
        while (true) {
            Connection<Q, R> evicted = null;
            if (listener.connections.size() >= listener.settings.maxConnections()) {
                evicted = listener.eviction.victim(listener.connections);
                if (evicted == null) {
                    break;
                }
            }
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (IOException e) {
                // e.g. out of file descriptors: stop accepting for a moment instead of failing the listener
                LOG.warning(() -> listener.settings.name() + ": cannot accept connections for now: " + e.getMessage());
                listener.counters.traffic.acceptFailed();
                serverKey.interestOps(0);
                pausedUntilNanos = System.nanoTime() + PAUSE_NANOS;
                return;
            }
            if (channel == null) {
                return;
            }
            if (evicted != null) {
                Connection<Q, R> making = evicted;
                LOG.fine(() -> listener.settings.name() + ": full; closing idle " + SocketListener.describe(making) + " for a new client");
                listener.writing.close(evicted);
                listener.counters.traffic.evicted();
            }
            Connection<Q, R> c = null;
            try {
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                InetAddress peer = channel.getRemoteAddress() instanceof InetSocketAddress remote ? remote.getAddress() : null;
                c = new Connection<>(channel, codecs.get(), System.nanoTime(), peer == null ? null : peer.getHostAddress(),
                        SocketListener.STREAM_BOUND, listener.dispatch::settleSoon);
                c.session.clientAddress(c.clientAddress);
                c.proxyHeaderPossible = listener.settings.trustedProxies().trusts(peer);
                c.key = channel.register(selector, SelectionKey.OP_READ, c);
                listener.connections.add(c);
                listener.eviction.opened(c);
                listener.counters.connectionOpened();
                if (!tlsDeferred(c)) {
                    begin(c, channel);
                }
                if (listener.plainOneRequest(c) && c.open) {
                    // Its client speaks first, and has mostly sent its request by now: read it at once, not in the next
                    // round (one wake-up of the selector less per request; if nothing came yet, one read finds nothing).
                    listener.readNow(c);
                }
            } catch (IOException e) {
                LOG.fine(() -> listener.settings.name() + ": setting up a connection failed: " + e);
                if (c != null && c.key != null) {
                    listener.writing.close(c); // registered and counted: closed as any connection
                    continue;
                }
                closeQuietly(channel);
            } catch (RuntimeException | Error e) { // e.g. the heap full: the client is not left connected to nothing
                try {
                    if (c != null && c.key != null) {
                        listener.writing.close(c);
                    }
                } finally {
                    closeQuietly(channel);
                }
                throw e;
            }
        }
        serverKey.interestOps(0);
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // already broken
        }
    }

    /**
     * Begins the protocol: TLS over {@code socket} on a TLS listener, and the greeting. At once for a new connection,
     * or, for a trusted proxy's connection on a TLS listener, once its first bytes showed whether a PROXY header comes
     * first ({@code socket} then gives the bytes read after it).
     */
    void begin(Connection<Q, R> c, ByteChannel socket) throws IOException {
        if (listener.tls != null) {
            c.io = new TlsChannel(socket, listener.tls.newEngine(), listener.handshakeTasks, () -> listener.dispatch.settleSoon(c));
        }
        c.enqueue(c.session.greeting());
        listener.writing.settle(c);
    }

    /** Whether the connection's TLS, and its greeting, wait for the first bytes (a PROXY header may come before them). */
    boolean tlsDeferred(Connection<Q, R> c) {
        return listener.tls != null && c.proxyHeaderPossible;
    }

    /** Room for a client again (a connection closed): accepting goes on, unless paused. */
    void resume() {
        if (serverKey.isValid()) {
            serverKey.interestOps(SelectionKey.OP_ACCEPT);
        }
    }

    /** Once a tick: accepting resumes after a pause, and a full listener looks again (a connection may have become idle). */
    void tick(long now) {
        if (pausedUntilNanos != 0 && now - pausedUntilNanos > 0) {
            pausedUntilNanos = 0;
        }
        if (pausedUntilNanos == 0 && serverKey.isValid()) {
            serverKey.interestOps(SelectionKey.OP_ACCEPT);
        }
    }
}
