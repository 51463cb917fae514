package dev.portico.domain.account;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Slows down guessing: after a number of free failed logins for one account from one client
 * address, each further check from there must wait twice as long as the one before (1 s, 2 s, 4 s,
 * ... up to {@value #MAX_DELAY_SECONDS} s); an attempt made too early fails without its password being
 * checked (so without the cost of hashing it) and without being written anywhere. Keyed by account and address
 * together, so that someone guessing from elsewhere does not lock the real user out; a caller that throttles by
 * address alone passes {@link #ANY_ACCOUNT}; IPv6 addresses count by their /64. A success clears the record.
 * The records are the database's ({@link LoginFailures}), timed by its clock, so every server on it counts the same
 * failures, whatever its own clock says: a guesser spread over several servers waits as long as one who tries a
 * single server. Attempts still being checked count as failures until their transaction ends (they may be): so that
 * guesses sent at the same moment are not all checked before any of them is counted, a server admits at once only as
 * many attempts for a key as free failures are left by what it last knew (one beyond them); the rest wait, before
 * their transaction reads anything, for those in flight to end (at most {@value #MOST_WAIT_MILLIS} ms, then they are
 * too early). Up to the free failures, attempts are checked side by side, so that a client opening many connections
 * at once is not made to queue; an attempt admitted on knowledge another server made stale is too early. A record untouched for
 * {@value #FORGET_AFTER_MILLIS} ms counts as none, and is deleted. Used by the console login and by FeatherBase's
 * {@code auth}.
 */
public class LoginThrottle {

    /** The account to pass when attempts are counted per address, whatever account they name. */
    public static final String ANY_ACCOUNT = "";
    /** Free failures of the console login (per account and address). */
    public static final int FREE_FAILURES = 3;
    static final long MAX_DELAY_SECONDS = 60;
    /** A record untouched for this long counts as none (the next failure is the first again), and is deleted. */
    static final long FORGET_AFTER_MILLIS = 15 * 60_000;
    /** Old records are deleted at most this often (by each throttle), when a failure is counted. */
    static final long FORGET_EVERY_MILLIS = 60_000;
    /** How long an attempt waits at most for attempts in flight for the same key before it counts as too early. */
    static final long MOST_WAIT_MILLIS = 10_000;
    /** Keys whose last known failures this server remembers. */
    static final int KNOWN_KEYS = 10_000;

    /** An IPv6 literal: a hex digit or colon first (anything else with a colon could be looked up as a name). */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final String scope;
    private final LoginFailures failures;
    private final Clock clock;
    private final int freeFailures;
    private final AtomicLong lastForgotMillis = new AtomicLong();
    private final Consumer<Runnable> atTransactionEnd;
    /** Attempts admitted and not yet ended, per key; guarded by itself, as is {@link #lastKnown}. */
    private final Map<ByteBuffer, Integer> inFlight = new HashMap<>();
    /** The failures this server last knew of per key (the most recent keys), which bound how many attempts it admits at once. */
    private final Map<ByteBuffer, Known> lastKnown = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Known> eldest) {
            return size() > KNOWN_KEYS;
        }
    };

    /**
     * @param scope whose records these are (at most 16 characters): the console's and FeatherBase's are apart
     * @param clock only paces the deletion of old records; waits are timed by the database
     * @param atTransactionEnd runs what it is given when the caller's transaction has ended (the record written
     *                         by an attempt is then what the next attempt reads), or at once when there is none
     */
    public LoginThrottle(String scope, LoginFailures failures, Clock clock, int freeFailures, Consumer<Runnable> atTransactionEnd) {
        this.scope = scope;
        this.failures = failures;
        this.clock = clock;
        this.freeFailures = freeFailures;
        this.atTransactionEnd = atTransactionEnd;
    }

    /**
     * One login attempt for this account from this address: {@code check} (the password check) runs only when the
     * attempt is not too early, and its answer counts as a failure when empty and clears the record when not.
     *
     * @return what {@code check} answered, or empty when the attempt was too early
     */
    public <T> Optional<T> guard(String account, String address, Supplier<Optional<T>> check) {
        byte[] key = key(account, address);
        ByteBuffer slot = ByteBuffer.wrap(key);
        // Admitted before the transaction's first read: the record read next is then what the attempts admitted
        // before committed (a read after waiting would see the transaction's first snapshot, not their failures).
        int others = admit(slot, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MOST_WAIT_MILLIS));
        if (others < 0) {
            return Optional.empty();
        }
        boolean handedOver = false;
        try {
            Optional<LoginFailures.Failures> before = failures.find(scope, key);
            // a record untouched for FORGET_AFTER_MILLIS counts as none (the next failure restarts it at 1)
            Optional<LoginFailures.Failures> counting = before.filter(f -> f.millisSinceLast() < FORGET_AFTER_MILLIS);
            int count = counting.map(LoginFailures.Failures::count).orElse(0);
            if (counting.isPresent() && mustWait(counting.get()) || others > 0 && count + others >= freeFailures) {
                // too early; or beyond the free failures with others in flight, which this server took for fewer
                // failures than another server had counted: one at a time, and this one cannot read again
                known(slot, count, false);
                return Optional.empty();
            }
            Optional<T> answer = check.get();
            if (answer.isPresent()) {
                if (before.isPresent()) {
                    failures.clear(scope, key);
                }
            } else {
                failures.failed(scope, key, FORGET_AFTER_MILLIS);
                forgetOld();
            }
            known(slot, answer.isPresent() ? -1 : count, answer.isEmpty());
            atTransactionEnd.accept(() -> leave(slot));
            handedOver = true;
            return answer;
        } finally {
            if (!handedOver) {
                leave(slot);
            }
        }
    }

    /**
     * Waits (at most until {@code deadline}) until fewer attempts for the key are in flight than may be checked side by
     * side, the failures this server last knew of counted: the free failures left, and one beyond them. Returns how
     * many others are in flight, or -1 when the deadline came first.
     */
    private int admit(ByteBuffer slot, long deadline) {
        synchronized (inFlight) {
            while (true) {
                int admitted = inFlight.getOrDefault(slot, 0);
                if (admitted < Math.max(1, freeFailures - knownFailures(slot))) {
                    inFlight.put(slot, admitted + 1);
                    return admitted;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return -1;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(inFlight, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
            }
        }
    }

    /**
     * What an attempt learnt: the count it read ({@code -1}: a success cleared it), and whether it failed on top
     * (attempts in flight together read one count: each failure adds to what the server knew).
     */
    private void known(ByteBuffer slot, int count, boolean failed) {
        synchronized (inFlight) {
            if (count < 0) {
                lastKnown.remove(slot);
            } else {
                lastKnown.put(slot, new Known(Math.max(knownFailures(slot), count) + (failed ? 1 : 0), System.nanoTime()));
            }
        }
    }

    /** The failures this server last knew of for the key; none when it learnt nothing of it for as long as a record lasts. */
    private int knownFailures(ByteBuffer slot) {
        Known known = lastKnown.get(slot);
        return known == null || System.nanoTime() - known.atNanos() > TimeUnit.MILLISECONDS.toNanos(FORGET_AFTER_MILLIS) ? 0 : known.failures();
    }

    /** Failures known for a key, and when this server learnt of them. */
    private record Known(int failures, long atNanos) { }

    private void leave(ByteBuffer slot) {
        synchronized (inFlight) {
            inFlight.computeIfPresent(slot, (k, n) -> n > 1 ? n - 1 : null);
            inFlight.notifyAll();
        }
    }

    /** Whether a record that still counts makes the next attempt wait. */
    private boolean mustWait(LoginFailures.Failures f) {
        return f.count() >= freeFailures && f.millisSinceLast() < delayMillis(f.count() - freeFailures);
    }

    private void forgetOld() {
        long now = clock.millis();
        long last = lastForgotMillis.get();
        if (now - last >= FORGET_EVERY_MILLIS && lastForgotMillis.compareAndSet(last, now)) {
            failures.forgetOlderThan(FORGET_AFTER_MILLIS);
        }
    }

    /** How long the next attempt waits after {@code beyondFree} failures beyond the free ones (0: 1 s). */
    static long delayMillis(int beyondFree) {
        int steps = Math.min(beyondFree, 16);
        return Math.min(1000L << steps, MAX_DELAY_SECONDS * 1000);
    }

    /** The record's key: a hash of account and client, of one length whatever their own. */
    static byte[] key(String account, String address) {
        try {
            return MessageDigest.getInstance("SHA-256").digest((account + '\u0000' + client(address)).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * The part of an address one client holds: an IPv4 address whole, an IPv6 address its /64 (a host is given a
     * whole /64 and may take any address in it, so a guesser could otherwise use a fresh address for each try).
     */
    static String client(String address) {
        if (address == null || !IPV6.matcher(address).matches()) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress(); // hex digits and colons: parsed, never looked up
            if (bytes.length != 16) {
                return InetAddress.getByAddress(bytes).getHostAddress(); // IPv4-mapped: the IPv4 address
            }
            Arrays.fill(bytes, 8, 16, (byte) 0);
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
