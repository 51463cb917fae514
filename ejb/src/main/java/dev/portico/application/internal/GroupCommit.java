package dev.portico.application.internal;

import dev.portico.application.DatabaseAvailability;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Group commit of concurrent writes of one kind. Each write queues itself and takes the commit lock;
 * whoever holds it writes the writes queued so far (in their order, up to a group's weight) in one
 * transaction and, once that committed, gives each its outcome; a write done meanwhile by another
 * holder returns as soon as it gets the lock. Concurrent writes thus share one COMMIT, and each caller
 * still returns only after the commit of its own write. Should a group fail, each of its writes is
 * written again alone, so that one write's failure is never another's; unless the database is
 * unreachable: then every write of the group gets that failure at once.
 *
 * @param <W> one write
 * @param <R> its outcome
 */
final class GroupCommit<W, R> {

    private final Queue<Pending<W, R>> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock commit = new ReentrantLock();
    private final int maxGroupWeight;
    private final ToIntFunction<W> weight;

    /** Groups as large as the queue (every write weighs 1, no limit). */
    GroupCommit() {
        this(Integer.MAX_VALUE, w -> 1);
    }

    /** Groups that weigh at most {@code maxGroupWeight}, unless a single write weighs more: it is then a group alone. */
    GroupCommit(int maxGroupWeight, ToIntFunction<W> weight) {
        this.maxGroupWeight = maxGroupWeight;
        this.weight = weight;
    }

    /**
     * Writes {@code write} with whatever else is queued, through {@code groupWriter} (one transaction,
     * committed when it returns; an outcome per write, in order). Returns once the write is committed;
     * if it failed, its failure is thrown.
     */
    R submit(W write, Function<List<W>, List<R>> groupWriter, DatabaseAvailability database) {
        Pending<W, R> mine = new Pending<>(write);
        queue.add(mine);
        commit.lock();
        try {
            while (!mine.settled()) {
                write(nextGroup(), groupWriter, database);
            }
        } finally {
            commit.unlock();
        }
        if (mine.failure instanceof RuntimeException e) {
            throw e;
        } else if (mine.failure instanceof Error e) {
            throw e;
        }
        return mine.outcome;
    }

    /** The queued writes, oldest first, up to the group's weight (at least one). Only the lock holder polls. */
    private List<Pending<W, R>> nextGroup() {
        List<Pending<W, R>> group = new ArrayList<>();
        long groupWeight = 0;
        for (Pending<W, R> p = queue.peek(); p != null; p = queue.peek()) {
            groupWeight += weight.applyAsInt(p.write);
            if (!group.isEmpty() && groupWeight > maxGroupWeight) {
                break;
            }
            group.add(queue.poll());
        }
        return group;
    }

    private void write(List<Pending<W, R>> group, Function<List<W>, List<R>> groupWriter, DatabaseAvailability database) {
        try {
            List<R> outcomes = groupWriter.apply(group.stream().map(p -> p.write).toList());
            for (int i = 0; i < group.size(); i++) {
                group.get(i).settle(outcomes.get(i), null);
            }
        } catch (RuntimeException e) {
            if (group.size() == 1 || database.outage(e)) {
                group.forEach(p -> p.settle(null, e));
                return;
            }
            for (Pending<W, R> p : group) {
                write(List.of(p), groupWriter, database);
            }
        } catch (Error e) {
            group.forEach(p -> p.settle(null, e));
        }
    }

    /** One queued write; settled by the lock holder that wrote it, read by its caller under the same lock. */
    private static final class Pending<W, R> {
        final W write;
        R outcome;
        /** A RuntimeException or an Error. */
        Throwable failure;
        boolean settled;

        Pending(W write) {
            this.write = write;
        }

        void settle(R outcome, Throwable failure) {
            this.outcome = outcome;
            this.failure = failure;
            this.settled = true;
        }

        boolean settled() {
            return settled;
        }
    }
}
