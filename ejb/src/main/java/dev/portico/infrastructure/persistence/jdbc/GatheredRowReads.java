package dev.portico.infrastructure.persistence.jdbc;

import dev.portico.application.gather.Gathering;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Row reads of concurrent getrows and getcells gathered into one query, as group commit gathers writes:
 * each read queues itself; whoever gets the reading lock reads everything queued (at most {@link #MOST}
 * per query) and hands each read its cells; the others wait for their own answer, not for the lock. At
 * one connection every read is its own query, as before; under load a query answers many reads, so the
 * database parses and plans one statement, and the pool lends one connection, for all of them. Each answer
 * comes from a query that began after the read was asked, so it sees every write acknowledged before.
 */
final class GatheredRowReads {

    /** The most reads one query answers. */
    static final int MOST = 64;

    /** A row by table id and row number. */
    record Wanted(long tableId, long row) { }

    /** What one query read: the catalog version and the cells of each wanted row that exists. */
    record Batch(long version, Map<Wanted, String> cells) { }

    /** Reads the rows in one statement (the list may repeat a row). */
    @FunctionalInterface
    interface BatchReader {
        Batch read(List<Wanted> wanted) throws Exception;
    }

    /** One read's answer: the catalog version its query saw and the row's cells ({@code null}: no such row). */
    record Read(long version, String cells) { }

    private final BatchReader reader;
    /** A waiting read looks again each millisecond, should a wake-up have gone to a read taken meanwhile. */
    private final Gathering<Pending> queue = new Gathering<>(Duration.ofMillis(1));

    GatheredRowReads(BatchReader reader) {
        this.reader = reader;
    }

    /**
     * Rows (at most {@link #MOST}; one read, or one caller's gathered reads) as read by one query that began
     * after this call, together with whatever other callers queued meanwhile; a failed query's exception is
     * thrown to each caller it answered.
     */
    List<Read> readAll(List<Wanted> wanted) {
        if (wanted.isEmpty() || wanted.size() > MOST) {
            throw new IllegalArgumentException(wanted.size() + " reads at once; 1 to " + MOST + " are taken");
        }
        Pending mine = new Pending(wanted);
        queue.await(mine, () -> answer(take()));
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.reads;
    }

    /** How many callers (each with one or more reads) wait to be taken into a query. */
    int waiting() {
        return queue.waiting();
    }

    /** Queued callers, oldest first, while their reads together fit in one query. */
    private List<Pending> take() {
        List<Pending> group = new ArrayList<>();
        int reads = 0;
        for (Pending next = queue.peek(); next != null && reads + next.wanted.size() <= MOST; next = queue.peek()) {
            group.add(queue.poll());
            reads += next.wanted.size();
        }
        return group;
    }

    private void answer(List<Pending> group) {
        List<Wanted> wanted = new ArrayList<>(group.size());
        group.forEach(p -> wanted.addAll(p.wanted));
        Error fatal = null;
        try {
            Batch batch = reader.read(wanted);
            for (Pending p : group) {
                p.reads = p.wanted.stream().map(w -> new Read(batch.version(), batch.cells().get(w))).toList();
            }
        } catch (Exception e) {
            RuntimeException failure = e instanceof RuntimeException r ? r : new IllegalStateException("row read failed: " + e.getMessage(), e);
            group.forEach(p -> p.failure = failure);
        } catch (Error e) {
            fatal = e; // every read of the group still gets its answer (this failure) before it is rethrown
            IllegalStateException failure = new IllegalStateException("row read failed: " + e, e);
            group.forEach(p -> p.failure = failure);
        }
        group.forEach(Pending::done);
        if (fatal != null) {
            throw fatal;
        }
    }

    /** One caller's queued reads; answered by the lock's holder, which then wakes its caller. */
    private static final class Pending extends Gathering.Waiter {
        final List<Wanted> wanted;
        List<Read> reads;
        RuntimeException failure;

        Pending(List<Wanted> wanted) {
            this.wanted = wanted;
        }
    }
}
