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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
     * The records as the database keeps them, in memory and timed by the test's clock, for the policy's tests
     * (JpaLoginFailures, on MariaDB, is tested by the ITs, two servers sharing it included: TwoServersIT).
     */
    private static class Records implements LoginFailures {
        private record Stored(int count, long lastMillis) { }

        final Map<String, Map<ByteBuffer, Stored>> scopes = new HashMap<>();
        final List<Long> forgotOlderThan = new ArrayList<>();
        final ManualClock time;
        int writes;

        Records(ManualClock time) {
            this.time = time;
        }

        @Override
        public synchronized Optional<Failures> find(String scope, byte[] key) {
            return Optional.ofNullable(scopes.getOrDefault(scope, Map.of()).get(ByteBuffer.wrap(key)))
                    .map(s -> new Failures(s.count(), time.millis - s.lastMillis()));
        }

        @Override
        public synchronized void failed(String scope, byte[] key, long restartAfterMillis) {
            writes++;
            scopes.computeIfAbsent(scope, s -> new HashMap<>()).merge(ByteBuffer.wrap(key.clone()), new Stored(1, time.millis),
                    (old, one) -> new Stored(old.lastMillis() <= time.millis - restartAfterMillis ? 1 : old.count() + 1, time.millis));
        }

        @Override
        public synchronized void clear(String scope, byte[] key) {
            writes++;
            scopes.getOrDefault(scope, new HashMap<>()).remove(ByteBuffer.wrap(key));
        }

        @Override
        public synchronized void forgetOlderThan(long millis) {
            writes++;
            forgotOlderThan.add(millis);
            scopes.values().forEach(records -> records.values().removeIf(s -> s.lastMillis() <= time.millis - millis));
        }
    }

    private final ManualClock clock = new ManualClock();
    private final Records records = new Records(clock);
    private final LoginThrottle throttle = new LoginThrottle("console", records, clock, LoginThrottle.FREE_FAILURES, Runnable::run);

    /** A login with a wrong password: whether its password was checked (false: too early). */
    private static boolean wrongChecked(LoginThrottle throttle, String account, String address) {
        boolean[] checked = new boolean[1];
        throttle.guard(account, address, () -> {
            checked[0] = true;
            return Optional.empty();
        });
        return checked[0];
    }

    private boolean wrongChecked(String account, String address) {
        return wrongChecked(throttle, account, address);
    }

    /** A login with the right password: whether it got in. */
    private boolean rightGetsIn(String account, String address) {
        return throttle.guard(account, address, () -> Optional.of("in")).isPresent();
    }

    @Test
    void threeFailuresAreFreeThenEachCheckedFailureDoublesTheWaitAndTooEarlyTriesAreNeitherCheckedNorWritten() {
        for (int i = 0; i < 3; i++) {
            assertTrue(wrongChecked("admin", "10.0.0.1"));
        }
        int writes = records.writes;
        assertFalse(rightGetsIn("admin", "10.0.0.1"), "even the right password waits");
        clock.millis += 999;
        assertFalse(wrongChecked("admin", "10.0.0.1"));
        assertEquals(writes, records.writes, "a try too early costs no write to the database");
        clock.millis += 1;
        assertTrue(wrongChecked("admin", "10.0.0.1"), "1 s after the third failure");
        clock.millis += 1_999;
        assertFalse(wrongChecked("admin", "10.0.0.1"), "the fourth failure doubles the wait to 2 s");
        clock.millis += 1;
        assertTrue(rightGetsIn("admin", "10.0.0.1"));
        assertTrue(records.find("console", LoginThrottle.key("admin", "10.0.0.1")).isEmpty(), "a success clears the record");
    }

    @Test
    void anIpv6ClientCountsByItsSlash64SoANewAddressPerTryDoesNotHelp() {
        for (int i = 1; i <= 3; i++) {
            wrongChecked("admin", "2001:db8:1:2:0:0:0:" + i);
        }
        assertFalse(wrongChecked("admin", "2001:db8:1:2:ffff:ffff:ffff:ffff"), "the same /64");
        assertTrue(wrongChecked("admin", "2001:db8:1:3:0:0:0:1"), "the next /64 is another client");
        assertTrue(wrongChecked("admin", "10.0.0.1"));
        assertEquals("2001:db8:1:2:0:0:0:0/64", LoginThrottle.client("2001:db8:1:2:a:b:c:d"));
        assertEquals("10.0.0.1", LoginThrottle.client("10.0.0.1"));
        assertEquals(LoginThrottle.client("2001:DB8:1:2::9"), LoginThrottle.client("2001:db8:1:2:0:0:0:1"), "one key however it is written");
        assertEquals("10.0.0.1", LoginThrottle.client("::ffff:10.0.0.1"), "an IPv4-mapped address is its IPv4 address");
        assertEquals("zz:1", LoginThrottle.client("zz:1"), "not a literal: kept as it is, never looked up");
        assertNull(LoginThrottle.client(null));
    }

    @Test
    void anotherAddressOrAnotherAccountIsNotSlowedDown() {
        for (int i = 0; i < 3; i++) {
            wrongChecked("admin", "10.0.0.1");
        }
        assertFalse(wrongChecked("admin", "10.0.0.1"));
        assertTrue(rightGetsIn("admin", "10.0.0.2"), "a guesser elsewhere does not lock the real admin out");
        assertTrue(wrongChecked("alice", "10.0.0.1"));
    }

    @Test
    void aRecordUntouchedForFifteenMinutesCountsAsNoneAndIsDeletedAtMostOnceAMinute() {
        for (int i = 0; i < 5; i++) {
            clock.millis += 60_000;
            wrongChecked("admin", "10.0.0.1");
        }
        assertEquals(List.of(LoginThrottle.FORGET_AFTER_MILLIS, LoginThrottle.FORGET_AFTER_MILLIS, LoginThrottle.FORGET_AFTER_MILLIS,
                LoginThrottle.FORGET_AFTER_MILLIS, LoginThrottle.FORGET_AFTER_MILLIS), records.forgotOlderThan, "once a minute");
        wrongChecked("alice", "10.0.0.2");
        assertEquals(5, records.forgotOlderThan.size(), "not again within the minute");
        assertFalse(wrongChecked("admin", "10.0.0.1"), "five failures: waits");
        clock.millis += LoginThrottle.FORGET_AFTER_MILLIS;
        assertTrue(wrongChecked("admin", "10.0.0.1"), "untouched for 15 minutes, and not deleted yet: counts as none");
        assertEquals(1, records.find("console", LoginThrottle.key("admin", "10.0.0.1")).orElseThrow().count(), "the first failure again");
        assertTrue(records.find("console", LoginThrottle.key("alice", "10.0.0.2")).isEmpty(), "deleted with that failure's clean-up");
    }

    @Test
    void aSuccessWritesNothingWithoutARecordAndScopesAreApart() {
        assertTrue(rightGetsIn("admin", "10.0.0.1"));
        assertEquals(0, records.writes, "no record, nothing to delete: no statement per successful login");

        LoginThrottle featherBase = new LoginThrottle("featherbase", records, clock, 3, Runnable::run);
        for (int i = 0; i < 3; i++) {
            wrongChecked(LoginThrottle.ANY_ACCOUNT, "10.0.0.1");
        }
        assertFalse(wrongChecked(LoginThrottle.ANY_ACCOUNT, "10.0.0.1"));
        assertTrue(wrongChecked(featherBase, LoginThrottle.ANY_ACCOUNT, "10.0.0.1"), "the console's failures are not FeatherBase's");
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
        LoginThrottle byAddress = new LoginThrottle("featherbase", records, clock, 10, Runnable::run);
        for (int i = 0; i < 10; i++) {
            assertTrue(wrongChecked(byAddress, LoginThrottle.ANY_ACCOUNT, "10.0.0.1"), "free failure " + i);
        }
        assertFalse(wrongChecked(byAddress, LoginThrottle.ANY_ACCOUNT, "10.0.0.1"));
        clock.millis += 1_000;
        assertTrue(wrongChecked(byAddress, LoginThrottle.ANY_ACCOUNT, "10.0.0.1"), "the first wait is 1 s");
        assertTrue(wrongChecked(byAddress, LoginThrottle.ANY_ACCOUNT, "10.0.0.2"));
    }

    @Test
    void guessesSentAtOnceBeyondTheFreeFailuresWaitForThoseInFlightAndAreNotChecked() throws Exception {
        AtomicInteger checked = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> guesses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Thread guess = new Thread(() -> throttle.guard("admin", "10.0.0.1", () -> {
                checked.incrementAndGet();
                awaitQuietly(release);
                return Optional.empty();
            }));
            guess.start();
            guesses.add(guess);
        }
        awaitCount(checked, 3);
        Thread.sleep(200);
        assertEquals(3, checked.get(), "only the free failures are checked while in flight; the other seven wait");
        assertTrue(guesses.stream().allMatch(Thread::isAlive));
        release.countDown();
        for (Thread guess : guesses) {
            guess.join(5_000);
            assertFalse(guess.isAlive());
        }
        assertEquals(3, checked.get(), "then the three failures make the rest too early: never checked");
        assertEquals(3, records.find("console", LoginThrottle.key("admin", "10.0.0.1")).orElseThrow().count());
    }

    @Test
    void anAttemptIsInFlightUntilItsTransactionEndsAndUpToTheFreeFailuresAttemptsAreCheckedSideBySide() throws Exception {
        List<Runnable> transactionEnds = new ArrayList<>();
        LoginThrottle byAddress = new LoginThrottle("featherbase", records, clock, 10, end -> {
            synchronized (transactionEnds) {
                transactionEnds.add(end);
            }
        });
        AtomicInteger checked = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> logins = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Thread login = new Thread(() -> byAddress.guard(LoginThrottle.ANY_ACCOUNT, "10.0.0.1", () -> {
                checked.incrementAndGet();
                awaitQuietly(release);
                return Optional.of(true);
            }));
            login.start();
            logins.add(login);
        }
        awaitCount(checked, 10); // ten connections logging in at once are not queued
        release.countDown();
        for (Thread login : logins) {
            login.join(5_000);
        }

        Thread eleventh = new Thread(() -> byAddress.guard(LoginThrottle.ANY_ACCOUNT, "10.0.0.1", () -> {
            checked.incrementAndGet();
            return Optional.empty();
        }));
        eleventh.start();
        Thread.sleep(200);
        assertTrue(eleventh.isAlive(), "ten attempts whose transactions have not ended (they might all fail): the eleventh waits");
        assertEquals(10, checked.get());
        synchronized (transactionEnds) {
            assertEquals(10, transactionEnds.size());
            transactionEnds.forEach(Runnable::run);
        }
        eleventh.join(5_000);
        assertFalse(eleventh.isAlive());
        assertEquals(11, checked.get(), "their ends let it go on, and with no failure counted it is checked");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitCount(AtomicInteger count, int wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (count.get() < wanted && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(wanted, count.get());
    }
}
