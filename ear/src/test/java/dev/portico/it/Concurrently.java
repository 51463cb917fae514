package dev.portico.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Many clients at once, for the tests that load the server: each task on its own thread, all started together. */
final class Concurrently {

    /** One client's work; {@code index} tells the clients apart (0 to count - 1). */
    @FunctionalInterface
    interface Task<T> {
        T run(int index) throws Exception;
    }

    private Concurrently() {
    }

    /**
     * Runs {@code count} tasks at once and returns their results in order, each awaited at most {@code within};
     * a task's failure (an assertion included) is thrown, wrapped in an {@code ExecutionException}.
     */
    static <T> List<T> run(int count, Duration within, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<T>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                done.add(pool.submit(() -> task.run(index)));
            }
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
