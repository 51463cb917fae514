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

    /** The row as read by a query that began after this call; a failed query's exception is thrown to each of its reads. */
    Read read(long tableId, long row) {
        Pending mine = new Pending(new Wanted(tableId, row));
        queue.await(mine, () -> answer(take()));
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.read;
    }

    /** How many reads wait to be taken into a query. */
    int waiting() {
        return queue.waiting();
    }

    private List<Pending> take() {
        List<Pending> group = new ArrayList<>();
        for (Pending p = queue.poll(); p != null; p = group.size() < MOST ? queue.poll() : null) {
            group.add(p);
        }
        return group;
    }

    private void answer(List<Pending> group) {
        List<Wanted> wanted = new ArrayList<>(group.size());
        group.forEach(p -> wanted.add(p.wanted));
        Error fatal = null;
        try {
            Batch batch = reader.read(wanted);
            for (Pending p : group) {
                p.read = new Read(batch.version(), batch.cells().get(p.wanted));
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

    /** One queued read; answered by the lock's holder, which then wakes its caller. */
    private static final class Pending extends Gathering.Waiter {
        final Wanted wanted;
        Read read;
        RuntimeException failure;

        Pending(Wanted wanted) {
            this.wanted = wanted;
        }
    }
}
