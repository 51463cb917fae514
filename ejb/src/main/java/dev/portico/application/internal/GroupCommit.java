package dev.portico.application.internal;

import dev.portico.application.gather.Gathering;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Group commit of concurrent writes of one kind (addrows, customer adds, rental intakes): each write
 * queues itself; whoever gets the commit lock writes the writes queued so far (oldest first, up to a
 * group's weight) in one call of {@code writer} (one transaction, committed when it returns) and only
 * then gives each its outcome and wakes its caller; the others wait for their own outcome, not for the
 * lock (so the callers of a group all return at once, not one after another as each got the lock), and
 * the holder, once its own write is done, wakes the oldest waiting write to take the lock next.
 * Concurrent writes thus share one COMMIT, and each caller still returns only after the commit of its
 * own write. A failed group is written again one write at a time, so that one
 * write's failure is never another's, unless the failure is an outage: then every write of the group
 * gets it at once. An Error fails every write of its group.
 *
 * @param <I> one write
 * @param <O> its outcome
 */
final class GroupCommit<I, O> {

    /**
     * A waiting write looks again this often, should a wake-up have gone to a write taken meanwhile (a safety
     * net: the holder wakes each write it settles and the next leader; a group's transaction may take long).
     */
    private final Gathering<Pending<I, O>> queue = new Gathering<>(Duration.ofMillis(10));
    private final Function<List<I>, List<O>> writer;
    private final Predicate<RuntimeException> outage;
    private final int maxGroupWeight;
    private final ToIntFunction<I> weight;

    /** {@code writer} returns one outcome per write, in order, once they are committed; groups as large as the queue. */
    GroupCommit(Function<List<I>, List<O>> writer, Predicate<RuntimeException> outage) {
        this(writer, outage, Integer.MAX_VALUE, item -> 1);
    }

    /** Groups that weigh at most {@code maxGroupWeight}, unless a single write weighs more: it is then a group alone. */
    GroupCommit(Function<List<I>, List<O>> writer, Predicate<RuntimeException> outage, int maxGroupWeight, ToIntFunction<I> weight) {
        this.writer = writer;
        this.outage = outage;
        this.maxGroupWeight = maxGroupWeight;
        this.weight = weight;
    }

    /** The write's outcome, once it is committed; or its failure, thrown. */
    O write(I item) {
        Pending<I, O> mine = new Pending<>(item);
        queue.await(mine, () -> write(nextGroup()));
        if (mine.failure instanceof RuntimeException e) {
            throw e;
        } else if (mine.failure instanceof Error e) {
            throw e;
        }
        return mine.outcome;
    }

    /** The queued writes, oldest first, up to the group's weight (at least one). Only the lock holder polls. */
    private List<Pending<I, O>> nextGroup() {
        List<Pending<I, O>> group = new ArrayList<>();
        long groupWeight = 0;
        for (Pending<I, O> p = queue.peek(); p != null; p = queue.peek()) {
            groupWeight += weight.applyAsInt(p.item);
            if (!group.isEmpty() && groupWeight > maxGroupWeight) {
                break;
            }
            group.add(queue.poll());
        }
        return group;
    }

    private void write(List<Pending<I, O>> group) {
        try {
            List<O> outcomes = writer.apply(group.stream().map(p -> p.item).toList());
            for (int i = 0; i < group.size(); i++) {
                group.get(i).settle(outcomes.get(i), null);
            }
        } catch (RuntimeException e) {
            if (group.size() == 1 || outage.test(e)) {
                group.forEach(p -> p.settle(null, e));
                return;
            }
            for (Pending<I, O> p : group) {
                write(List.of(p));
            }
        } catch (Error e) {
            group.forEach(p -> p.settle(null, e));
        }
    }

    /** One queued write; settled by the lock holder that wrote it, which then wakes its caller. */
    private static final class Pending<I, O> extends Gathering.Waiter {
        final I item;
        O outcome;
        /** A RuntimeException or an Error. */
        Throwable failure;

        Pending(I item) {
            this.item = item;
        }

        void settle(O outcome, Throwable failure) {
            this.outcome = outcome;
            this.failure = failure;
            done();
        }
    }
}
