package dev.portico.jca.transport;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Dispatch and completions of one listener: hands decoded requests to worker threads, at most
 * {@code maxConcurrentRequests} at once, gathered ones waiting for their call included (the rest wait,
 * unread), and takes their outcomes back on
 * the selector thread, where the session takes the reply and the connection goes on or closes.
 * Also takes note of connections that can go on (a streamed reply with bytes to write, TLS handshake tasks
 * ended). Requests the handler
 * {@linkplain RequestHandler#gathers gathers} wait until the end of the selector's round, or while
 * {@link #GATHERED_CALLS} gathered calls are being answered, then go together to one worker thread in
 * one call: one hand-off and one application call for many connections. Every method but
 * {@link #settleSoon} runs on the selector thread.
 */
final class RequestDispatch<Q, R> {

    /** Gathered calls answered at once at most; gathered requests arriving meanwhile wait for one to end. */
    static final int GATHERED_CALLS = 2;

    private static final Logger LOG = Logger.getLogger(SocketListener.class.getName());

    private final SocketListener<Q, R> listener;
    private final RequestAnswering<Q, R> answering;
    private final Executor executor;
    private final Deque<Connection<Q, R>> waiting = new ArrayDeque<>();
    private final Queue<Completion<Q, R>> completions = new ConcurrentLinkedQueue<>();
    /** Connections that can go on: a streamed reply has bytes to write where it had none, or TLS handshake tasks ended. */
    private final Queue<Connection<Q, R>> toSettle = new ConcurrentLinkedQueue<>();
    private final RequestHandler<Q, R> handler;
    /** Gathered requests of this round, and their connections, in the same order. */
    private List<Q> gathered = new ArrayList<>();
    private List<Connection<Q, R>> gatheredFrom = new ArrayList<>();
    /** Requests delivered and not yet answered; a worker that finishes its connection itself frees its slot at once. */
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Gathered calls being answered (by workers; read on the selector thread). */
    private final AtomicInteger gatheredCalls = new AtomicInteger();
    /**
     * Whether a connection its worker finished must still wake the selector: requests wait for a delivery slot, the
     * listener is full, or it stops, so the slot or the room it frees is wanted now. Written by the selector before
     * it waits ({@link #completionsWaiting}).
     */
    private volatile boolean wakeForFinished;

    RequestDispatch(SocketListener<Q, R> listener, RequestHandler<Q, R> handler, RequestAnswering<Q, R> answering, Executor executor) {
        this.listener = listener;
        this.handler = handler;
        this.answering = answering;
        this.executor = executor;
    }

    /** A decoded request: delivered now, or queued until a delivery slot is free. */
    void dispatch(Connection<Q, R> c, Q request) {
        if (inFlight.get() < listener.settings.maxConcurrentRequests()) {
            deliver(c, request);
        } else {
            c.pending = request;
            waiting.add(c);
        }
    }

    void dispatchWaiting() {
        while (inFlight.get() < listener.settings.maxConcurrentRequests() && !waiting.isEmpty()) {
            Connection<Q, R> c = waiting.poll();
            Q request = c.pending;
            c.pending = null;
            if (c.open && request != null) {
                deliver(c, request);
                listener.writing.settle(c);
            }
        }
    }

    private void deliver(Connection<Q, R> c, Q request) {
        boolean gathers = handler.gathers(request);
        c.busy = true;
        inFlight.incrementAndGet();
        if (gathers) {
            gathered.add(request);
            gatheredFrom.add(c);
            return;
        }
        deliverAlone(c, request);
    }

    /**
     * Ends the selector's round: the requests gathered so far go to one worker thread together, unless
     * {@link #GATHERED_CALLS} gathered calls are still being answered; then they wait (and more gather)
     * until one ends. At one connection nothing waits; under load each call answers many requests.
     */
    void deliverGathered() {
        if (gathered.isEmpty() || gatheredCalls.get() >= GATHERED_CALLS) {
            return;
        }
        List<Q> requests = gathered;
        List<Connection<Q, R>> from = gatheredFrom;
        gathered = new ArrayList<>();
        gatheredFrom = new ArrayList<>();
        execute(from, requests.get(0), requests.size() == 1 ? () -> List.of(answering.answer(from.get(0), requests.get(0)))
                : () -> answering.answerAll(from, requests), gatheredCalls);
    }

    private void deliverAlone(Connection<Q, R> c, Q request) {
        c.workerMayFinish = listener.plainOneRequest(c) && c.output.isEmpty();
        execute(List.of(c), request, () -> List.of(answering.answer(c, request)), null);
    }

    /**
     * Answers on a worker thread; the outcomes become completions (a reset each if answering threw),
     * and the selector is woken, unless the worker finished every connection itself
     * ({@link ConnectionWriting#finishOnWorker}): the selector then forgets them in its next round.
     * {@code calls}, when given, counts the call while it runs.
     */
    private void execute(List<Connection<Q, R>> from, Q first, Supplier<List<Completion<Q, R>>> answer, AtomicInteger calls) {
        if (calls != null) {
            calls.incrementAndGet();
        }
        try {
            executor.execute(() -> {
                List<Completion<Q, R>> done = null;
                try {
                    done = answer.get();
                } finally {
                    if (calls != null) {
                        calls.decrementAndGet();
                    }
                    boolean allFinished = done != null;
                    if (done != null) {
                        for (Completion<Q, R> outcome : done) {
                            listener.counters.answered();
                            Completion<Q, R> handed = listener.writing.finishOnWorker(outcome);
                            if (handed.finished()) {
                                inFlight.decrementAndGet();
                            } else {
                                allFinished = false;
                            }
                            completions.add(handed);
                        }
                    } else {
                        from.forEach(c -> {
                            listener.counters.answered();
                            completions.add(Completion.reset(c));
                        });
                    }
                    if (!allFinished || wakeForFinished) {
                        listener.wakeup();
                    }
                }
            });
        } catch (RuntimeException | Error e) {
            if (calls != null) {
                calls.decrementAndGet();
            }
            LOG.log(Level.WARNING, listener.settings.name() + ": no thread to answer " + SocketListener.describe(from.get(0))
                    + (from.size() > 1 ? " and " + (from.size() - 1) + " more" : ""), e);
            for (Connection<Q, R> c : from) {
                listener.counters.failed(SocketListener.describe(c), first.getClass().getSimpleName(), e);
                listener.counters.answered();
                completions.add(answering.serverError(c));
            }
        }
    }

    /**
     * Called on a worker thread: the connection can go on, and the selector settles it at once (its streamed reply
     * has bytes to write where it had none, or its TLS handshake tasks ended).
     */
    void settleSoon(Connection<Q, R> c) {
        toSettle.add(c);
        listener.wakeup();
    }

    /**
     * Called by the selector before it waits: whether completions wait already (it must not block then). Should a
     * worker finish its connection meanwhile without waking it, the selector either sees that here, or the worker sees
     * {@link #wakeForFinished} set, and wakes it.
     */
    boolean completionsWaiting() {
        wakeForFinished = !waiting.isEmpty() || listener.connections.size() >= listener.settings.maxConnections() || listener.stopping();
        return !completions.isEmpty();
    }

    void drainToSettle() {
        Connection<Q, R> c;
        while ((c = toSettle.poll()) != null) {
            listener.writing.settle(c);
        }
    }

    /** Takes the outcomes of answered requests: the session takes each reply, then the connection reads on or closes. */
    void drainCompletions() {
        Completion<Q, R> done;
        while ((done = completions.poll()) != null) {
            if (!done.finished()) {
                inFlight.decrementAndGet();
            }
            Connection<Q, R> c = done.connection();
            c.busy = false;
            c.heldBack = false;
            if (!c.open) {
                continue;
            }
            if (done.reset()) {
                listener.writing.reset(c);
                continue;
            }
            c.session.taken(done.reply());
            if (done.finished()) {
                listener.writing.close(c); // written and closed by its worker: the listener forgets it
                continue;
            }
            c.lastActivityNanos = System.nanoTime();
            if (c.input.position() > 0) {
                c.frameStartedNanos = c.lastActivityNanos;
            }
            c.enqueue(done.bytes(), done.from());
            if (c.session.oneRequestPerConnection() || c.session.closeAfterReply() || listener.stopping()) {
                c.closing = true;
            } else {
                listener.reading.decode(c);
            }
            listener.writing.settle(c);
        }
    }
}
