package dev.portico.benchmark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives a FeatherBase listener with closed-loop clients (each sends a command and waits for the
 * reply) and prints requests per second and p50/p99 latency per mix and connection count.
 * Mixes: {@code mixed} = 50% addrow, 50% getrow of a random existing row; {@code read} = getrow only.
 * With {@code --pids LIBERTY,MARIADB} it also prints each process's CPU microseconds per request.
 */
public final class FeatherBaseLoad {

    private static final String USAGE = "usage: FeatherBaseLoad [--host 127.0.0.1] [--port 6969] [--connections 1,8,32]"
            + " [--mixes mixed,read] [--seconds 10] [--warmup 3] [--preload 10000]"
            + " [--pids LIBERTY_PID,MARIADB_PID]";
    private static final String DB = "bench";
    private static final String TABLE = "items";
    private static final java.util.Set<String> STATUS_WORDS = java.util.Set.of("SUCCESS", "NOTFOUND", "EXISTS", "INVALID", "FAILURE", "SYNTAXERROR");

    private FeatherBaseLoad() {
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options(args, USAGE);
        String host = options.text("host", "127.0.0.1");
        int port = options.number("port", 6969);
        int seconds = options.number("seconds", 10);
        int warmup = options.number("warmup", 3);
        long rows = prepare(host, port, options.number("preload", 10_000));
        System.out.printf(Locale.ROOT, "FeatherBase %s:%d, table %s/%s with %d rows, %d s per run after %d s warm-up%n",
                host, port, DB, TABLE, rows, seconds, warmup);
        System.out.printf(Locale.ROOT, "%-6s %11s %10s %10s %9s %9s %7s%n", "mix", "connections", "requests", "req/s", "p50 ms", "p99 ms", "errors");
        AtomicLong rowCount = new AtomicLong(rows);
        ProcessCpu cpu = new ProcessCpu(options.text("pids", ""));
        for (String mix : options.texts("mixes", "mixed,read")) {
            for (int connections : options.numbers("connections", "1,8,32")) {
                run(host, port, mix, connections, warmup, rowCount);
                cpu.start();
                Result result = run(host, port, mix, connections, seconds, rowCount);
                System.out.printf(Locale.ROOT, "%-6s %11d %10d %10.0f %9.2f %9.2f %7d%s%n", mix, connections, result.requests,
                        result.requests / (double) seconds, result.p50, result.p99, result.errors, cpu.perRequest(result.requests));
            }
        }
    }

    private record Result(long requests, double p50, double p99, long errors) { }

    /** Creates the benchmark table if needed and fills it to {@code preload} rows; returns its row count. */
    private static long prepare(String host, int port, int preload) throws IOException {
        try (FeatherBaseConnection c = new FeatherBaseConnection(host, port)) {
            c.ask("createdb", DB);
            c.ask("addtbl", DB + '\u0001' + TABLE + '\u0002' + "sku\tname\tqty");
            long rows = countRows(c);
            for (; rows < preload; rows++) {
                c.ask("addrow", DB + '\u0001' + TABLE + '\u0002' + row(rows));
            }
            return rows;
        }
    }

    /** The table's row count, found with getrow probes (a missing row answers INVALID). */
    private static long countRows(FeatherBaseConnection c) throws IOException {
        if (missing(c, 0)) {
            return 0;
        }
        long high = 1;
        while (!missing(c, high)) {
            high *= 2;
        }
        long low = high / 2;
        while (high - low > 1) {
            long mid = (low + high) / 2;
            if (missing(c, mid)) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return high;
    }

    private static boolean missing(FeatherBaseConnection c, long row) throws IOException {
        return "INVALID".equals(c.ask("getrow", DB + '\u0001' + TABLE + '\u0002' + row));
    }

    private static Result run(String host, int port, String mix, int connections, int seconds, AtomicLong rowCount) throws Exception {
        List<LatencyRecorder> recorders = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(connections);
        CountDownLatch go = new CountDownLatch(1);
        long[] deadline = new long[1];
        for (int i = 0; i < connections; i++) {
            LatencyRecorder recorder = new LatencyRecorder();
            recorders.add(recorder);
            Thread t = new Thread(() -> client(host, port, mix, recorder, errors, rowCount, ready, go, deadline));
            threads.add(t);
            t.start();
        }
        ready.await();
        deadline[0] = System.nanoTime() + seconds * 1_000_000_000L;
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        long[] sorted = LatencyRecorder.merged(recorders);
        return new Result(sorted.length, LatencyRecorder.percentileMillis(sorted, 50), LatencyRecorder.percentileMillis(sorted, 99), errors.get());
    }

    private static void client(String host, int port, String mix, LatencyRecorder recorder, AtomicLong errors, AtomicLong rowCount,
                               CountDownLatch ready, CountDownLatch go, long[] deadline) {
        try (FeatherBaseConnection c = new FeatherBaseConnection(host, port)) {
            ready.countDown();
            go.await();
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (System.nanoTime() < deadline[0]) {
                boolean write = mix.equals("mixed") && random.nextBoolean();
                long started = System.nanoTime();
                String reply;
                if (write) {
                    reply = c.ask("addrow", DB + '\u0001' + TABLE + '\u0002' + row(random.nextLong(1_000_000)));
                } else {
                    reply = c.ask("getrow", DB + '\u0001' + TABLE + '\u0002' + random.nextLong(rowCount.get()));
                }
                recorder.record(System.nanoTime() - started);
                boolean ok = write ? reply.equals("SUCCESS") : !STATUS_WORDS.contains(reply);
                if (!ok) {
                    errors.incrementAndGet();
                } else if (write) {
                    rowCount.incrementAndGet();
                }
            }
        } catch (IOException e) {
            errors.incrementAndGet();
            System.err.println("client failed: " + e);
            ready.countDown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String row(long n) {
        return "SKU-" + n + "\tItem number " + n + "\t" + (n % 1000);
    }
}
