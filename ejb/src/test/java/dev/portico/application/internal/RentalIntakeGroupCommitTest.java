package dev.portico.application.internal;

import dev.portico.application.DatabaseAvailability;
import dev.portico.domain.rental.CarModel;
import dev.portico.domain.rental.RentalDraft;
import dev.portico.domain.rental.RentalIntakeStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Concurrent intakes share one store call (one transaction, one commit), each intake's rentals together
 * and in their order; none returns before the store call that wrote it has ended; a failed group is
 * written again one intake at a time, so that only the failing intake fails; an outage fails the whole
 * group at once; and a group holds at most {@link RentalIntakeGroupCommit#MAX_GROUP_RENTALS} rentals.
 */
class RentalIntakeGroupCommitTest {

    private final ExecutorService clients = Executors.newFixedThreadPool(6);
    private final CountDownLatch firstStoreStarted = new CountDownLatch(1);
    private final CountDownLatch releaseFirstStore = new CountDownLatch(1);
    /** The rentals of each store call, in the order of the calls. */
    private final List<List<RentalDraft>> storeCalls = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    private static List<RentalDraft> intake(String renter, int rentals) {
        return IntStream.range(0, rentals).mapToObj(i -> new RentalDraft(renter, 'F', CarModel.AXIA, i,
                LocalDateTime.of(2024, 1, 1, 8, 0), LocalDateTime.of(2024, 1, 1, 9, 0))).toList();
    }

    /** A group commit whose store records each call, holds the first until released, then does {@code then}. */
    private RentalIntakeGroupCommit groupCommit(DatabaseAvailability database, Consumer<List<RentalDraft>> then) {
        RentalIntakeStore store = rentals -> {
            storeCalls.add(List.copyOf(rentals));
            if (storeCalls.size() == 1) {
                firstStoreStarted.countDown();
                await(releaseFirstStore);
            }
            then.accept(rentals);
        };
        return inject(new RentalIntakeGroupCommit(), inject(new RentalIntakeWriter(), store), database);
    }

    /** Starts the first intake and waits until its store call holds the commit lock. */
    private Future<?> firstIntakeHoldingTheLock(RentalIntakeGroupCommit groupCommit) throws InterruptedException {
        Future<?> first = clients.submit(() -> groupCommit.store(intake("First", 1)));
        assertTrue(firstStoreStarted.await(10, TimeUnit.SECONDS));
        return first;
    }

    @Test
    void intakesThatArriveDuringAWriteShareTheNextOneEachWholeAndInOrderAndReturnOnlyAfterIt() throws Exception {
        RentalIntakeGroupCommit groupCommit = groupCommit(FeatherBaseGroupCommitTest.reachable(), rentals -> { });
        Future<?> first = firstIntakeHoldingTheLock(groupCommit);
        List<Future<?>> waiting = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String renter = "R" + i;
            waiting.add(clients.submit(() -> groupCommit.store(intake(renter, 3))));
        }
        Thread.sleep(200);
        assertFalse(first.isDone(), "the first intake waits for its write");
        waiting.forEach(w -> assertFalse(w.isDone(), "a queued intake waits for the write of its rentals"));

        releaseFirstStore.countDown();
        first.get(10, TimeUnit.SECONDS);
        for (Future<?> w : waiting) {
            w.get(10, TimeUnit.SECONDS);
        }
        assertEquals(intake("First", 1), storeCalls.get(0));
        assertTrue(storeCalls.size() < 6, "the five queued intakes shared writes: " + storeCalls.size() + " store calls");
        List<String> written = new ArrayList<>();
        for (List<RentalDraft> call : storeCalls.subList(1, storeCalls.size())) {
            for (int i = 0; i < call.size(); i += 3) {
                assertEquals(intake(call.get(i).renter(), 3), call.subList(i, i + 3), "an intake's rentals together, in their order");
                written.add(call.get(i).renter());
            }
        }
        Collections.sort(written);
        assertEquals(List.of("R0", "R1", "R2", "R3", "R4"), written, "every intake written once");
    }

    @Test
    void aFailedGroupIsWrittenAgainOneIntakeAtATimeSoOnlyTheFailingIntakeFails() throws Exception {
        RuntimeException refused = new IllegalStateException("a rule only the database knows");
        RentalIntakeGroupCommit groupCommit = groupCommit(FeatherBaseGroupCommitTest.reachable(), rentals -> {
            if (rentals.stream().anyMatch(r -> r.renter().equals("Bad"))) {
                throw refused;
            }
        });
        Future<?> first = firstIntakeHoldingTheLock(groupCommit);
        Future<?> good = clients.submit(() -> groupCommit.store(intake("Good", 2)));
        Thread.sleep(100);
        Future<?> bad = clients.submit(() -> groupCommit.store(intake("Bad", 1)));
        Thread.sleep(200);

        releaseFirstStore.countDown();
        first.get(10, TimeUnit.SECONDS);
        good.get(10, TimeUnit.SECONDS);
        assertSame(refused, assertThrows(Exception.class, () -> bad.get(10, TimeUnit.SECONDS)).getCause());
        assertEquals(List.of(1, 3, 2, 1), storeCalls.stream().map(List::size).toList(),
                "the first alone, the failed group of both, then each again alone");
    }

    @Test
    void aGroupThatLostTheDatabaseFailsEveryIntakeAtOnceWithoutWritingEachAgain() throws Exception {
        RuntimeException lost = new IllegalStateException("connection refused");
        RentalIntakeGroupCommit groupCommit = groupCommit(new DatabaseAvailability() {
            @Override
            public boolean usable() {
                return false;
            }

            @Override
            public boolean outage(Throwable failure) {
                return failure == lost;
            }
        }, rentals -> {
            if (storeCalls.size() > 1) {
                throw lost;
            }
        });
        Future<?> first = firstIntakeHoldingTheLock(groupCommit);
        Future<?> second = clients.submit(() -> groupCommit.store(intake("Second", 1)));
        Future<?> third = clients.submit(() -> groupCommit.store(intake("Third", 1)));
        Thread.sleep(200);

        releaseFirstStore.countDown();
        first.get(10, TimeUnit.SECONDS);
        assertSame(lost, assertThrows(Exception.class, () -> second.get(10, TimeUnit.SECONDS)).getCause());
        assertSame(lost, assertThrows(Exception.class, () -> third.get(10, TimeUnit.SECONDS)).getCause());
        assertEquals(List.of(1, 2), storeCalls.stream().map(List::size).toList());
    }

    @Test
    void anErrorInAGroupWriteFailsEveryIntakeOfTheGroupInsteadOfLeavingThemWaiting() throws Exception {
        Error bug = new AssertionError("a bug in the writer");
        RentalIntakeGroupCommit groupCommit = groupCommit(FeatherBaseGroupCommitTest.reachable(), rentals -> {
            if (storeCalls.size() > 1) {
                throw bug;
            }
        });
        Future<?> first = firstIntakeHoldingTheLock(groupCommit);
        Future<?> second = clients.submit(() -> groupCommit.store(intake("Second", 1)));
        Future<?> third = clients.submit(() -> groupCommit.store(intake("Third", 1)));
        Thread.sleep(200);

        releaseFirstStore.countDown();
        first.get(10, TimeUnit.SECONDS);
        assertSame(bug, assertThrows(Exception.class, () -> second.get(10, TimeUnit.SECONDS)).getCause());
        assertSame(bug, assertThrows(Exception.class, () -> third.get(10, TimeUnit.SECONDS)).getCause());
        assertEquals(List.of(1, 2), storeCalls.stream().map(List::size).toList());
    }

    @Test
    void aGroupHoldsAtMostTheRentalsOfOneLargestIntake() throws Exception {
        RentalIntakeGroupCommit groupCommit = groupCommit(FeatherBaseGroupCommitTest.reachable(), rentals -> { });
        int max = RentalIntakeGroupCommit.MAX_GROUP_RENTALS;
        Future<?> first = firstIntakeHoldingTheLock(groupCommit);
        List<Future<?>> waiting = List.of(
                clients.submit(() -> groupCommit.store(intake("A", max * 3 / 5))),
                clients.submit(() -> groupCommit.store(intake("B", max * 3 / 5))),
                clients.submit(() -> groupCommit.store(intake("C", max / 5))),
                clients.submit(() -> groupCommit.store(intake("D", max))));
        Thread.sleep(200);

        releaseFirstStore.countDown();
        first.get(10, TimeUnit.SECONDS);
        for (Future<?> w : waiting) {
            w.get(10, TimeUnit.SECONDS);
        }
        List<Integer> sizes = storeCalls.stream().map(List::size).toList();
        assertTrue(sizes.stream().allMatch(size -> size <= max), "no group over " + max + " rentals: " + sizes);
        assertEquals(1 + 2 * (max * 3 / 5) + max / 5 + max, sizes.stream().mapToInt(Integer::intValue).sum(), "every rental written once: " + sizes);
        assertTrue(sizes.size() >= 4, "A, B and D cannot share a group: " + sizes);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sets the bean's fields of the given services' types, as the container injects them. */
    private static <B> B inject(B bean, Object... services) {
        for (Object service : services) {
            for (Field field : bean.getClass().getDeclaredFields()) {
                if (field.getType().isInstance(service)) {
                    field.setAccessible(true);
                    try {
                        field.set(bean, service);
                    } catch (IllegalAccessException e) {
                        throw new AssertionError(e);
                    }
                }
            }
        }
        return bean;
    }
}
