package dev.portico.web.security;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing: after {@value #FREE_FAILURES} failed logins for one account from one client
 * address, each further attempt from there must wait twice as long as the one before (1 s, 2 s, 4 s,
 * ... up to {@value #MAX_DELAY_SECONDS} s); an attempt made too early fails without its password being
 * checked. Keyed by account and address together, so that someone guessing from elsewhere does not
 * lock the real user out. A success clears the record. At most {@value #MAX_ENTRIES} records are kept.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int FREE_FAILURES = 3;
    static final long MAX_DELAY_SECONDS = 60;
    static final int MAX_ENTRIES = 10_000;
    /** A record untouched for this long is forgotten. */
    static final long FORGET_AFTER_MILLIS = 15 * 60_000;

    private record Failures(int count, long lastMillis) { }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle() {
        this(Clock.systemUTC());
    }

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Whether an attempt for this account from this address may be checked now. */
    public boolean mayTry(String account, String address) {
        Failures f = failures.get(key(account, address));
        if (f == null || f.count() < FREE_FAILURES) {
            return true;
        }
        return clock.millis() - f.lastMillis() >= delayMillis(f.count());
    }

    public void failed(String account, String address) {
        long now = clock.millis();
        if (failures.size() >= MAX_ENTRIES) {
            forgetOld(now);
        }
        failures.merge(key(account, address), new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now));
    }

    public void succeeded(String account, String address) {
        failures.remove(key(account, address));
    }

    /** How long after the {@code count}-th failure the next attempt is checked. */
    static long delayMillis(int count) {
        int steps = Math.min(count - FREE_FAILURES, 16);
        return Math.min(1000L << steps, MAX_DELAY_SECONDS * 1000);
    }

    private void forgetOld(long now) {
        for (Iterator<Failures> it = failures.values().iterator(); it.hasNext(); ) {
            if (now - it.next().lastMillis() > FORGET_AFTER_MILLIS) {
                it.remove();
            }
        }
        if (failures.size() >= MAX_ENTRIES) {
            failures.clear();
        }
    }

    private static String key(String account, String address) {
        return account + '\u0000' + address;
    }
}
