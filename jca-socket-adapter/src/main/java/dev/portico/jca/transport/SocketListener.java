package dev.portico.jca.transport;

import dev.portico.jca.api.ListenerStatistics;
import dev.portico.jca.codec.ConnectionCodec;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A non-blocking TCP listener: one selector loop accepts, reads, frames and writes for every
 * connection; decoded requests go to the {@link RequestHandler} on worker threads ({@link WorkerPool}), at most
 * {@code maxConcurrentRequests} at once and one at a time per connection, so replies leave in
 * request order. While a connection's request is being answered, its socket is not read (beyond what a
 * TLS handshake needs): a fast client is held back by TCP, not by a growing queue. A full listener closes an idle
 * connection ({@link ConnectionEviction}) to serve a new client rather than leave it in the backlog,
 * and a persistent connection must send its first request within {@code firstRequestTimeout}.
 * A reply may be streamed while it is
 * produced ({@link ReplyPipe}): at most {@value #STREAM_BOUND} bytes of it wait per connection, the
 * producing worker waits for a slow client, and a client that takes nothing for the write timeout is
 * cut off. This class is the selector loop; {@link ClientAccepting} accepts clients,
 * {@link ConnectionReading} reads, frames and times out connections, {@link RequestDispatch} hands
 * requests to the application (those the handler gathers, several at once) and takes their replies back,
 * {@link ConnectionWriting} writes and closes.
 */
public final class SocketListener<Q, R> {

    private static final Logger LOG = Logger.getLogger(SocketListener.class.getName());
    private static final long TICK_MILLIS = 100;
    /** A loop that fails this many ticks in a row is broken for good: it stops, and releases its port (not for a full heap). */
    private static final int MAX_FAILED_TICKS = 50;
    /** How long the loop waits after a tick that found the heap full. */
    private static final long OUT_OF_MEMORY_PAUSE_MILLIS = 100;
    /** Clients the kernel queues before the loop accepts them (capped by net.core.somaxconn): bursts of connects do not wait for SYN retries. */
    private static final int ACCEPT_BACKLOG = 4096;
    /** Streamed reply bytes that may wait for one client before the worker producing them waits. */
    static final int STREAM_BOUND = 128 * 1024;
    /** Threads for TLS handshake tasks per listener serving TLS, at most (one per core of the machine this was measured on). */
    static final int HANDSHAKE_WORKERS = 2;
    /** A worker thread idle this long is given back to the container. */
    private static final Duration WORKER_KEEP_ALIVE = Duration.ofSeconds(60);

    final ListenerSettings settings;
    final ListenerCounters counters = new ListenerCounters();
    final ConnectionReading<Q, R> reading;
    final RequestDispatch<Q, R> dispatch;
    private final Executor executor;
    /** The threads that answer requests: at most maxConcurrentRequests, kept between requests. */
    private final WorkerPool workers;
    /**
     * Threads of their own for TLS handshake tasks (the key exchange and signature: milliseconds of CPU each), off the
     * selector thread and apart from the request workers: a new client's handshake never waits while every worker
     * answers a slow request, nor a request for handshakes. Null without TLS.
     */
    private final WorkerPool handshakeWorkers;
    /** Where TLS handshake tasks run: {@link #handshakeWorkers}, or what a test gave. */
    final Executor handshakeTasks;
    /** Null: plain TCP, as legacy clients speak it. */
    final TlsSettings tls;
    /** What the connections' input buffers may hold beyond their small size, together. */
    final InputBudget inputBudget;
    /** Connections not read until room in {@link #inputBudget} is given back. */
    final Deque<Connection<Q, R>> waitingForRoom = new ArrayDeque<>();
    /** Connections whose TLS layer holds input the selector cannot see (TlsChannel); read again this tick. */
    final Deque<Connection<Q, R>> rereads = new ArrayDeque<>();

    private final Selector selector;
    private final ServerSocketChannel server;
    private final SelectionKey serverKey;
    /** Open connections in the order they were accepted. */
    final Set<Connection<Q, R>> connections = new LinkedHashSet<>();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile long stopDeadlineNanos;
    private long lastExpiryNanos;
    private volatile boolean started;
    private volatile Instant since;
    final ConnectionEviction eviction = new ConnectionEviction();
    final ClientAccepting<Q, R> accepting;
    final ConnectionWriting<Q, R> writing;

    /** Binds the port at once (so a failure to bind is the caller's exception); {@link #start()} begins serving. */
    public SocketListener(ListenerSettings settings, Supplier<ConnectionCodec<Q, R>> codecs, RequestHandler<Q, R> handler,
                          Executor executor) throws IOException {
        this(settings, codecs, handler, executor, null);
    }

    /** As above, serving TLS when {@code tls} is not null. */
    public SocketListener(ListenerSettings settings, Supplier<ConnectionCodec<Q, R>> codecs, RequestHandler<Q, R> handler,
                          Executor executor, TlsSettings tls) throws IOException {
        this(settings, codecs, handler, executor, tls, null);
    }

    /** As above, running TLS handshake tasks on {@code handshakeTasks} (tests), or on threads of their own when null. */
    SocketListener(ListenerSettings settings, Supplier<ConnectionCodec<Q, R>> codecs, RequestHandler<Q, R> handler,
                   Executor executor, TlsSettings tls, Executor handshakeTasks) throws IOException {
        this.tls = tls;
        this.settings = settings;
        this.executor = executor;
        this.inputBudget = new InputBudget(settings.maxBufferedBytes());
        this.reading = new ConnectionReading<>(this);
        this.workers = new WorkerPool(executor, settings.maxConcurrentRequests(), WORKER_KEEP_ALIVE);
        this.handshakeWorkers = tls == null || handshakeTasks != null ? null : new WorkerPool(executor, HANDSHAKE_WORKERS, WORKER_KEEP_ALIVE);
        this.handshakeTasks = handshakeTasks != null ? handshakeTasks : handshakeWorkers;
        this.dispatch = new RequestDispatch<>(this, handler, new RequestAnswering<>(settings.name(), handler, counters, SocketListener::describe),
                workers);
        this.selector = Selector.open();
        this.server = ServerSocketChannel.open();
        try {
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(settings.address(), ACCEPT_BACKLOG);
            server.configureBlocking(false);
            serverKey = server.register(selector, SelectionKey.OP_ACCEPT);
            accepting = new ClientAccepting<>(this, server, serverKey, selector, codecs);
            writing = new ConnectionWriting<>(this, accepting);
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
                + (tls == null ? "" : " (" + tls + ")")
                + (settings.trustedProxies().any() ? " (PROXY protocol headers from " + settings.trustedProxies() + ")" : ""));
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
                counters.lastProblem(), counters.traffic.snapshot());
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
            int brokenTicksInARow = 0; // failed for another reason than a full heap
            while (true) {
                try {
                    if (rereads.isEmpty() && !dispatch.completionsWaiting()) {
                        selector.select(TICK_MILLIS);
                    } else {
                        selector.selectNow();
                    }
                    if (stopping && !serverClosed) {
                        serverKey.cancel();
                        server.close();
                        serverClosed = true;
                        new ArrayList<>(connections).stream().filter(c -> !c.busy && c.pending == null).forEach(c -> {
                            c.closing = true;
                            writing.settle(c);
                        });
                    }
                    dispatch.drainCompletions();
                    dispatch.drainToSettle();
                    reading.rereadTlsInput();
                    Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                    while (keys.hasNext()) {
                        SelectionKey key = keys.next();
                        keys.remove();
                        if (key.isValid()) {
                            serve(key);
                        }
                    }
                    dispatch.dispatchWaiting();
                    dispatch.deliverGathered();
                    reading.wakeWaitingForRoom();
                    if (System.nanoTime() - lastExpiryNanos >= TICK_MILLIS * 1_000_000) {
                        expireTimeouts();
                    }
                    failedTicksInARow = 0;
                    brokenTicksInARow = 0;
                } catch (RuntimeException | Error e) {
                    failedTicksInARow++;
                    if (!(e instanceof OutOfMemoryError) && ++brokenTicksInARow >= MAX_FAILED_TICKS) {
                        throw e;
                    }
                    failedStep(e, failedTicksInARow);
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
     * After a step of the loop failed: logged (the first of a run of failures, then every hundredth); when the heap ran
     * out, the loop pauses a moment, for the collector and the threads holding memory, and never gives up for it: the
     * listener serves again once memory comes back (a burst of work elsewhere in the server filled the heap). Whatever
     * fails here under that pressure is swallowed, so that it cannot end the loop itself.
     */
    private void failedStep(Throwable e, int failedTicksInARow) {
        try {
            if (failedTicksInARow == 1 || failedTicksInARow % 100 == 0) {
                LOG.log(Level.SEVERE, "Portico " + settings.name() + " listener: a step of its loop failed (" + failedTicksInARow
                        + " in a row); it goes on serving", e);
            }
            if (e instanceof OutOfMemoryError) {
                Thread.sleep(OUT_OF_MEMORY_PAUSE_MILLIS);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error again) {
            // still no memory to log with: the next tick tries again
        }
    }

    /**
     * Accepts on the server key, or reads and writes one connection. Whatever the work for one
     * connection throws (an {@code OutOfMemoryError} while decoding, a codec bug) ends only that
     * connection, which is answered the protocol's generic error where possible; the listener goes on.
     */
    private void serve(SelectionKey key) {
        if (key == serverKey) {
            accepting.accept();
            return;
        }
        @SuppressWarnings("unchecked")
        Connection<Q, R> c = (Connection<Q, R>) key.attachment();
        guarded(c, () -> {
            if (key.isWritable()) {
                writing.settle(c);
            }
            if (c.open && key.isValid() && key.isReadable()) {
                reading.read(c);
            }
        });
    }

    /**
     * Whether {@code c} is one request on a plain socket (customer directory, rental intake without TLS): its client
     * speaks first, so it is read as soon as it is accepted, and the worker answering it may finish it.
     */
    boolean plainOneRequest(Connection<Q, R> c) {
        return tls == null && c.session.oneRequestPerConnection();
    }

    /** Reads a connection just accepted (see {@link ClientAccepting#accept}), guarded as {@link #serve} guards any. */
    void readNow(Connection<Q, R> c) {
        guarded(c, () -> reading.read(c));
    }

    private void guarded(Connection<Q, R> c, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            LOG.log(Level.SEVERE, settings.name() + ": serving " + describe(c) + " failed; closing that connection", e);
            counters.failed(describe(c), "connection", e);
            writing.abandon(c);
        }
    }

    private void expireTimeouts() {
        long now = System.nanoTime();
        lastExpiryNanos = now;
        if (!stopping) {
            accepting.tick(now);
        }
        reading.expireTimeouts(new ArrayList<>(connections), now);
    }

    private void closeEverything() {
        new ArrayList<>(connections).forEach(writing::close);
        workers.shutdown();
        if (handshakeWorkers != null) {
            handshakeWorkers.shutdown();
        }
        try {
            server.close();
            selector.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, settings.name() + ": closing the listener", e);
        }
        LOG.info(() -> "Portico " + settings.name() + " listener on " + settings.address().getHostString() + " stopped");
    }

    /** Wakes the selector thread (from a worker thread with an outcome or streamed bytes). */
    void wakeup() {
        selector.wakeup();
    }

    boolean stopping() {
        return stopping;
    }

    static String describe(Connection<?, ?> c) {
        try {
            String peer = String.valueOf(c.channel.getRemoteAddress());
            return c.proxied ? c.clientAddress + " via " + peer : peer;
        } catch (IOException | RuntimeException e) {
            return "a closed connection";
        }
    }
}
