package dev.portico.application.gather;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Concurrent callers' items gathered so that one caller serves them all: each caller queues its item;
 * whoever gets the lock takes queued items ({@link #poll}, oldest first) and serves them until its own is
 * {@link Waiter#done done}; the others wait for their own item, not for the lock, and return as soon as
 * it is done. The holder, once its own item is done, wakes the oldest waiting one to take the lock next.
 * A caller's interrupt does not end its wait (the item is being served); it is kept for the caller.
 *
 * @param <W> one caller's item, carrying its outcome
 */
public final class Gathering<W extends Gathering.Waiter> {

    /** One caller's queued item; whoever serves it sets its outcome and then calls {@link #done()}. */
    public abstract static class Waiter {

        private final Thread caller = Thread.currentThread();
        private volatile boolean done;

        /** The outcome is set (and visible to the caller from now on): wakes the caller. */
        public final void done() {
            done = true;
            LockSupport.unpark(caller);
        }
    }

    private final Queue<W> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock serving = new ReentrantLock();
    private final long wakeNanos;

    /** @param wake how often a waiting caller looks again, should a wake-up have gone to an item taken meanwhile (a safety net) */
    public Gathering(Duration wake) {
        this.wakeNanos = wake.toNanos();
    }

    /**
     * Queues {@code item} (made on the calling thread) and returns once it is done: served by another
     * caller, or by this one, which then runs {@code serve} with the lock held until it is.
     * {@code serve} must take at least one queued item and finish each it takes.
     */
    public void await(W item, Runnable serve) {
        queue.add(item);
        Waiter mine = item;
        boolean interrupted = false;
        while (!mine.done) {
            if (serving.tryLock()) {
                try {
                    while (!mine.done) {
                        serve.run(); // mine is not done, so still queued (only the lock's holder takes items): never empty
                    }
                } finally {
                    serving.unlock();
                }
                Waiter next = queue.peek();
                if (next != null) {
                    LockSupport.unpark(next.caller);
                }
            } else {
                LockSupport.parkNanos(this, wakeNanos);
                interrupted |= Thread.interrupted(); // else park returns at once: kept for the caller, not spun on
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The oldest queued item, left queued; for the lock's holder. */
    public W peek() {
        return queue.peek();
    }

    /** Takes the oldest queued item; for the lock's holder. */
    public W poll() {
        return queue.poll();
    }

    /** How many items wait to be taken. */
    public int waiting() {
        return queue.size();
    }
}
