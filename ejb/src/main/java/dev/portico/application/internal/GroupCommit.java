package dev.portico.application.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Group commit of concurrent writes (addrows, customer adds): each write
 * queues itself and takes the commit lock; whoever holds it writes every write queued so far in one
 * call of {@code writer} (one transaction, committed when it returns) and only then gives each its
 * outcome; a write done meanwhile by another holder returns as soon as it gets the lock. A failed
 * group is written again one write at a time, so that one write's failure is never another's, unless
 * the failure is an outage: then every write of the group gets it at once.
 *
 * @param <I> one write
 * @param <O> its outcome
 */
final class GroupCommit<I, O> {

    private final Queue<Pending<I, O>> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock commit = new ReentrantLock();
    private final Function<List<I>, List<O>> writer;
    private final Predicate<RuntimeException> outage;

    /** {@code writer} returns one outcome per write, in order, once they are committed. */
    GroupCommit(Function<List<I>, List<O>> writer, Predicate<RuntimeException> outage) {
        this.writer = writer;
        this.outage = outage;
    }

    /** The write's outcome, once it is committed; or its failure, thrown. */
    O write(I item) {
        Pending<I, O> mine = new Pending<>(item);
        queue.add(mine);
        commit.lock();
        try {
            if (!mine.settled()) {
                List<Pending<I, O>> group = new ArrayList<>();
                for (Pending<I, O> p = queue.poll(); p != null; p = queue.poll()) {
                    group.add(p);
                }
                write(group);
            }
        } finally {
            commit.unlock();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.outcome;
    }

    private void write(List<Pending<I, O>> group) {
        try {
            List<O> outcomes = writer.apply(group.stream().map(p -> p.item).toList());
            for (int i = 0; i < group.size(); i++) {
                group.get(i).outcome = outcomes.get(i);
            }
        } catch (RuntimeException e) {
            if (group.size() == 1 || outage.test(e)) {
                group.forEach(p -> p.failure = e);
                return;
            }
            for (Pending<I, O> p : group) {
                write(List.of(p));
            }
        }
    }

    /** One queued write; settled by the lock holder that wrote it, read by its caller under the same lock. */
    private static final class Pending<I, O> {
        final I item;
        O outcome;
        RuntimeException failure;

        Pending(I item) {
            this.item = item;
        }

        boolean settled() {
            return outcome != null || failure != null;
        }
    }
}
