package dev.portico.infrastructure.persistence.jdbc;

import dev.portico.infrastructure.persistence.jdbc.GatheredRowReads.Batch;
import dev.portico.infrastructure.persistence.jdbc.GatheredRowReads.Read;
import dev.portico.infrastructure.persistence.jdbc.GatheredRowReads.Wanted;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reads asked while a query runs share the next query; each gets its own row, from a query that began
 * after it was asked; a failed query fails exactly the reads it was answering.
 */
class GatheredRowReadsTest {

    /** Row r of table t holds "t/r" when r is even; odd rows do not exist. */
    private static Batch evenRows(List<Wanted> wanted, long version) {
        Map<Wanted, String> cells = new HashMap<>();
        for (Wanted w : wanted) {
            if (w.row() % 2 == 0) {
                cells.put(w, w.tableId() + "/" + w.row());
            }
        }
        return new Batch(version, cells);
    }

    /** One caller's one read. */
    private static Read read(GatheredRowReads reads, long tableId, long row) {
        return reads.readAll(List.of(new Wanted(tableId, row))).get(0);
    }

    @Test
    void aReadAloneIsItsOwnQueryAndGetsItsRowOrNothing() {
        List<List<Wanted>> queries = new ArrayList<>();
        GatheredRowReads reads = new GatheredRowReads(wanted -> {
            queries.add(List.copyOf(wanted));
            return evenRows(wanted, 7);
        });
        assertEquals(new Read(7, "3/4"), read(reads, 3, 4));
        Read missing = read(reads, 3, 5);
        assertNull(missing.cells());
        assertEquals(List.of(List.of(new Wanted(3, 4)), List.of(new Wanted(3, 5))), queries);
    }

