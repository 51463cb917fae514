package dev.portico.jca.transport;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One listener's worker threads: at most {@code max} long-running tasks of the container's executor
 * (each a JCA {@code Work}), each answering one request after another. A request goes straight to an
 * idle worker when one waits, else starts a worker while fewer than {@code max} run, else waits in line
 * for the next worker done with its request. A worker idle for the keep-alive time ends and gives its
 * thread back. Scheduling a {@code Work} per request cost the work manager's queue, thread-context capture
 * and a thread wake-up each time (12-15% of Liberty's CPU on a FeatherBase read, issue 9); handing a
 * request to a waiting worker costs one unpark.
 */
final class WorkerPool implements Executor {

    private static final Logger LOG = Logger.getLogger(WorkerPool.class.getName());
    /** Wakes a waiting worker to end it. */
    private static final Runnable STOP = () -> { };

    private final Executor threads;
    private final int max;
    private final long keepAliveNanos;
    private final LinkedTransferQueue<Runnable> tasks = new LinkedTransferQueue<>();
    /** Workers started and not yet ended; guarded by this. */
    private int workers;
    /** Written under this; read without it too. */
    private volatile boolean shutdown;

    /** @param threads where each worker runs (the work manager); {@code max} workers at most, each ended after {@code keepAlive} idle */
    WorkerPool(Executor threads, int max, Duration keepAlive) {
        if (max < 1) {
            throw new IllegalArgumentException("a pool needs at least one worker, got " + max);
        }
        this.threads = threads;
        this.max = max;
        this.keepAliveNanos = keepAlive.toNanos();
    }

    /**
     * Runs {@code task} on a worker. Throws {@link RejectedExecutionException} once the pool is shut down,
     * or what the executor throws when it cannot start a needed worker (nothing is then queued).
     */
    @Override
    public void execute(Runnable task) {
        if (shutdown) {
            throw new RejectedExecutionException("the listener's workers are stopped");
        }
        if (tasks.tryTransfer(task)) {
            return;
        }
        synchronized (this) {
            if (shutdown) {
                throw new RejectedExecutionException("the listener's workers are stopped");
            }
            if (workers >= max) {
                tasks.add(task);
                return;
            }
            workers++;
        }
        try {
            threads.execute(() -> work(task));
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                workers--;
            }
            throw e;
        }
    }

    /** Ends idle workers at once and busy ones when their request is answered; tasks still in line are dropped. */
    void shutdown() {
        int running;
        synchronized (this) {
            shutdown = true;
            tasks.clear();
            running = workers;
        }
        for (int i = 0; i < running; i++) {
            tasks.add(STOP);
        }
    }

    /** Workers running now (idle or busy). */
    synchronized int workers() {
        return workers;
    }

    /** Whether a worker waits for a request now. */
    boolean hasIdleWorker() {
        return tasks.hasWaitingConsumer();
    }

    private void work(Runnable first) {
        boolean countedOut = false;
        try {
            Runnable task = first;
            while (task != null) {
                run(task);
                task = next();
            }
            countedOut = true; // by next(), which returned null
        } finally {
            if (!countedOut) { // an Error outside any task: the slot is given back all the same
                synchronized (this) {
                    workers--;
                }
            }
        }
    }

    /**
     * The next request to answer, or null when this worker ends (and has been counted out). A worker
     * interrupted while it waits (the container wants its thread back) ends too, but never leaves a request
     * queued meanwhile behind: it takes that one first.
     */
    private Runnable next() {
        Runnable task;
        boolean interrupted = false;
        try {
            task = tasks.poll(keepAliveNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            task = null;
            interrupted = true;
        }
        if (task != null && task != STOP) {
            return task;
        }
        synchronized (this) {
            Runnable late = shutdown || task == STOP ? null : tasks.poll(); // queued while the poll timed out
            if (late != null && late != STOP) {
                return late; // answered first; the interrupt (cleared by the poll) is not kept for it
            }
            workers--;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    /** Runs one request's task; its failure and its interrupt, if it left one, end with it and do not reach the next request. */
    private void run(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            // A request's task answers its own failures; anything that still escapes must not end the worker silently.
            LOG.log(Level.SEVERE, "a listener task failed", e);
        } finally {
            Thread.interrupted();
        }
    }
}
