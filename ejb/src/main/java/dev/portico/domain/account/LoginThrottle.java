package dev.portico.domain.account;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Slows down guessing: after a number of free failed logins for one account from one client
 * address, each further attempt from there must wait twice as long as the one before (1 s, 2 s, 4 s,
 * ... up to {@value #MAX_DELAY_SECONDS} s); an attempt made too early fails without its password being
 * checked (so without the cost of hashing it). Keyed by account and address together, so that
 * someone guessing from elsewhere does not lock the real user out; a caller that throttles by
 * address alone passes {@link #ANY_ACCOUNT}; IPv6 addresses count by their /64. A success clears the record. At most
 * {@value #MAX_ENTRIES} records are kept; the newest and those that make someone wait are the last to go. Used by
 * the console login and by FeatherBase's {@code auth}.
 */
public class LoginThrottle {

    /** The account to pass when attempts are counted per address, whatever account they name. */
    public static final String ANY_ACCOUNT = "";
    static final int FREE_FAILURES = 3;
    static final long MAX_DELAY_SECONDS = 60;
    static final int MAX_ENTRIES = 10_000;
    /** A record untouched for this long is forgotten. */
    static final long FORGET_AFTER_MILLIS = 15 * 60_000;

    /** An IPv6 literal: a hex digit or colon first (anything else with a colon could be looked up as a name). */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private record Failures(int count, long lastMillis) { }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int freeFailures;

    /** A throttle with {@value #FREE_FAILURES} free failures. */
    public LoginThrottle() {
        this(Clock.systemUTC(), FREE_FAILURES);
    }

    protected LoginThrottle(Clock clock, int freeFailures) {
        this.clock = clock;
        this.freeFailures = freeFailures;
    }

    /** Whether an attempt for this account from this address may be checked now. */
    public boolean mayTry(String account, String address) {
        Failures f = failures.get(key(account, address));
        if (f == null || f.count() < freeFailures) {
            return true;
        }
        return clock.millis() - f.lastMillis() >= delayMillis(f.count() - freeFailures);
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

    /** How long the next attempt waits after {@code beyondFree} failures beyond the free ones (0: 1 s). */
    static long delayMillis(int beyondFree) {
        int steps = Math.min(beyondFree, 16);
        return Math.min(1000L << steps, MAX_DELAY_SECONDS * 1000);
    }

    /**
     * Makes room when full, down to half at most: records untouched for {@value #FORGET_AFTER_MILLIS} ms go, then
     * those still within their free failures, then the older half of the rest. Never all at once: a guesser who fills
     * the table with records of its own (other account names, other addresses) must not wipe the record that makes
     * it wait, nor keep a table so full that a new record is wiped before it counts.
     */
    private void forgetOld(long now) {
        failures.values().removeIf(f -> now - f.lastMillis() > FORGET_AFTER_MILLIS);
        if (failures.size() > MAX_ENTRIES / 2) {
            failures.values().removeIf(f -> f.count() < freeFailures);
        }
        if (failures.size() > MAX_ENTRIES / 2) {
            long[] times = failures.values().stream().mapToLong(Failures::lastMillis).sorted().toArray();
            long median = times[times.length / 2];
            failures.values().removeIf(f -> f.lastMillis() < median);
            if (failures.size() > MAX_ENTRIES / 2) {
                failures.values().removeIf(f -> f.lastMillis() <= median);
            }
        }
    }

    private static String key(String account, String address) {
        return account + '\u0000' + client(address);
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
