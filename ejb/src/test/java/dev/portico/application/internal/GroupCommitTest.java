package dev.portico.application.internal;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Writes queued during a write share the next one, each gets its own outcome and returns only after
 * the write of its group ended; a failed group is written again one by one, unless the failure is an
 * outage, which every write of the group gets at once.
 */
class GroupCommitTest {

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void writesQueuedDuringAWriteShareTheNextAndEachReturnsItsOwnOutcomeAfterIt() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        List<List<String>> groups = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<String, String> group = new GroupCommit<>(items -> {
            groups.add(items);
            if (groups.size() == 1) {
                firstStarted.countDown();
                await(releaseFirst);
            }
            return items.stream().map(i -> "done " + i).toList();
        }, failure -> false);
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            Future<String> first = clients.submit(() -> group.write("a"));
            await(firstStarted);
            List<Future<String>> queued = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String item = "q" + i;
                queued.add(clients.submit(() -> group.write(item)));
            }
            Thread.sleep(200);
            assertFalse(first.isDone(), "the first write waits for its group");
            queued.forEach(q -> assertFalse(q.isDone(), "a queued write waits for the write of its group"));
            releaseFirst.countDown();
            assertEquals("done a", first.get(10, TimeUnit.SECONDS));
            for (int i = 0; i < 5; i++) {
                assertEquals("done q" + i, queued.get(i).get(10, TimeUnit.SECONDS));
            }
            assertEquals(List.of("a"), groups.get(0));
            assertEquals(6, groups.stream().mapToInt(List::size).sum(), "every write written once: " + groups);
            assertTrue(groups.size() < 6, "the five queued writes shared writes: " + groups);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void anInterruptedCallerStillWaitsForItsWriteAndKeepsItsInterrupt() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        GroupCommit<String, String> group = new GroupCommit<>(items -> {
            if (items.contains("a")) {
                firstStarted.countDown();
                await(releaseFirst);
            }
            return items.stream().map(i -> "done " + i).toList();
        }, failure -> false);
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            Future<String> first = clients.submit(() -> group.write("a"));
            await(firstStarted);
            AtomicBoolean stillInterrupted = new AtomicBoolean();
            Future<String> interrupted = clients.submit(() -> {
                Thread.currentThread().interrupt();
                String outcome = group.write("b");
                stillInterrupted.set(Thread.currentThread().isInterrupted());
                return outcome;
            });
            Thread.sleep(200);
            assertFalse(interrupted.isDone(), "the interrupted write waits for its group like any other");
            releaseFirst.countDown();
            assertEquals("done a", first.get(10, TimeUnit.SECONDS));
            assertEquals("done b", interrupted.get(10, TimeUnit.SECONDS));
            assertTrue(stillInterrupted.get(), "the caller's interrupt is kept for it");
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aFailedGroupIsWrittenAgainOneByOneSoOnlyTheFailingWriteFails() throws Exception {
        RuntimeException broken = new IllegalStateException("bad is broken");
        AtomicBoolean holdFirst = new AtomicBoolean(true);
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        List<List<String>> groups = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<String, Boolean> group = new GroupCommit<>(items -> {
            groups.add(items);
            if (holdFirst.getAndSet(false)) {
                firstStarted.countDown();
                await(releaseFirst);
            }
            if (items.contains("bad")) {
                throw broken;
            }
            return items.stream().map(i -> true).toList();
        }, failure -> false);
        ExecutorService clients = Executors.newFixedThreadPool(3);
        try {
            Future<Boolean> first = clients.submit(() -> group.write("first"));
            await(firstStarted);
            Future<Boolean> good = clients.submit(() -> group.write("good"));
            Future<Boolean> bad = clients.submit(() -> group.write("bad"));
            Thread.sleep(200);
            releaseFirst.countDown();
            assertTrue(first.get(10, TimeUnit.SECONDS));
            assertTrue(good.get(10, TimeUnit.SECONDS));
            Exception failed = assertThrows(Exception.class, () -> bad.get(10, TimeUnit.SECONDS));
            assertSame(broken, failed.getCause());
            assertTrue(groups.contains(List.of("good")) && groups.contains(List.of("bad")), "written again one by one: " + groups);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void anOutageFailsEveryWriteOfTheGroupWithoutWritingThemAgain() throws Exception {
        RuntimeException lost = new IllegalStateException("connection lost");
        AtomicBoolean holdFirst = new AtomicBoolean(true);
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        List<List<String>> groups = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<String, Boolean> group = new GroupCommit<>(items -> {
            groups.add(items);
            if (holdFirst.getAndSet(false)) {
                firstStarted.countDown();
                await(releaseFirst);
                return List.of(true);
            }
            throw lost;
        }, failure -> failure == lost);
        ExecutorService clients = Executors.newFixedThreadPool(3);
        try {
            Future<Boolean> first = clients.submit(() -> group.write("first"));
            await(firstStarted);
            Future<Boolean> one = clients.submit(() -> group.write("one"));
            Future<Boolean> two = clients.submit(() -> group.write("two"));
            Thread.sleep(200);
            releaseFirst.countDown();
            assertTrue(first.get(10, TimeUnit.SECONDS));
            assertSame(lost, assertThrows(Exception.class, () -> one.get(10, TimeUnit.SECONDS)).getCause());
            assertSame(lost, assertThrows(Exception.class, () -> two.get(10, TimeUnit.SECONDS)).getCause());
            assertEquals(2, groups.size(), "the failed group was not written again: " + groups);
        } finally {
            clients.shutdownNow();
        }
    }
}
