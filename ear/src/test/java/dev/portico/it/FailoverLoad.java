package dev.portico.it;

import dev.portico.it.ScaleOut.Listener;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Writers on all three protocols through HAProxy's front ports, each recording what was
 * acknowledged and when; a writer whose connection breaks connects again (as a client would) and
 * goes on. Then the database is read to find acknowledged writes that are missing.
 */
final class FailoverLoad {

    private static final String STORED = "Data received and stored successfully";
    private static final int FIRST_MILEAGE = 500_000;

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    private final List<String> rows = Collections.synchronizedList(new ArrayList<>());
    private final List<String> customers = Collections.synchronizedList(new ArrayList<>());
    private final List<Integer> rentals = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> acknowledgedAt = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger failures = new AtomicInteger();

    private FailoverLoad() {
    }

    static FailoverLoad start() throws IOException {
        try (FeatherBaseClient setup = new FeatherBaseClient(ScaleOut.port(Listener.FEATHERBASE, 1))) {
            assertEquals("SUCCESS", setup.ask("createdb|failover"));
            assertEquals("SUCCESS", setup.ask("addtbl|failover|t>writer,seq"));
        }
        FailoverLoad load = new FailoverLoad();
        for (int w = 0; w < 3; w++) {
            int writer = w;
            load.threads.add(new Thread(() -> load.writeRows(writer)));
        }
        for (int w = 0; w < 2; w++) {
            int writer = w;
            load.threads.add(new Thread(() -> load.addCustomers(writer)));
            load.threads.add(new Thread(() -> load.sendRentals(FIRST_MILEAGE + writer * 100_000)));
        }
        load.threads.forEach(Thread::start);
        return load;
    }

    Outcome stop() throws Exception {
        running.set(false);
        for (Thread t : threads) {
            t.join(60_000);
        }
        return new Outcome();
    }

    private void writeRows(int writer) {
        int seq = 0;
        while (running.get()) {
            try (FeatherBaseClient client = new FeatherBaseClient(Listener.FEATHERBASE.front())) {
                for (; running.get(); seq++) {
                    if (client.ask("addrow|failover|t>" + writer + "," + seq).equals("SUCCESS")) {
                        acknowledged(rows, writer + "\t" + seq);
                    } else {
                        failures.incrementAndGet();
                    }
                }
            } catch (IOException | RuntimeException e) {
                failures.incrementAndGet();
                seq++; // this one's outcome is unknown: never reused
                pause();
            }
        }
    }

    private void addCustomers(int writer) {
        for (int seq = 0; running.get(); seq++) {
            String name = "Failover" + writer + "x" + seq;
            try {
                if (CustomerDirectoryClient.ask(Listener.CUSTOMER.front(), "2|" + name + "|1||\n").equals("2|" + name + "|1|| added to the database")) {
                    acknowledged(customers, name);
                } else {
                    failures.incrementAndGet();
                }
            } catch (RuntimeException e) {
                failures.incrementAndGet();
                pause();
            }
        }
    }

    private void sendRentals(int firstMileage) {
        for (int mileage = firstMileage; running.get(); mileage++) {
            byte[] pickle = RentalPickle.of(List.of(List.of("Failover", "M", "Corolla", mileage + "KM", "2024-02-01 08:00:00", "2024-02-01 18:00:00")));
            try {
                if (RentalClient.send(Listener.RENTAL.front(), pickle).startsWith(STORED)) {
                    acknowledged(rentals, mileage);
                } else {
                    failures.incrementAndGet();
                }
            } catch (RuntimeException e) {
                failures.incrementAndGet();
                pause();
            }
        }
    }

    private <T> void acknowledged(List<T> list, T write) {
        list.add(write);
        acknowledgedAt.add(System.nanoTime());
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What was acknowledged, and what of it the database has. */
    final class Outcome {

        private final List<String> storedRows = TestDatabase.rows("SELECT r.row_no FROM fb_row r JOIN fb_table t ON t.id = r.table_id"
                + " WHERE t.name = 't' AND t.database_id = (SELECT id FROM fb_database WHERE name = 'failover') ORDER BY r.row_no");

        private Outcome() throws SQLException {
        }

        boolean everyProtocolWrote() {
            return !rows.isEmpty() && !customers.isEmpty() && !rentals.isEmpty();
        }

        long acknowledgedAfter(long nanos) {
            synchronized (acknowledgedAt) {
                return acknowledgedAt.stream().filter(t -> t > nanos).count();
            }
        }

        List<String> lostRows() throws IOException {
            Set<String> stored = new HashSet<>();
            try (FeatherBaseClient reader = new FeatherBaseClient(ScaleOut.port(Listener.FEATHERBASE, 1))) {
                for (int row = 0; row < storedRows.size(); row++) {
                    stored.add(reader.ask("getrow|failover|t>" + row));
                }
            }
            return rows.stream().filter(r -> !stored.contains(r)).toList();
        }

        List<String> lostCustomers() throws SQLException {
            Set<String> stored = new HashSet<>(TestDatabase.rows("SELECT name FROM customer WHERE name LIKE 'Failover%'"));
            return customers.stream().filter(c -> !stored.contains(c)).toList();
        }

        /** Acknowledged mileages not stored exactly once, and any stored twice. */
        List<String> lostOrDoubledRentals() throws SQLException {
            Map<Integer, Integer> stored = new HashMap<>();
            for (String m : TestDatabase.rows("SELECT mileage_km FROM rental WHERE mileage_km >= " + FIRST_MILEAGE)) {
                stored.merge(Integer.valueOf(m), 1, Integer::sum);
            }
            List<String> wrong = new ArrayList<>();
            rentals.stream().filter(m -> stored.getOrDefault(m, 0) != 1).forEach(m -> wrong.add(m + " stored " + stored.getOrDefault(m, 0) + " times"));
            stored.forEach((m, n) -> {
                if (n > 1) {
                    wrong.add(m + " stored " + n + " times");
                }
            });
            return wrong;
        }

        /** Row numbers missing below the highest stored one. */
        List<Integer> rowNumberGaps() {
            List<Integer> gaps = new ArrayList<>();
            for (int i = 0; i < storedRows.size(); i++) {
                if (Integer.parseInt(storedRows.get(i)) != i) {
                    gaps.add(i);
                    break;
                }
            }
            return gaps;
        }

        /** The longest time in which no write of any protocol was acknowledged (the failover's cost). */
        long longestPauseMillis() {
            List<Long> times;
            synchronized (acknowledgedAt) {
                times = new ArrayList<>(acknowledgedAt);
            }
            Collections.sort(times);
            long longest = 0;
            for (int i = 1; i < times.size(); i++) {
                longest = Math.max(longest, times.get(i) - times.get(i - 1));
            }
            return longest / 1_000_000;
        }

        @Override
        public String toString() {
            return "longest pause without an acknowledged write " + longestPauseMillis() + " ms; " + rows.size() + " rows, " + customers.size() + " customers, " + rentals.size() + " rentals acknowledged; "
                    + failures.get() + " requests failed or were cut (not acknowledged)";
        }
    }
}
