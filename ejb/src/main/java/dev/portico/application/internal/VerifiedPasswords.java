package dev.portico.application.internal;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Passwords verified lately, as {@link dev.portico.domain.account.ConsoleAccount#verifiedKey} digests,
 * so that an API script sending HTTP Basic with every call pays the slow hash once every
 * {@value #TTL_MILLIS} ms rather than on every call. A changed password changes the stored hash, so
 * its old digests never match again. At most {@value #MAX_ENTRIES} are kept.
 */
@ApplicationScoped
public class VerifiedPasswords {

    static final long TTL_MILLIS = 5 * 60_000;
    static final int MAX_ENTRIES = 1_000;

    private final Map<String, Long> expiries = new ConcurrentHashMap<>();

    boolean contains(String key) {
        Long expiry = expiries.get(key);
        if (expiry == null) {
            return false;
        }
        if (expiry < System.currentTimeMillis()) {
            expiries.remove(key);
            return false;
        }
        return true;
    }

    void add(String key) {
        long now = System.currentTimeMillis();
        if (expiries.size() >= MAX_ENTRIES) {
            expiries.values().removeIf(expiry -> expiry < now);
            if (expiries.size() >= MAX_ENTRIES) {
                expiries.clear();
            }
        }
        expiries.put(key, now + TTL_MILLIS);
    }
}
