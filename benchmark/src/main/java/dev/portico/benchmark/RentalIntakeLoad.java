package dev.portico.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives the car-rental intake listener as the desk client does (connect, send one pickle with one
 * rental, read the reply, close) from 1 and 32 concurrent clients, and prints requests per second,
 * p50/p99 latency and failed requests. Run it with an empty rental table and again after
 * {@link RentalBulkLoad} has stored a million rentals to see whether intake slows with the data.
 * With {@code --pids LIBERTY,MARIADB} it also prints each process's CPU microseconds per request.
 */
public final class RentalIntakeLoad {

    private static final String USAGE = "usage: RentalIntakeLoad [--host 127.0.0.1] [--port 1234] [--clients 1,32] [--seconds 10] [--warmup 3]"
            + " [--pids LIBERTY_PID,MARIADB_PID]";
    private static final String STORED = "Data received and stored successfully";
    private static final String[] CARS = {"Corolla", "Kancil", "Axia"};

    private RentalIntakeLoad() {
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options(args, USAGE);
        String host = options.text("host", "127.0.0.1");
        int port = options.number("port", 1234);
        int seconds = options.number("seconds", 10);
        int warmup = options.number("warmup", 3);
        System.out.printf(Locale.ROOT, "Rental intake %s:%d, one rental per request, %d s per run after %d s warm-up%n", host, port, seconds, warmup);
        System.out.printf(Locale.ROOT, "%8s %10s %10s %9s %9s %8s%n", "clients", "requests", "req/s", "p50 ms", "p99 ms", "failed");
        ProcessCpu cpu = new ProcessCpu(options.text("pids", ""));
        for (int clients : options.numbers("clients", "1,32")) {
            run(host, port, clients, warmup);
            cpu.start();
            long[] result = run(host, port, clients, seconds);
            long[] sorted = java.util.Arrays.copyOfRange(result, 1, result.length);
            System.out.printf(Locale.ROOT, "%8d %10d %10.0f %9.2f %9.2f %8d%s%n", clients, sorted.length, sorted.length / (double) seconds,
                    LatencyRecorder.percentileMillis(sorted, 50), LatencyRecorder.percentileMillis(sorted, 99), result[0], cpu.perRequest(sorted.length));
        }
    }

    /** Failures first, then every latency, sorted. */
    private static long[] run(String host, int port, int clients, int seconds) throws Exception {
        List<LatencyRecorder> recorders = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        AtomicLong failed = new AtomicLong();
        CountDownLatch go = new CountDownLatch(1);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        for (int i = 0; i < clients; i++) {
            LatencyRecorder recorder = new LatencyRecorder();
            recorders.add(recorder);
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    while (System.nanoTime() < deadline) {
                        byte[] pickle = PickleWriter.rentals(List.of(rental()));
                        long started = System.nanoTime();
                        String reply = send(host, port, pickle);
                        recorder.record(System.nanoTime() - started);
                        if (!STORED.equals(reply)) {
                            failed.incrementAndGet();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            threads.add(t);
            t.start();
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        long[] sorted = LatencyRecorder.merged(recorders);
        long[] result = new long[sorted.length + 1];
        result[0] = failed.get();
        System.arraycopy(sorted, 0, result, 1, sorted.length);
        return result;
    }

    private static List<String> rental() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        int day = 1 + r.nextInt(28);
        int hour = r.nextInt(12);
        return List.of("Load renter " + r.nextInt(10_000), r.nextBoolean() ? "M" : "F", CARS[r.nextInt(3)], r.nextInt(1000) + "KM",
                String.format(Locale.ROOT, "2025-02-%02d %02d:00:00", day, hour), String.format(Locale.ROOT, "2025-02-%02d %02d:30:00", day, hour + 1));
    }

    private static String send(String host, int port, byte[] pickle) {
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(pickle);
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "failed: " + e;
        }
    }
}
