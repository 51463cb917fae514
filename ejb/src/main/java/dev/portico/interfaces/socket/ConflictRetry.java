package dev.portico.interfaces.socket;

import dev.portico.application.DatabaseFailure;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Runs a socket request's service call again when its transaction lost a conflict: MariaDB error
 * 1213 (SQLSTATE 40001), which InnoDB gives the loser of a deadlock and Galera gives a transaction
 * whose certification failed against another node's commit. The database rolled the whole
 * transaction back and nothing was replied yet, so running it again is safe; the second run sees
 * the winner's commit (e.g. the next row number, or a customer already stored). At most
 * {@value #ATTEMPTS} runs, a few random milliseconds apart.
 */
final class ConflictRetry {

    static final int ATTEMPTS = 3;

    /** A service call that may throw its own checked refusal. */
    @FunctionalInterface
    interface Call<T, E extends Exception> {
        T run() throws E;
    }

    private ConflictRetry() {
    }

    static <T, E extends Exception> T run(Call<T, E> call) throws E {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.run();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !DatabaseFailure.lostConflict(e)) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            TimeUnit.MILLISECONDS.sleep(ThreadLocalRandom.current().nextLong(1, 10L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
