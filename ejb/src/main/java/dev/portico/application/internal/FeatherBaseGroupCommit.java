package dev.portico.application.internal;

import dev.portico.application.DatabaseAvailability;
import dev.portico.domain.featherbase.FbRowStore.Append;
import dev.portico.domain.featherbase.FbRowStore.Appended;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Group commit of concurrent addrows. Each addrow queues itself and takes the commit lock; whoever holds
 * it writes every addrow queued so far in one transaction and, once that committed, gives each its
 * outcome; an addrow written meanwhile by another holder returns as soon as it gets the lock. Rows of
 * concurrent connections thus share one table lock, one row-count update and one COMMIT, and each reply
 * still waits for the commit of its own row. Should a group fail, each of its addrows is written again
 * alone, so that one addrow's failure is never another's; unless the database is unreachable: then
 * every addrow of the group gets that failure at once (its listener answers FAILURE).
 */
@ApplicationScoped
public class FeatherBaseGroupCommit {

    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock commit = new ReentrantLock();
    private Function<List<Append>, List<Appended>> writer;
    private DatabaseAvailability database;

    @Inject
    void writeWith(FeatherBaseRowWriter rowWriter, DatabaseAvailability availability) {
        this.writer = rowWriter::appendAll;
        this.database = availability;
    }

    FeatherBaseGroupCommit writeWith(Function<List<Append>, List<Appended>> groupWriter, DatabaseAvailability availability) {
        this.writer = groupWriter;
        this.database = availability;
        return this;
    }

    /** Appends the row; returns once it is committed (or refused, or failed: then the failure is thrown). */
    public Appended append(Append append) {
        Pending mine = new Pending(append);
        queue.add(mine);
        commit.lock();
        try {
            if (!mine.settled()) {
                List<Pending> group = new ArrayList<>();
                for (Pending p = queue.poll(); p != null; p = queue.poll()) {
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

    private void write(List<Pending> group) {
        try {
            List<Appended> outcomes = writer.apply(group.stream().map(p -> p.append).toList());
            for (int i = 0; i < group.size(); i++) {
                group.get(i).outcome = outcomes.get(i);
            }
        } catch (RuntimeException e) {
            if (group.size() == 1 || database.outage(e)) {
                group.forEach(p -> p.failure = e);
                return;
            }
            for (Pending p : group) {
                write(List.of(p));
            }
        }
    }

    /** One queued addrow; settled by the lock holder that wrote it, read by its caller under the same lock. */
    private static final class Pending {
        final Append append;
        Appended outcome;
        RuntimeException failure;

        Pending(Append append) {
            this.append = append;
        }

        boolean settled() {
            return outcome != null || failure != null;
        }
    }
}
