package dev.portico.application.internal;

import dev.portico.application.DatabaseAvailability;
import dev.portico.domain.featherbase.FbRowStore.Append;
import dev.portico.domain.featherbase.FbRowStore.Appended;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Concurrent addrows share one write (one transaction, one commit); none returns before the write of
 * its own row has finished; and a failed group is written again one addrow at a time, so that only the
 * failing addrow fails.
 */
class FeatherBaseGroupCommitTest {

    /** A database that is never unreachable: no failure is an outage. */
    static DatabaseAvailability reachable() {
        return new DatabaseAvailability() {
            @Override
            public boolean usable() {
                return true;
            }

            @Override
            public boolean outage(Throwable failure) {
                return false;
            }
        };
    }

    private static Append append(String table) {
        return new Append(null, "d", table, ids -> "cells");
    }

    @Test
    void addrowsThatArriveDuringAWriteShareTheNextOneAndEachReturnsOnlyAfterItsOwnWrite() throws Exception {
        CountDownLatch firstWriteStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstWrite = new CountDownLatch(1);
        List<Integer> groupSizes = Collections.synchronizedList(new ArrayList<>());
        AtomicLong committedRows = new AtomicLong();
        FeatherBaseGroupCommit groupCommit = new FeatherBaseGroupCommit().writeWith(appends -> {
            groupSizes.add(appends.size());
            if (groupSizes.size() == 1) {
                firstWriteStarted.countDown();
                await(releaseFirstWrite);
            }
            List<Appended> outcomes = new ArrayList<>();
            for (int i = 0; i < appends.size(); i++) {
                outcomes.add(Appended.stored(committedRows.getAndIncrement()));
            }
            return outcomes;
        }, reachable());
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            Future<Appended> first = clients.submit(() -> groupCommit.append(append("t")));
            assertTrue(firstWriteStarted.await(10, TimeUnit.SECONDS));
            List<Future<Appended>> waiting = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                waiting.add(clients.submit(() -> groupCommit.append(append("t"))));
            }
            Thread.sleep(200);
            assertFalse(first.isDone(), "the first addrow waits for its write");
            waiting.forEach(w -> assertFalse(w.isDone(), "a queued addrow waits for the write of its row"));
            releaseFirstWrite.countDown();
            assertEquals(0, first.get(10, TimeUnit.SECONDS).row());
            List<Long> rows = new ArrayList<>();
            for (Future<Appended> w : waiting) {
                rows.add(w.get(10, TimeUnit.SECONDS).row());
            }
            Collections.sort(rows);
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L), rows);
            assertEquals(1, groupSizes.get(0));
            assertEquals(5, groupSizes.stream().mapToInt(Integer::intValue).sum() - 1, "every addrow written once");
            assertTrue(groupSizes.size() < 6, "the five queued addrows shared writes: " + groupSizes);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aFailedGroupIsWrittenAgainOneByOneSoOnlyTheFailingAddrowFails() throws Exception {
        RuntimeException broken = new IllegalStateException("table t2 is broken");
        AtomicBoolean holdFirst = new AtomicBoolean(true);
        CountDownLatch firstWriteStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstWrite = new CountDownLatch(1);
        List<Integer> groupSizes = Collections.synchronizedList(new ArrayList<>());
        FeatherBaseGroupCommit groupCommit = new FeatherBaseGroupCommit().writeWith(appends -> {
            groupSizes.add(appends.size());
            if (holdFirst.getAndSet(false)) {
                firstWriteStarted.countDown();
                await(releaseFirstWrite);
            }
            if (appends.stream().anyMatch(a -> a.table().equals("t2"))) {
                throw broken;
            }
            return appends.stream().map(a -> Appended.stored(7)).toList();
        }, reachable());
        ExecutorService clients = Executors.newFixedThreadPool(3);
        try {
            Future<Appended> first = clients.submit(() -> groupCommit.append(append("t")));
            assertTrue(firstWriteStarted.await(10, TimeUnit.SECONDS));
            Future<Appended> good = clients.submit(() -> groupCommit.append(append("t")));
            Future<Appended> bad = clients.submit(() -> groupCommit.append(append("t2")));
            Thread.sleep(200);
            releaseFirstWrite.countDown();
            assertEquals(7, first.get(10, TimeUnit.SECONDS).row());
            assertEquals(7, good.get(10, TimeUnit.SECONDS).row());
            Exception failed = assertThrows(Exception.class, () -> bad.get(10, TimeUnit.SECONDS));
            assertSame(broken, failed.getCause());
            assertEquals(List.of(1, 2, 1, 1), groupSizes);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aGroupThatLostTheDatabaseFailsAtOnceWithoutWritingEachAddrowAgain() throws Exception {
        RuntimeException lost = new IllegalStateException("connection refused");
        CountDownLatch firstWriteStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstWrite = new CountDownLatch(1);
        List<Integer> groupSizes = Collections.synchronizedList(new ArrayList<>());
        FeatherBaseGroupCommit groupCommit = new FeatherBaseGroupCommit().writeWith(appends -> {
            groupSizes.add(appends.size());
            if (groupSizes.size() == 1) {
                firstWriteStarted.countDown();
                await(releaseFirstWrite);
                return List.of(Appended.stored(0));
            }
            throw lost;
        }, new DatabaseAvailability() {
            @Override
            public boolean usable() {
                return false;
            }

            @Override
            public boolean outage(Throwable failure) {
                return failure == lost;
            }
        });
        ExecutorService clients = Executors.newFixedThreadPool(3);
        try {
            Future<Appended> first = clients.submit(() -> groupCommit.append(append("t")));
            assertTrue(firstWriteStarted.await(10, TimeUnit.SECONDS));
            Future<Appended> second = clients.submit(() -> groupCommit.append(append("t")));
            Future<Appended> third = clients.submit(() -> groupCommit.append(append("t")));
            Thread.sleep(200);
            releaseFirstWrite.countDown();
            assertEquals(0, first.get(10, TimeUnit.SECONDS).row());
            assertSame(lost, assertThrows(Exception.class, () -> second.get(10, TimeUnit.SECONDS)).getCause());
            assertSame(lost, assertThrows(Exception.class, () -> third.get(10, TimeUnit.SECONDS)).getCause());
            assertEquals(List.of(1, 2), groupSizes);
        } finally {
            clients.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
