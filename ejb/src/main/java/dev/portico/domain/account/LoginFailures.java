package dev.portico.domain.account;

import java.util.Optional;

/**
 * Where {@link LoginThrottle} keeps its records of failed logins: in the database, so that every server on it
 * counts the same failures. Keys are opaque (a hash of account and client address); scopes keep the console's
 * and FeatherBase's records apart.
 */
public interface LoginFailures {

    /** Failures in a row for one key, and when the last one was (epoch milliseconds). */
    record Failures(int count, long lastMillis) { }

    Optional<Failures> find(String scope, byte[] key);

    /** Counts one more failure at {@code nowMillis} (the first creates the record), whichever server counted the others. */
    void failed(String scope, byte[] key, long nowMillis);

    void clear(String scope, byte[] key);

    /** Deletes every record whose last failure was before {@code millis}, of any scope. */
    void forgetBefore(long millis);
}
