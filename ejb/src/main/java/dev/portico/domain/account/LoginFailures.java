package dev.portico.domain.account;

import java.util.Optional;

/**
 * Where {@link LoginThrottle} keeps its records of failed logins: in the database, so that every server on it
 * counts the same failures, timed by the database's clock, so that the servers' own clocks do not matter. Keys are
 * opaque (a hash of account and client address); scopes keep the console's and FeatherBase's records apart.
 */
public interface LoginFailures {

    /** Failures in a row for one key, and how long ago the last one was (by the database's clock). */
    record Failures(int count, long millisSinceLast) { }

    Optional<Failures> find(String scope, byte[] key);

    /**
     * Counts one more failure now (the first creates the record; when the last failure is {@code restartAfterMillis}
     * or more ago it is the first again), whichever server counted the others.
     */
    void failed(String scope, byte[] key, long restartAfterMillis);

    void clear(String scope, byte[] key);

    /** Deletes records of any scope whose last failure is {@code millis} or more ago (a bounded number per call). */
    void forgetOlderThan(long millis);
}
