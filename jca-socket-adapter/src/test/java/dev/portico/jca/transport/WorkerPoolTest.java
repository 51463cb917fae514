package dev.portico.jca.transport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A listener's worker threads: kept between requests, bounded, given back when idle or stopped. */
class WorkerPoolTest {

    private final ExecutorService container = Executors.newCachedThreadPool();
    private final AtomicInteger started = new AtomicInteger();

    @AfterEach
    void stopThreads() {
        container.shutdownNow();
    }

    private WorkerPool pool(int max, Duration keepAlive) {
        return new WorkerPool(task -> {
            started.incrementAndGet();
            container.execute(task);
        }, max, keepAlive);
    }

    @Test
    void requestsOneAfterAnotherAreAnsweredByOneKeptWorker() throws Exception {
        WorkerPool pool = pool(8, Duration.ofHours(1));
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 200; i++) {
            CountDownLatch done = new CountDownLatch(1);
            pool.execute(() -> {
                threads.add(Thread.currentThread());
                done.countDown();
            });
            assertTrue(done.await(5, TimeUnit.SECONDS));
            awaitTrue(pool::hasIdleWorker, "the worker waits for the next request");
        }
        assertEquals(1, started.get(), "one work started for 200 requests");
        assertEquals(1, threads.size());
        assertEquals(1, pool.workers());
    }

    @Test
    void neverMoreWorkersThanTheMaximumAndARequestInLineRunsWhenOneIsFree() throws Exception {
        WorkerPool pool = pool(2, Duration.ofHours(1));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch ran = new CountDownLatch(3);
        for (int i = 0; i < 3; i++) {
            pool.execute(() -> {
                await(release);
                ran.countDown();
            });
        }
        assertEquals(2, started.get());
        assertEquals(2, pool.workers());
        assertFalse(ran.await(200, TimeUnit.MILLISECONDS), "all workers are held");
        release.countDown();
        assertTrue(ran.await(5, TimeUnit.SECONDS), "the third request ran on a worker freed by the first two");
        assertEquals(2, started.get(), "no third worker");
    }

    @Test
    void anIdleWorkerEndsAfterTheKeepAliveAndALaterRequestStartsAnother() throws Exception {
        WorkerPool pool = pool(4, Duration.ofMillis(50));
        CountDownLatch first = new CountDownLatch(1);
        pool.execute(first::countDown);
        assertTrue(first.await(5, TimeUnit.SECONDS));
        awaitTrue(() -> pool.workers() == 0, "the idle worker ended");
        CountDownLatch second = new CountDownLatch(1);
        pool.execute(second::countDown);
        assertTrue(second.await(5, TimeUnit.SECONDS));
        assertEquals(2, started.get());
    }

    @Test
    void shutdownEndsWaitingWorkersAtOnceAndRefusesLaterRequests() throws Exception {
        WorkerPool pool = pool(4, Duration.ofHours(1));
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(2);
        pool.execute(() -> {
            await(releaseFirst);
            done.countDown();
        });
        pool.execute(() -> {
            await(release);
            done.countDown();
        });
        assertEquals(2, pool.workers());
        releaseFirst.countDown();
        awaitTrue(pool::hasIdleWorker, "the first worker waits for a request");
        pool.shutdown();
        awaitTrue(() -> pool.workers() == 1, "the idle worker ended without waiting for its keep-alive");
        assertThrows(RejectedExecutionException.class, () -> pool.execute(() -> { }));
        release.countDown();
        assertTrue(done.await(5, TimeUnit.SECONDS), "the busy worker finished its request");
        awaitTrue(() -> pool.workers() == 0, "and then ended");
    }

    @Test
    void whenTheContainerRefusesAWorkTheRequestIsRefusedAndNotCounted() throws Exception {
        AtomicInteger refusals = new AtomicInteger(1);
        WorkerPool pool = new WorkerPool(task -> {
            if (refusals.getAndDecrement() > 0) {
                throw new RejectedExecutionException("no thread");
            }
            container.execute(task);
        }, 1, Duration.ofHours(1));
        assertThrows(RejectedExecutionException.class, () -> pool.execute(() -> { }));
        assertEquals(0, pool.workers());
        CountDownLatch ran = new CountDownLatch(1);
        pool.execute(ran::countDown);
        assertTrue(ran.await(5, TimeUnit.SECONDS), "the one worker slot was given back");
    }

    @Test
    void aRequestThatLeavesItsThreadInterruptedDoesNotPassTheInterruptToTheNext() throws Exception {
        WorkerPool pool = pool(1, Duration.ofHours(1));
        CountDownLatch first = new CountDownLatch(1);
        pool.execute(() -> {
            Thread.currentThread().interrupt();
            first.countDown();
        });
        assertTrue(first.await(5, TimeUnit.SECONDS));
        AtomicBoolean interrupted = new AtomicBoolean(true);
        CountDownLatch second = new CountDownLatch(1);
        pool.execute(() -> {
            interrupted.set(Thread.currentThread().isInterrupted());
            second.countDown();
        });
        assertTrue(second.await(5, TimeUnit.SECONDS));
        assertFalse(interrupted.get(), "the next request starts without the interrupt");
        assertEquals(1, started.get(), "and on the same worker");
    }

    @Test
    void aWorkerInterruptedWhileWaitingStillAnswersARequestQueuedMeanwhile() throws Exception {
        WorkerPool pool = pool(1, Duration.ofHours(1));
        AtomicReference<Thread> worker = new AtomicReference<>();
        CountDownLatch first = new CountDownLatch(1);
        pool.execute(() -> {
            worker.set(Thread.currentThread());
            first.countDown();
        });
        assertTrue(first.await(5, TimeUnit.SECONDS));
        awaitTrue(pool::hasIdleWorker, "the worker waits for a request");
        CountDownLatch second = new CountDownLatch(1);
        Thread client;
        synchronized (pool) {
            worker.get().interrupt();
            awaitTrue(() -> worker.get().getState() == Thread.State.BLOCKED, "the interrupted worker waits for the pool's lock to end");
            client = new Thread(() -> pool.execute(second::countDown));
            client.start();
            awaitTrue(() -> client.getState() == Thread.State.BLOCKED, "the request waits for the pool's lock");
        }
        assertTrue(second.await(5, TimeUnit.SECONDS), "the request is answered, whichever got the lock first");
        client.join(5000);
    }

    @Test
    void aTaskThatThrowsDoesNotEndItsWorker() throws Exception {
        WorkerPool pool = pool(1, Duration.ofHours(1));
        pool.execute(() -> {
            throw new IllegalStateException("a bug in a task");
        });
        CountDownLatch ran = new CountDownLatch(1);
        pool.execute(ran::countDown);
        assertTrue(ran.await(5, TimeUnit.SECONDS));
        assertEquals(1, started.get());
        assertEquals(1, pool.workers());
    }

    /** Waits for {@code latch}, failing the test after 5 s (also where a test's listener or handler waits on it). */
    static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 5 s: " + what);
            }
            Thread.sleep(5);
        }
    }
}
