package dev.portico.domain.account;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginThrottleTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        long millis = 1_000_000;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }

    /**
     * The records as the database keeps them, in memory, for the policy's tests (JdbcLoginFailures, on MariaDB, is
     * tested by the ITs, two servers sharing it included: TwoServersIT).
     */
    private static class Records implements LoginFailures {
        final Map<String, Map<ByteBuffer, Failures>> scopes = new HashMap<>();
        final List<Long> forgotBefore = new ArrayList<>();

        @Override
        public Optional<Failures> find(String scope, byte[] key) {
            return Optional.ofNullable(scopes.getOrDefault(scope, Map.of()).get(ByteBuffer.wrap(key)));
        }

        @Override
        public void failed(String scope, byte[] key, long nowMillis) {
            scopes.computeIfAbsent(scope, s -> new HashMap<>()).merge(ByteBuffer.wrap(key.clone()), new Failures(1, nowMillis),
                    (old, one) -> new Failures(old.count() + 1, Math.max(old.lastMillis(), nowMillis)));
        }

        @Override
        public void clear(String scope, byte[] key) {
            scopes.getOrDefault(scope, new HashMap<>()).remove(ByteBuffer.wrap(key));
        }

        @Override
        public void forgetBefore(long millis) {
            forgotBefore.add(millis);
            scopes.values().forEach(records -> records.values().removeIf(f -> f.lastMillis() < millis));
        }
    }

    private final ManualClock clock = new ManualClock();
    private final Records records = new Records();
    private final LoginThrottle throttle = new LoginThrottle("console", records, clock, LoginThrottle.FREE_FAILURES);

    private static boolean mayTry(LoginThrottle throttle, String account, String address) {
        return throttle.attempt(account, address).allowed();
    }

    private boolean mayTry(String account, String address) {
        return mayTry(throttle, account, address);
    }

    private void fail(String account, String address) {
        throttle.attempt(account, address).failed();
    }

    @Test
    void threeFailuresAreFreeThenEachAttemptWaitsTwiceAsLongAsTheOneBefore() {
        for (int i = 0; i < 3; i++) {
            assertTrue(mayTry("admin", "10.0.0.1"));
            fail("admin", "10.0.0.1");
        }
        assertFalse(mayTry("admin", "10.0.0.1"));
        clock.millis += 999;
        assertFalse(mayTry("admin", "10.0.0.1"));
        clock.millis += 1;
        assertTrue(mayTry("admin", "10.0.0.1"));
        fail("admin", "10.0.0.1");
        clock.millis += 1_999;
        assertFalse(mayTry("admin", "10.0.0.1"), "the fourth failure doubles the wait to 2 s");
        clock.millis += 1;
        assertTrue(mayTry("admin", "10.0.0.1"));
    }

    @Test
    void anIpv6ClientCountsByItsSlash64SoANewAddressPerTryDoesNotHelp() {
        for (int i = 1; i <= 3; i++) {
            fail("admin", "2001:db8:1:2:0:0:0:" + i);
        }
        assertFalse(mayTry("admin", "2001:db8:1:2:ffff:ffff:ffff:ffff"), "the same /64");
        assertTrue(mayTry("admin", "2001:db8:1:3:0:0:0:1"), "the next /64 is another client");
        assertTrue(mayTry("admin", "10.0.0.1"));
        assertEquals("2001:db8:1:2:0:0:0:0/64", LoginThrottle.client("2001:db8:1:2:a:b:c:d"));
        assertEquals("10.0.0.1", LoginThrottle.client("10.0.0.1"));
        assertEquals(LoginThrottle.client("2001:DB8:1:2::9"), LoginThrottle.client("2001:db8:1:2:0:0:0:1"), "one key however it is written");
        assertEquals("10.0.0.1", LoginThrottle.client("::ffff:10.0.0.1"), "an IPv4-mapped address is its IPv4 address");
        assertEquals("zz:1", LoginThrottle.client("zz:1"), "not a literal: kept as it is, never looked up");
        assertNull(LoginThrottle.client(null));
    }

    @Test
    void anotherAddressOrAnotherAccountIsNotSlowedDown() {
        for (int i = 0; i < 5; i++) {
            fail("admin", "10.0.0.1");
        }
        assertFalse(mayTry("admin", "10.0.0.1"));
        assertTrue(mayTry("admin", "10.0.0.2"), "a guesser elsewhere does not lock the real admin out");
        assertTrue(mayTry("alice", "10.0.0.1"));
    }

    @Test
    void aSuccessClearsTheRecord() {
        for (int i = 0; i < 5; i++) {
            fail("admin", "10.0.0.1");
        }
        throttle.attempt("admin", "10.0.0.1").succeeded();
        assertTrue(mayTry("admin", "10.0.0.1"));
    }

    @Test
    void aRecordUntouchedForFifteenMinutesIsForgottenWhenAFailureIsCountedAtMostOnceAMinute() {
        for (int i = 0; i < 5; i++) {
            fail("admin", "10.0.0.1");
        }
        assertEquals(List.of(clock.millis - LoginThrottle.FORGET_AFTER_MILLIS), records.forgotBefore, "once, at the first failure");
        clock.millis += LoginThrottle.FORGET_AFTER_MILLIS - 1;
        fail("alice", "10.0.0.2");
        assertEquals(2, records.forgotBefore.size(), "a minute later, again");
        assertTrue(records.find("console", LoginThrottle.key("admin", "10.0.0.1")).isPresent(), "touched 1 ms less than 15 minutes ago: kept");
        clock.millis += LoginThrottle.FORGET_EVERY_MILLIS - 1;
        fail("alice", "10.0.0.2");
        assertEquals(2, records.forgotBefore.size(), "not again within the minute");
        clock.millis += 1;
        fail("alice", "10.0.0.2");
        assertEquals(3, records.forgotBefore.size());
        assertTrue(records.find("console", LoginThrottle.key("admin", "10.0.0.1")).isEmpty(), "untouched for 15 minutes: gone");
        assertFalse(mayTry("alice", "10.0.0.2"), "the guesser's own record stays while it keeps failing");
    }

    @Test
    void aSuccessClearsOnlyARecordThatExistsAndScopesAreApart() {
        LoginFailures none = new Records() {
            @Override
            public void clear(String scope, byte[] key) {
                throw new AssertionError("no record, nothing to delete: no statement per successful login");
            }
        };
        new LoginThrottle("console", none, clock, 3).attempt("admin", "10.0.0.1").succeeded();

        LoginThrottle featherBase = new LoginThrottle("featherbase", records, clock, 3);
        for (int i = 0; i < 3; i++) {
            fail(LoginThrottle.ANY_ACCOUNT, "10.0.0.1");
        }
        assertFalse(mayTry(LoginThrottle.ANY_ACCOUNT, "10.0.0.1"));
        assertTrue(mayTry(featherBase, LoginThrottle.ANY_ACCOUNT, "10.0.0.1"), "the console's failures are not FeatherBase's");
        assertEquals(32, LoginThrottle.key("an account name far longer than any column would hold ".repeat(100), "10.0.0.1").length);
    }

    @Test
    void theWaitNeverExceedsAMinute() {
        assertEquals(1_000, LoginThrottle.delayMillis(0));
        assertEquals(32_000, LoginThrottle.delayMillis(5));
        assertEquals(60_000, LoginThrottle.delayMillis(6));
        assertEquals(60_000, LoginThrottle.delayMillis(1_000));
    }

    @Test
    void aThrottleByAddressAloneCountsFailuresWhateverAccountTheyNameAfterItsOwnFreeFailures() {
        LoginThrottle byAddress = new LoginThrottle("featherbase", records, clock, 10);
        for (int i = 0; i < 10; i++) {
            assertTrue(mayTry(byAddress, LoginThrottle.ANY_ACCOUNT, "10.0.0.1"), "free failure " + i);
            byAddress.attempt(LoginThrottle.ANY_ACCOUNT, "10.0.0.1").failed();
        }
        assertFalse(mayTry(byAddress, LoginThrottle.ANY_ACCOUNT, "10.0.0.1"));
        clock.millis += 1_000;
        assertTrue(mayTry(byAddress, LoginThrottle.ANY_ACCOUNT, "10.0.0.1"), "the first wait is 1 s");
        assertTrue(mayTry(byAddress, LoginThrottle.ANY_ACCOUNT, "10.0.0.2"));
    }
}
