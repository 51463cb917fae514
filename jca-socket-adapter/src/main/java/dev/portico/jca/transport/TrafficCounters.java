package dev.portico.jca.transport;

import dev.portico.jca.api.ListenerTraffic;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * One listener's requests in detail, safe from any thread: in flight, by command, problems by kind,
 * evictions and accept failures, and a latency histogram. A request costs two {@link LongAdder}
 * increments, a map look-up and one bucket's increment.
 */
final class TrafficCounters {

    private final LongAdder inFlight = new LongAdder();
    private final Map<String, LongAdder> commands = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> problems = new ConcurrentHashMap<>();
    private final LongAdder evicted = new LongAdder();
    private final LongAdder acceptFailures = new LongAdder();
    private final LongAdder gatheredCalls = new LongAdder();
    private final LongAdder gatheredRequests = new LongAdder();
    private final LongAdder latencyCount = new LongAdder();
    private final LongAdder latencyTotal = new LongAdder();
    private final AtomicLong latencyMax = new AtomicLong();
    private final LongAdder[] latencyBuckets = new LongAdder[ListenerTraffic.Latency.BOUNDS.size()];
    private final long[] boundsNanos = ListenerTraffic.Latency.BOUNDS.stream().mapToLong(d -> d.toNanos()).toArray();

    TrafficCounters() {
        for (int i = 0; i < latencyBuckets.length; i++) {
            latencyBuckets[i] = new LongAdder();
        }
    }

    /** One call of the application answers {@code requests} requests of different connections together. */
    void gathered(int requests) {
        gatheredCalls.increment();
        gatheredRequests.add(requests);
    }

    /** The application starts answering {@code requests} requests (one, or several together); returns the start time to give {@link #answered} for each. */
    long answering(int requests) {
        inFlight.add(requests);
        return System.nanoTime();
    }

    /** The application has answered (or failed to answer) a request of {@code command} begun at {@code startedNanos}. */
    void answered(String command, long startedNanos) {
        long nanos = Math.max(0, System.nanoTime() - startedNanos);
        commands.computeIfAbsent(command, k -> new LongAdder()).increment();
        latencyCount.increment();
        latencyTotal.add(nanos);
        if (nanos > latencyMax.get()) {
            latencyMax.accumulateAndGet(nanos, Math::max);
        }
        for (int i = 0; i < boundsNanos.length; i++) {
            if (nanos <= boundsNanos[i]) {
                latencyBuckets[i].increment();
                break;
            }
        }
        inFlight.decrement();
    }

    /** A failed or refused request, of one of {@link ListenerTraffic#PROBLEM_KINDS}. */
    void problem(String kind) {
        problems.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    void evicted() {
        evicted.increment();
    }

    void acceptFailed() {
        acceptFailures.increment();
    }

    ListenerTraffic snapshot() {
        long[] cumulative = new long[latencyBuckets.length];
        long sum = 0;
        for (int i = 0; i < latencyBuckets.length; i++) {
            sum += latencyBuckets[i].sum();
            cumulative[i] = sum;
        }
        long count = Math.max(latencyCount.sum(), sum);
        return new ListenerTraffic((int) Math.max(0, inFlight.sum()), sums(commands), sums(problems), evicted.sum(), acceptFailures.sum(),
                gatheredCalls.sum(), gatheredRequests.sum(),
                new ListenerTraffic.Latency(count, latencyTotal.sum(), latencyMax.get(), java.util.Arrays.stream(cumulative).boxed().toList()));
    }

    private static Map<String, Long> sums(Map<String, LongAdder> counters) {
        Map<String, Long> sums = new TreeMap<>();
        counters.forEach((name, adder) -> sums.put(name, adder.sum()));
        return sums;
    }
}
