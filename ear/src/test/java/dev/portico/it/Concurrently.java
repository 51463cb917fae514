package dev.portico.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Many clients at once, for the tests that load or race the server: each task on its own thread, all released at the same moment. */
final class Concurrently {

    /** One client's work; {@code index} tells the clients apart (0 to count - 1). */
    @FunctionalInterface
    interface Task<T> {
        T run(int index) throws Exception;
    }

    private Concurrently() {
    }

    /**
     * Runs {@code count} tasks at once (each waits until all have been handed to their threads, then all go) and
     * returns their results in order, each awaited at most {@code within} in turn;
     * a task's failure (an assertion included) is thrown, wrapped in an {@code ExecutionException}.
     */
    static <T> List<T> run(int count, Duration within, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                done.add(pool.submit(() -> {
                    start.await();
                    return task.run(index);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : done) {
                results.add(f.get(within.toMillis(), TimeUnit.MILLISECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
