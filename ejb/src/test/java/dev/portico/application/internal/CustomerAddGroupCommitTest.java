package dev.portico.application.internal;

import dev.portico.domain.customer.Customer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An add alone is one auto-committed INSERT (no transaction); adds that queue meanwhile share one transaction. */
class CustomerAddGroupCommitTest {

    /** Records how each add was written; the first add alone waits for {@code release} inside its write. */
    private static final class RecordingWriter extends CustomerAddWriter {
        final List<String> writes = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch firstStarted = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

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
            return !customer.name().equals("taken");
        }

        @Override
        public List<Boolean> insertAll(List<Customer> customers) {
            writes.add("group " + customers.stream().map(Customer::name).sorted().toList());
            return customers.stream().map(c -> !c.name().equals("taken")).toList();
        }
    }

    private static Customer customer(String name) {
        return new Customer(name, "30", "addr", "514-1234");
    }

    @Test
    void anAddAloneIsWrittenAloneAndItsOutcomeReturned() {
        RecordingWriter writer = new RecordingWriter();
        writer.release.countDown();
        CustomerAddGroupCommit groupCommit = new CustomerAddGroupCommit();
        groupCommit.writeWith(writer, FeatherBaseGroupCommitTest.reachable());

        assertTrue(groupCommit.add(customer("Ann")));
        assertFalse(groupCommit.add(customer("taken")), "a name taken is answered, not thrown");

        assertEquals(List.of("alone Ann", "alone taken"), writer.writes);
    }

    @Test
    void addsQueuedDuringAWriteShareOneTransactionAndEachGetsItsOwnOutcome() throws Exception {
        RecordingWriter writer = new RecordingWriter();
        CustomerAddGroupCommit groupCommit = new CustomerAddGroupCommit();
        groupCommit.writeWith(writer, FeatherBaseGroupCommitTest.reachable());
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            Future<Boolean> first = clients.submit(() -> groupCommit.add(customer("first")));
            assertTrue(writer.firstStarted.await(10, TimeUnit.SECONDS));
            Future<Boolean> b = clients.submit(() -> groupCommit.add(customer("b")));
            Future<Boolean> taken = clients.submit(() -> groupCommit.add(customer("taken")));
            Future<Boolean> c = clients.submit(() -> groupCommit.add(customer("c")));
            Thread.sleep(200); // the three queue behind the first write
            assertFalse(b.isDone(), "a queued add waits for the commit of its own write");

            writer.release.countDown();

            assertTrue(first.get(10, TimeUnit.SECONDS));
            assertTrue(b.get(10, TimeUnit.SECONDS));
            assertFalse(taken.get(10, TimeUnit.SECONDS));
            assertTrue(c.get(10, TimeUnit.SECONDS));
            assertEquals(List.of("alone first", "group [b, c, taken]"), writer.writes);
        } finally {
            clients.shutdownNow();
        }
    }
}
