package dev.portico.application.internal;

import dev.portico.domain.customer.Customer;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An add alone is one auto-committed INSERT, outside any transaction; adds that queue meanwhile share one
 * transaction, and should that fail, each is written again alone.
 */
class CustomerAddGroupCommitTest {

    /** Records how each add was written; the first add alone waits for {@code release} inside its write. */
    private static final class RecordingWriter extends CustomerAddWriter {
        final List<String> writes = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch firstStarted = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        /** A group write fails (not an outage), as a lost deadlock would. */
        volatile boolean groupsFail;

        @Override
        public boolean insertAlone(Customer customer) {
            writes.add("alone " + customer.name());
            if (firstStarted.getCount() > 0) {
                firstStarted.countDown();
                try {
                    assertTrue(release.await(10, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            if (customer.name().equals("broken")) {
                throw new IllegalStateException("this add fails (thrown by the test)");
            }
            return !customer.name().equals("taken");
        }

        @Override
        public List<Boolean> insertAll(List<Customer> customers) {
            writes.add("group " + customers.stream().map(Customer::name).sorted().toList());
            if (groupsFail) {
                throw new IllegalStateException("the group's transaction failed (thrown by the test)");
            }
            return customers.stream().map(c -> !c.name().equals("taken")).toList();
        }
    }

    private static Customer customer(String name) {
        return new Customer(name, "30", "addr", "514-1234");
    }

    private static CustomerAddGroupCommit groupCommit(RecordingWriter writer) {
        CustomerAddGroupCommit groupCommit = new CustomerAddGroupCommit();
        groupCommit.writeWith(writer, FeatherBaseGroupCommitTest.reachable());
        return groupCommit;
    }

    /** Adds on threads of their own, started once the first add is inside its write, and waiting in the queue on return. */
    private static List<CompletableFuture<Boolean>> queueBehindTheFirst(CustomerAddGroupCommit groupCommit, RecordingWriter writer,
                                                                        String... names) throws InterruptedException {
        assertTrue(writer.firstStarted.await(10, TimeUnit.SECONDS));
        List<CompletableFuture<Boolean>> adds = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (String name : names) {
            CompletableFuture<Boolean> add = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    add.complete(groupCommit.add(customer(name)));
                } catch (RuntimeException e) {
                    add.completeExceptionally(e);
                }
            });
            thread.start();
            adds.add(add);
            threads.add(thread);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING)) {
            assertTrue(System.nanoTime() - deadline < 0, "the adds queue");
            Thread.sleep(5);
        }
        return adds;
    }

    @Test
    void anAddAloneIsWrittenOutsideAnyTransactionAndItsOutcomeReturned() throws Exception {
        RecordingWriter writer = new RecordingWriter();
        writer.release.countDown();
        CustomerAddGroupCommit groupCommit = groupCommit(writer);

        assertTrue(groupCommit.add(customer("Ann")));
        assertFalse(groupCommit.add(customer("taken")), "a name taken is answered, not thrown");

        assertEquals(List.of("alone Ann", "alone taken"), writer.writes);
        TransactionAttribute alone = CustomerAddWriter.class.getMethod("insertAlone", Customer.class).getAnnotation(TransactionAttribute.class);
        assertEquals(TransactionAttributeType.NOT_SUPPORTED, alone.value(), "auto-commit: MariaDB commits the INSERT before it answers");
        assertNull(CustomerAddWriter.class.getMethod("insertAll", List.class).getAnnotation(TransactionAttribute.class),
                "a group is written in the container's transaction (REQUIRED), committed when insertAll returns");
    }

    @Test
    void addsQueuedDuringAWriteShareOneTransactionAndEachGetsItsOwnOutcome() throws Exception {
        RecordingWriter writer = new RecordingWriter();
        CustomerAddGroupCommit groupCommit = groupCommit(writer);
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> groupCommit.add(customer("first")));
        List<CompletableFuture<Boolean>> queued = queueBehindTheFirst(groupCommit, writer, "b", "taken", "c");
        assertFalse(queued.get(0).isDone(), "a queued add waits for the commit of its own write");

        writer.release.countDown();

        assertTrue(first.get(10, TimeUnit.SECONDS));
        assertTrue(queued.get(0).get(10, TimeUnit.SECONDS));
        assertFalse(queued.get(1).get(10, TimeUnit.SECONDS));
        assertTrue(queued.get(2).get(10, TimeUnit.SECONDS));
        assertEquals(List.of("alone first", "group [b, c, taken]"), writer.writes);
    }

    @Test
    void aGroupThatFailsIsWrittenAgainOneAddAtATimeSoThatOnlyTheFailingAddFails() throws Exception {
        RecordingWriter writer = new RecordingWriter();
        writer.groupsFail = true;
        CustomerAddGroupCommit groupCommit = groupCommit(writer);
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> groupCommit.add(customer("first")));
        List<CompletableFuture<Boolean>> queued = queueBehindTheFirst(groupCommit, writer, "b", "broken");

        writer.release.countDown();

        assertTrue(first.get(10, TimeUnit.SECONDS));
        assertTrue(queued.get(0).get(10, TimeUnit.SECONDS));
        assertTrue(queued.get(1).handle((stored, failure) -> failure != null).get(10, TimeUnit.SECONDS), "only the broken add fails");
        assertEquals("group [b, broken]", writer.writes.get(1));
        assertEquals(List.of("alone b", "alone broken"), writer.writes.subList(2, 4).stream().sorted().toList());
        assertEquals(4, writer.writes.size());
    }
}
