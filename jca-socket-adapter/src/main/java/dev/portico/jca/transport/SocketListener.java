package dev.portico.jca.transport;

import dev.portico.jca.api.ListenerStatistics;
import dev.portico.jca.codec.Decoded;
import dev.portico.jca.codec.FrameCodec;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A non-blocking TCP listener: one selector loop accepts, reads, frames and writes for every
 * connection; decoded requests go to the {@link RequestHandler} on executor threads, at most
 * {@code maxConcurrentRequests} at once and one at a time per connection, so replies leave in
 * request order. While a connection's request is being answered, its socket is not read:
 * a fast client is held back by TCP, not by a growing queue. A full listener closes an idle
 * connection ({@link ConnectionEviction}) to serve a new client rather than leave it in the backlog,
 * and a persistent connection must send its first request within {@code firstRequestTimeout}.
 * A reply may be streamed while it is
 * produced ({@link ReplyPipe}): at most {@value #STREAM_BOUND} bytes of it wait per connection, the
 * producing worker waits for a slow client, and a client that takes nothing for the write timeout is
 * cut off.
 */
public final class SocketListener<Q, R> {

    private static final Logger LOG = Logger.getLogger(SocketListener.class.getName());
    private static final long TICK_MILLIS = 100;
    /** A loop that fails this many ticks in a row is broken for good: it stops, and releases its port. */
    private static final int MAX_FAILED_TICKS = 50;
    /** Clients the kernel queues before the loop accepts them (capped by net.core.somaxconn): bursts of connects do not wait for SYN retries. */
    private static final int ACCEPT_BACKLOG = 4096;
    /** Streamed reply bytes that may wait for one client before the worker producing them waits. */
    static final int STREAM_BOUND = 128 * 1024;

    private final ListenerSettings settings;
    private final Supplier<FrameCodec<Q, R>> codecs;
    private final RequestAnswering<Q, R> answering;
    private final Executor executor;
    /** Null: plain TCP, as legacy clients speak it. */
    private final TlsSettings tls;
    /** Connections whose TLS layer holds input the selector cannot see (TlsChannel); read again this tick. */
    private final Deque<Connection<Q, R>> rereads = new ArrayDeque<>();

    private final Selector selector;
    private final ServerSocketChannel server;
    private final SelectionKey serverKey;
    /** Open connections in the order they were accepted. */
    private final Set<Connection<Q, R>> connections = new LinkedHashSet<>();
    private final Deque<Connection<Q, R>> waiting = new ArrayDeque<>();
    private final Queue<Completion<Q, R>> completions = new ConcurrentLinkedQueue<>();
    /** Connections whose streamed reply has bytes to write where it had none. */
    private final Queue<Connection<Q, R>> streamed = new ConcurrentLinkedQueue<>();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile long stopDeadlineNanos;
    private long acceptPausedUntilNanos;
    private long lastExpiryNanos;
    private volatile boolean started;
    private volatile Instant since;
    private final ListenerCounters counters = new ListenerCounters();
    private final ConnectionEviction eviction = new ConnectionEviction();
    private int inFlight;

    /** Binds the port at once (so a failure to bind is the caller's exception); {@link #start()} begins serving. */
    public SocketListener(ListenerSettings settings, Supplier<FrameCodec<Q, R>> codecs, RequestHandler<Q, R> handler,
                          Executor executor) throws IOException {
        this(settings, codecs, handler, executor, null);
    }

    /** As above, serving TLS when {@code tls} is not null. */
    public SocketListener(ListenerSettings settings, Supplier<FrameCodec<Q, R>> codecs, RequestHandler<Q, R> handler,
                          Executor executor, TlsSettings tls) throws IOException {
        this.tls = tls;
        this.settings = settings;
        this.codecs = codecs;
        this.answering = new RequestAnswering<>(settings.name(), handler, counters, SocketListener::describe);
        this.executor = executor;
        this.selector = Selector.open();
        this.server = ServerSocketChannel.open();
        try {
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(settings.address(), ACCEPT_BACKLOG);
            server.configureBlocking(false);
            serverKey = server.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException | RuntimeException e) {
            server.close();
            selector.close();
            throw new IOException("cannot listen for " + settings.name() + " on " + settings.address() + ": " + e.getMessage(), e);
        }
    }

    /** Starts the selector loop on an executor thread. */
    public void start() {
        since = Instant.now();
        executor.execute(this::run);
        started = true;
        LOG.info(() -> "Portico " + settings.name() + " listener on " + settings.address().getHostString() + ":" + port()
                + (tls == null ? "" : " (" + tls + ")"));
        String tooFewFiles = FileDescriptorLimit.check(settings.name(), settings.maxConnections());
        if (tooFewFiles != null) {
            LOG.warning(tooFewFiles);
        }
    }

    /** The port actually bound (useful when the settings asked for port 0). */
    public int port() {
        return server.socket().getLocalPort();
    }

    /** What this listener has served so far; callable from any thread. */
    public ListenerStatistics statistics() {
        boolean listening = started && !stopping && terminated.getCount() > 0 && server.isOpen();
        InetSocketAddress address = settings.address();
        String host = address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
        return new ListenerStatistics(settings.name(), host, port(), listening, since,
                counters.open(), counters.accepted(), counters.requests(), counters.errors(), counters.refused(),
                counters.lastProblem());
    }

    /**
     * Stops accepting and releases the port, lets requests already with the application finish
     * and their replies go out (for at most {@code grace}), then closes every connection. Returns
     * once the loop has ended.
     */
    public void stop(Duration grace) {
        stopDeadlineNanos = System.nanoTime() + grace.toNanos();
        stopping = true;
        if (!started) {
            closeEverything();
            return;
        }
        selector.wakeup();
        try {
            if (!terminated.await(grace.toMillis() + 5000, TimeUnit.MILLISECONDS)) {
                LOG.warning(() -> "Portico " + settings.name() + " listener did not stop within " + grace + "; closing its port anyway");
                selector.close();
                server.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.log(Level.WARNING, settings.name() + ": closing a stuck listener", e);
        }
    }

    private void run() {
        try {
            boolean serverClosed = false;
            int failedTicksInARow = 0;
            while (true) {
                if (rereads.isEmpty()) {
                    selector.select(TICK_MILLIS);
                } else {
                    selector.selectNow();
                }
                try {
                    if (stopping && !serverClosed) {
                        serverKey.cancel();
                        server.close();
                        serverClosed = true;
                        new ArrayList<>(connections).stream().filter(c -> !c.busy && c.pending == null).forEach(c -> {
                            c.closing = true;
                            settle(c);
                        });
                    }
                    drainCompletions();
                    drainStreamed();
                    for (int i = rereads.size(); i > 0; i--) {
                        Connection<Q, R> c = rereads.poll();
                        if (c.open && c.key.isValid() && (c.key.interestOps() & SelectionKey.OP_READ) != 0) {
                            read(c);
                        }
                    }
                    Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                    while (keys.hasNext()) {
                        SelectionKey key = keys.next();
                        keys.remove();
                        if (key.isValid()) {
                            serve(key);
                        }
                    }
                    dispatchWaiting();
                    if (System.nanoTime() - lastExpiryNanos >= TICK_MILLIS * 1_000_000) {
                        expireTimeouts();
                    }
                    failedTicksInARow = 0;
                } catch (RuntimeException | Error e) {
                    failedTicksInARow++;
                    if (failedTicksInARow >= MAX_FAILED_TICKS) {
                        throw e;
                    }
                    LOG.log(Level.SEVERE, "Portico " + settings.name() + " listener: a step of its loop failed; it goes on serving", e);
                }
                if (stopping && (connections.isEmpty() || System.nanoTime() - stopDeadlineNanos > 0)) {
                    break;
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            LOG.log(Level.SEVERE, "Portico " + settings.name() + " listener failed; it stops serving and releases its port", e);
        } finally {
            closeEverything();
            terminated.countDown();
        }
    }

    /**
     * Accepts on the server key, or reads and writes one connection. Whatever the work for one
     * connection throws (an {@code OutOfMemoryError} while decoding, a codec bug) ends only that
     * connection, which is answered the protocol's generic error where possible; the listener goes on.
     */
    private void serve(SelectionKey key) {
        if (key == serverKey) {
            accept();
            return;
        }
        @SuppressWarnings("unchecked")
        Connection<Q, R> c = (Connection<Q, R>) key.attachment();
        try {
            if (key.isWritable()) {
                settle(c);
            }
            if (c.open && key.isValid() && key.isReadable()) {
                read(c);
            }
        } catch (RuntimeException | Error e) {
            LOG.log(Level.SEVERE, settings.name() + ": serving " + describe(c) + " failed; closing that connection", e);
            counters.failed(describe(c), "connection", e);
            abandon(c);
        }
    }

    /** Ends a connection whose state can no longer be trusted: one last generic error if it can be written at once, then close. */
    private void abandon(Connection<Q, R> c) {
        try {
            c.io.write(ByteBuffer.wrap(c.codec.encode(c.codec.serverError())));
        } catch (IOException | RuntimeException | Error ignored) {
            // the connection is going anyway
        }
        close(c);
    }

    /** Accepts every waiting client; when full, each one replaces an idle connection, or waits in the backlog if none is idle. */
    private void accept() {
        while (true) {
            Connection<Q, R> evicted = null;
            if (connections.size() >= settings.maxConnections()) {
                evicted = eviction.victim(connections);
                if (evicted == null) {
                    break;
                }
            }
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (IOException e) {
                // e.g. out of file descriptors: stop accepting for a moment instead of failing the listener
                LOG.warning(() -> settings.name() + ": cannot accept connections for now: " + e.getMessage());
                serverKey.interestOps(0);
                acceptPausedUntilNanos = System.nanoTime() + TICK_MILLIS * 1_000_000;
                return;
            }
            if (channel == null) {
                return;
            }
            if (evicted != null) {
                Connection<Q, R> making = evicted;
                LOG.fine(() -> settings.name() + ": full; closing idle " + describe(making) + " for a new client");
                close(evicted);
            }
            try {
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                Connection<Q, R> c = new Connection<>(channel, codecs.get(), System.nanoTime(), clientAddress(channel),
                        STREAM_BOUND, this::streamReady);
                c.codec.clientAddress(c.clientAddress);
                if (tls != null) {
                    c.io = new TlsChannel(channel, tls.newEngine());
                }
                c.key = channel.register(selector, SelectionKey.OP_READ, c);
                connections.add(c);
                eviction.opened(c);
                counters.connectionOpened();
                c.enqueue(c.codec.greeting());
                settle(c);
            } catch (IOException e) {
                LOG.fine(() -> settings.name() + ": setting up a connection failed: " + e);
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // already broken
                }
            }
        }
        serverKey.interestOps(0);
    }

    private void read(Connection<Q, R> c) {
        try {
            if (!c.ensureRoom(settings.maxRequestBytes() + 1)) {
                LOG.warning(() -> settings.name() + ": codec kept more than the request limit; closing " + describe(c));
                close(c);
                return;
            }
            int n = c.io.read(c.input);
            long now = System.nanoTime();
            if (n < 0) {
                c.inputEnded = true;
                if (c.codec.oneRequestPerConnection() && !c.requestTaken) {
                    c.requestTaken = true;
                    byte[] incomplete = c.codec.incomplete();
                    if (c.input.position() > 0) {
                        // a client that connects and leaves without sending anything (a port probe) made no request
                        counters.refused(describe(c), "incomplete request", incomplete);
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
            settle(c);
        } catch (IOException e) {
            LOG.fine(() -> settings.name() + ": " + describe(c) + " failed: " + e);
            close(c);
        }
    }

    /** Cuts as many frames as the connection may have answered now; whether it consumed any input. */
    private boolean decode(Connection<Q, R> c) {
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
                    c.requestTaken = c.codec.oneRequestPerConnection();
                    dispatch(c, request.request());
                } else if (decoded instanceof Decoded.Answer<Q> answer) {
                    counters.refused(describe(c), "bad input", answer.reply());
                    c.requestTaken = c.codec.oneRequestPerConnection();
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
        } else if (consumed) {
            c.frameStartedNanos = c.lastActivityNanos;
        }
        // End of stream with nothing left to answer: whatever partial request remains will never complete.
        if (c.inputEnded && !c.busy && c.pending == null && (starved || c.input.position() == 0)) {
            c.closing = true;
        }
        return consumed;
    }

    private void dispatch(Connection<Q, R> c, Q request) {
        if (inFlight < settings.maxConcurrentRequests()) {
            deliver(c, request);
        } else {
            c.pending = request;
            waiting.add(c);
        }
    }

    private void dispatchWaiting() {
        while (inFlight < settings.maxConcurrentRequests() && !waiting.isEmpty()) {
            Connection<Q, R> c = waiting.poll();
            Q request = c.pending;
            c.pending = null;
            if (c.open && request != null) {
                deliver(c, request);
                settle(c);
            }
        }
    }

    private void deliver(Connection<Q, R> c, Q request) {
        c.busy = true;
        inFlight++;
        try {
            executor.execute(() -> {
                Completion<Q, R> done = null;
                try {
                    done = answering.answer(c, request);
                } finally {
                    completions.add(done != null ? done : Completion.reset(c));
                    selector.wakeup();
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, settings.name() + ": no thread to answer " + describe(c), e);
            counters.failed(describe(c), request.getClass().getSimpleName(), e);
            completions.add(answering.serverError(c));
        }
    }

    /** Called on a worker thread: the connection's streamed reply has bytes to write where it had none. */
    private void streamReady(Connection<Q, R> c) {
        streamed.add(c);
        selector.wakeup();
    }

    private void drainStreamed() {
        Connection<Q, R> c;
        while ((c = streamed.poll()) != null) {
            settle(c);
        }
    }

    private void drainCompletions() {
        Completion<Q, R> done;
        while ((done = completions.poll()) != null) {
            inFlight--;
            counters.answered();
            Connection<Q, R> c = done.connection();
            c.busy = false;
            if (!c.open) {
                continue;
            }
            if (done.reset()) {
                reset(c);
                continue;
            }
            c.lastActivityNanos = System.nanoTime();
            if (c.input.position() > 0) {
                c.frameStartedNanos = c.lastActivityNanos;
            }
            c.enqueue(done.reply());
            if (c.codec.oneRequestPerConnection() || c.codec.closeAfterReply() || stopping) {
                c.closing = true;
            } else {
                decode(c);
            }
            settle(c);
        }
    }

    /** Writes what can be written, then closes the connection or updates what the selector watches. */
    private void settle(Connection<Q, R> c) {
        if (!c.open) {
            return;
        }
        try {
            boolean flushed = c.flush(System.nanoTime());
            while (flushed && c.readyForMoreInput() && decode(c)) {
                flushed = c.flush(System.nanoTime());
            }
            if (flushed && c.closing && c.quiescent()) {
                close(c);
            } else {
                int interest = c.interest();
                c.key.interestOps(interest);
                if ((interest & SelectionKey.OP_READ) != 0 && c.io.hasBufferedInput()) {
                    rereads.add(c);
                }
            }
        } catch (IOException e) {
            LOG.fine(() -> settings.name() + ": writing to " + describe(c) + " failed: " + e);
            close(c);
        }
    }

    private void expireTimeouts() {
        long now = System.nanoTime();
        lastExpiryNanos = now;
        if (acceptPausedUntilNanos != 0 && now - acceptPausedUntilNanos > 0) {
            acceptPausedUntilNanos = 0;
        }
        if (acceptPausedUntilNanos == 0 && !stopping && serverKey.isValid()) {
            // full listeners look again each tick: a connection may have become idle, so closable for a new client
            serverKey.interestOps(SelectionKey.OP_ACCEPT);
        }
        for (Connection<Q, R> c : new ArrayList<>(connections)) {
            if (c.pipe.stalled(now, settings.writeTimeout().toNanos())) {
                counters.cutOff(describe(c), "took nothing of its reply for " + settings.writeTimeout().toMillis() + " ms");
                reset(c);
                continue;
            }
            if (c.busy || c.pending != null || !c.pipe.isEmpty()) {
                continue;
            }
            if (c.closing) {
                if (now - c.lastActivityNanos > settings.readTimeout().toNanos()) {
                    close(c);
                }
            } else if (c.codec.oneRequestPerConnection() ? now - c.acceptedNanos > settings.readTimeout().toNanos()
                    : c.frameStartedNanos != 0 && now - c.frameStartedNanos > settings.readTimeout().toNanos()) {
                c.requestTaken = true;
                byte[] timedOut = c.codec.timedOut();
                counters.refused(describe(c), "timed out", timedOut);
                c.enqueue(timedOut);
                c.closing = true;
                settle(c);
            } else if (c.frameStartedNanos == 0 && now - c.lastActivityNanos > settings.idleTimeout().toNanos()) {
                close(c);
            } else if (!c.requestSeen && c.frameStartedNanos == 0 && now - c.acceptedNanos > settings.firstRequestTimeout().toNanos()) {
                close(c);
            }
        }
    }

    private void close(Connection<Q, R> c) {
        if (!c.open) {
            return;
        }
        c.open = false;
        c.pipe.cut();
        connections.remove(c);
        eviction.closed(c);
        counters.connectionClosed();
        try {
            c.key.cancel();
            c.io.closeOutbound();
            c.discardUnreadInput();
            c.channel.close();
        } catch (IOException e) {
            LOG.fine(() -> settings.name() + ": closing " + describe(c) + ": " + e);
        }
        if (!stopping && serverKey.isValid() && connections.size() < settings.maxConnections()) {
            serverKey.interestOps(SelectionKey.OP_ACCEPT);
        }
    }

    /** Closes with a reset (RST), so that the client sees an error instead of a reply that merely ends early. */
    private void reset(Connection<Q, R> c) {
        c.io = ConnectionChannel.plain(c.channel); // no TLS close_notify either: it would tell the client the reply was whole
        try {
            c.channel.setOption(StandardSocketOptions.SO_LINGER, 0);
        } catch (IOException | RuntimeException e) {
            LOG.fine(() -> settings.name() + ": cannot reset " + describe(c) + ": " + e);
        }
        close(c);
    }

    private void closeEverything() {
        new ArrayList<>(connections).forEach(this::close);
        try {
            server.close();
            selector.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, settings.name() + ": closing the listener", e);
        }
        LOG.info(() -> "Portico " + settings.name() + " listener on " + settings.address().getHostString() + " stopped");
    }

    private static String clientAddress(SocketChannel channel) throws IOException {
        return channel.getRemoteAddress() instanceof InetSocketAddress remote && remote.getAddress() != null
                ? remote.getAddress().getHostAddress() : null;
    }

    private static String describe(Connection<?, ?> c) {
        try {
            return String.valueOf(c.channel.getRemoteAddress());
        } catch (IOException | RuntimeException e) {
            return "a closed connection";
        }
    }
}