    @Test
    void readsAskedDuringAQueryShareTheNextOneAndEachGetsItsOwnRow() throws Exception {
        CountDownLatch firstQueryStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstQuery = new CountDownLatch(1);
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger queriesBegun = new AtomicInteger();
        GatheredRowReads reads = new GatheredRowReads(wanted -> {
            int query = queriesBegun.incrementAndGet();
            sizes.add(wanted.size());
            if (query == 1) {
                firstQueryStarted.countDown();
                assertTrue(releaseFirstQuery.await(10, TimeUnit.SECONDS));
            }
            return evenRows(wanted, query);
        });
        ExecutorService pool = Executors.newFixedThreadPool(9);
        try {
            Future<Read> first = pool.submit(() -> read(reads, 1, 0));
            assertTrue(firstQueryStarted.await(10, TimeUnit.SECONDS));
            List<Future<Read>> later = new ArrayList<>();
            for (int row = 1; row <= 8; row++) {
                long r = row;
                later.add(pool.submit(() -> read(reads, 2, r)));
            }
            while (reads.waiting() < 8) {
                Thread.sleep(1); // waiting for a condition: all eight reads queued behind the first query
            }
            assertEquals(1, queriesBegun.get(), "no read may start a query while one runs");
            releaseFirstQuery.countDown();
            assertEquals(new Read(1, "1/0"), first.get(10, TimeUnit.SECONDS));
            for (int row = 1; row <= 8; row++) {
                Read read = later.get(row - 1).get(10, TimeUnit.SECONDS);
                assertEquals(2, read.version(), "answered by the query that began after it was asked");
                assertEquals(row % 2 == 0 ? "2/" + row : null, read.cells());
            }
            assertEquals(List.of(1, 8), sizes);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedQueryFailsTheReadsItAnsweredAndTheNextQueryAnswersAgain() {
        IllegalStateException lost = new IllegalStateException("connection lost");
        AtomicInteger queries = new AtomicInteger();
        GatheredRowReads reads = new GatheredRowReads(wanted -> {
            if (queries.incrementAndGet() == 1) {
                throw lost;
            }
            return evenRows(wanted, 1);
        });
        assertSame(lost, assertThrows(IllegalStateException.class, () -> read(reads, 1, 2)));
        assertEquals(new Read(1, "1/2"), read(reads, 1, 2));
    }

    @Test
    void aCheckedFailureReachesTheReaderWithItsMessage() {
        GatheredRowReads reads = new GatheredRowReads(wanted -> {
            throw new SQLException("Deadlock found");
        });
        RuntimeException failure = assertThrows(RuntimeException.class, () -> read(reads, 1, 2));
        assertTrue(failure.getMessage().contains("Deadlock found"), failure.getMessage());
    }

    @Test
    void anErrorInTheQueryStillAnswersTheReadsItTookAndTheNextReadIsServed() throws Exception {
        CountDownLatch queryStarted = new CountDownLatch(1);
        CountDownLatch releaseQuery = new CountDownLatch(1);
        AtomicInteger queries = new AtomicInteger();
        GatheredRowReads reads = new GatheredRowReads(wanted -> {
            if (queries.incrementAndGet() == 2) {
                throw new StackOverflowError("deep");
            }
            if (queries.get() == 1) {
                queryStarted.countDown();
                assertTrue(releaseQuery.await(10, TimeUnit.SECONDS));
            }
            return evenRows(wanted, 1);
        });
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<Read> first = pool.submit(() -> read(reads, 1, 0));
            assertTrue(queryStarted.await(10, TimeUnit.SECONDS));
            Future<Read> second = pool.submit(() -> read(reads, 1, 2));
            Future<Read> third = pool.submit(() -> read(reads, 1, 4));
            while (reads.waiting() < 2) {
                Thread.sleep(1); // waiting for a condition: both reads queued behind the first query
            }
            releaseQuery.countDown();
            assertEquals("1/0", first.get(10, TimeUnit.SECONDS).cells());
            for (Future<Read> failed : List.of(second, third)) {
                ExecutionException e = assertThrows(ExecutionException.class,
                        () -> failed.get(10, TimeUnit.SECONDS), "answered, not left waiting");
                assertTrue(e.getCause() instanceof StackOverflowError || e.getCause() instanceof IllegalStateException, e.toString());
            }
            assertEquals("1/6", read(reads, 1, 6).cells());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void callersWithSeveralReadsShareTheNextQueryWhileTheirReadsFitAndEachGetsItsOwnRowsInOrder() throws Exception {
        CountDownLatch firstQueryStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstQuery = new CountDownLatch(1);
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        GatheredRowReads reads = new GatheredRowReads(wanted -> {
            sizes.add(wanted.size());
            if (sizes.size() == 1) {
                firstQueryStarted.countDown();
                assertTrue(releaseFirstQuery.await(10, TimeUnit.SECONDS));
            }
            return evenRows(wanted, sizes.size());
        });
        int each = GatheredRowReads.MOST / 2 - 1;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<List<Read>> first = pool.submit(() -> reads.readAll(List.of(new Wanted(1, 0))));
            assertTrue(firstQueryStarted.await(10, TimeUnit.SECONDS));
            List<Future<List<Read>>> later = new ArrayList<>();
            for (int caller = 0; caller < 3; caller++) {
                List<Wanted> wanted = new ArrayList<>();
                for (int row = each - 1; row >= 0; row--) {
                    wanted.add(new Wanted(10 + caller, row));
                }
                later.add(pool.submit(() -> reads.readAll(wanted)));
                while (reads.waiting() < caller + 1) {
                    Thread.sleep(1); // waiting for a condition: this caller queued, so the callers queue in order
                }
            }
            releaseFirstQuery.countDown();
            assertEquals(List.of(new Read(1, "1/0")), first.get(10, TimeUnit.SECONDS));
            for (int caller = 0; caller < 3; caller++) {
                List<Read> got = later.get(caller).get(10, TimeUnit.SECONDS);
                assertEquals(each, got.size());
                for (int i = 0; i < each; i++) {
                    long row = each - 1 - i;
                    assertEquals(row % 2 == 0 ? (10 + caller) + "/" + row : null, got.get(i).cells(), "caller " + caller + ", read " + i);
                }
            }
            assertEquals(List.of(1, 2 * each, each), sizes, "two callers' reads fit in one query, the third's in the next");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void moreReadsAtOnceThanOneQueryTakesAreRefused() {
        GatheredRowReads reads = new GatheredRowReads(wanted -> evenRows(wanted, 1));
        List<Wanted> tooMany = Collections.nCopies(GatheredRowReads.MOST + 1, new Wanted(1, 2));
        assertThrows(IllegalArgumentException.class, () -> reads.readAll(tooMany));
        assertThrows(IllegalArgumentException.class, () -> reads.readAll(List.of()));
    }

    @Test
    void noQueryAnswersMoreThanTheMostAndEveryReadIsAnswered() throws Exception {
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        GatheredRowReads reads = new GatheredRowReads(wanted -> {
            sizes.add(wanted.size());
            Thread.sleep(2);
            return evenRows(wanted, 1);
        });
        int readers = 3 * GatheredRowReads.MOST;
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        try {
            List<Future<Read>> all = new ArrayList<>();
            for (int i = 0; i < readers; i++) {
                long row = 2L * i;
                all.add(pool.submit(() -> read(reads, 9, row)));
            }
            for (int i = 0; i < readers; i++) {
                assertEquals("9/" + (2 * i), all.get(i).get(20, TimeUnit.SECONDS).cells());
            }
            assertTrue(sizes.stream().allMatch(n -> n >= 1 && n <= GatheredRowReads.MOST), sizes.toString());
            assertEquals(readers, sizes.stream().mapToInt(Integer::intValue).sum());
        } finally {
            pool.shutdownNow();
        }
    }

}
