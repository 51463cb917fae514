package dev.portico.domain.account;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

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

    private final ManualClock clock = new ManualClock();
    private final LoginThrottle throttle = new LoginThrottle(clock, LoginThrottle.FREE_FAILURES);

    @Test
    void threeFailuresAreFreeThenEachAttemptWaitsTwiceAsLongAsTheOneBefore() {
        for (int i = 0; i < 3; i++) {
            assertTrue(throttle.mayTry("admin", "10.0.0.1"));
            throttle.failed("admin", "10.0.0.1");
        }
        assertFalse(throttle.mayTry("admin", "10.0.0.1"));
        clock.millis += 999;
        assertFalse(throttle.mayTry("admin", "10.0.0.1"));
        clock.millis += 1;
        assertTrue(throttle.mayTry("admin", "10.0.0.1"));
        throttle.failed("admin", "10.0.0.1");
        clock.millis += 1_999;
        assertFalse(throttle.mayTry("admin", "10.0.0.1"), "the fourth failure doubles the wait to 2 s");
        clock.millis += 1;
        assertTrue(throttle.mayTry("admin", "10.0.0.1"));
    }

    @Test
    void anIpv6ClientCountsByItsSlash64SoANewAddressPerTryDoesNotHelp() {
        for (int i = 1; i <= 3; i++) {
            throttle.failed("admin", "2001:db8:1:2:0:0:0:" + i);
        }
        assertFalse(throttle.mayTry("admin", "2001:db8:1:2:ffff:ffff:ffff:ffff"), "the same /64");
        assertTrue(throttle.mayTry("admin", "2001:db8:1:3:0:0:0:1"), "the next /64 is another client");
        assertTrue(throttle.mayTry("admin", "10.0.0.1"));
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
            throttle.failed("admin", "10.0.0.1");
        }
        assertFalse(throttle.mayTry("admin", "10.0.0.1"));
        assertTrue(throttle.mayTry("admin", "10.0.0.2"), "a guesser elsewhere does not lock the real admin out");
        assertTrue(throttle.mayTry("alice", "10.0.0.1"));
    }

    @Test
    void aSuccessClearsTheRecord() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("admin", "10.0.0.1");
        }
        throttle.succeeded("admin", "10.0.0.1");
        assertTrue(throttle.mayTry("admin", "10.0.0.1"));
    }

    @Test
    void aGuesserWhoFillsTheTableDoesNotWipeTheRecordThatMakesItWait() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("admin", "10.0.0.1");
        }
        for (int i = 0; i < 3 * LoginThrottle.MAX_ENTRIES; i++) {
            throttle.failed("junk" + i, "10.0.0.1");
        }
        assertFalse(throttle.mayTry("admin", "10.0.0.1"), "still waits after 30,000 junk records");

        for (int i = 0; i < LoginThrottle.MAX_ENTRIES; i++) { // a table full of records that each make someone wait
            for (int n = 0; n < 3; n++) {
                throttle.failed("waiting" + i, "10.0.0.2");
            }
            clock.millis++;
        }
        assertFalse(throttle.mayTry("waiting" + (LoginThrottle.MAX_ENTRIES - 1), "10.0.0.2"), "the older half went, not all: the newest stay");
        for (int i = 0; i < 4; i++) {
            throttle.failed("admin", "10.0.0.7");
        }
        assertFalse(throttle.mayTry("admin", "10.0.0.7"), "a new guesser's record counts up, not wiped for want of room");
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
        LoginThrottle byAddress = new LoginThrottle(clock, 10);
        for (int i = 0; i < 10; i++) {
            assertTrue(byAddress.mayTry(LoginThrottle.ANY_ACCOUNT, "10.0.0.1"), "free failure " + i);
            byAddress.failed(LoginThrottle.ANY_ACCOUNT, "10.0.0.1");
        }
        assertFalse(byAddress.mayTry(LoginThrottle.ANY_ACCOUNT, "10.0.0.1"));
        clock.millis += 1_000;
        assertTrue(byAddress.mayTry(LoginThrottle.ANY_ACCOUNT, "10.0.0.1"), "the first wait is 1 s");
        assertTrue(byAddress.mayTry(LoginThrottle.ANY_ACCOUNT, "10.0.0.2"));
    }
}
