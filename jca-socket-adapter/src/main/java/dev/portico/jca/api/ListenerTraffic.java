package dev.portico.jca.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one listener's requests look like since it started: how many are being answered now, how many
 * each command had, the problems by kind, connections closed to make room, and how long the
 * application took to answer.
 *
 * @param inFlight           requests the application is answering now
 * @param requestsByCommand  requests answered by the application, by {@link RequestCommands command}; commands never
 *                           seen are absent
 * @param problemsByKind     failed and refused requests by kind (one of {@link #PROBLEM_KINDS}); kinds never seen are absent
 * @param connectionsEvicted idle connections closed so that a new client could be served (the listener was full)
 * @param acceptFailures     times accepting a connection failed (e.g. no file descriptor left); the clients wait in the backlog
 * @param gatheredCalls      calls of the application that answered several requests of different connections together
 * @param gatheredRequests   the requests they answered
 * @param latency            how long answering took
 */
public record ListenerTraffic(int inFlight, Map<String, Long> requestsByCommand, Map<String, Long> problemsByKind,
                              long connectionsEvicted, long acceptFailures, long gatheredCalls, long gatheredRequests, Latency latency) {

    /**
     * The kinds of problem: {@code application} (the application failed; answered with the generic error),
     * {@code connection} (serving a connection failed; it was closed), {@code bad_input} (malformed or oversized,
     * answered by the protocol), {@code incomplete} (the client closed mid-request), {@code timed_out} (a request
     * not completed in time), {@code cut_off} (a client that took nothing of its reply for the write timeout).
     */
    public static final List<String> PROBLEM_KINDS = List.of("application", "connection", "bad_input", "incomplete", "timed_out", "cut_off");

    /** Traffic of a listener that served nothing. */
    public static final ListenerTraffic NONE = new ListenerTraffic(0, Map.of(), Map.of(), 0, 0, 0, 0, Latency.NONE);

    public ListenerTraffic {
        requestsByCommand = Map.copyOf(requestsByCommand);
        problemsByKind = Map.copyOf(problemsByKind);
    }

    /**
     * How long the application took to answer requests (from the worker taking the request to its reply
     * encoded: delivery, transaction and commit included; waiting for a worker and writing the reply not).
     *
     * @param count      requests timed
     * @param totalNanos their time together
     * @param maxNanos   the longest
     * @param buckets    for each bound of {@link #BOUNDS}, the requests that took at most that long (cumulative,
     *                   as Prometheus histogram buckets); requests above the last bound count only in {@code count}
     */
    public record Latency(long count, long totalNanos, long maxNanos, List<Long> buckets) {

        /** The buckets' upper bounds. */
        public static final List<Duration> BOUNDS = List.of(Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofNanos(2_500_000),
                Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
                Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
                Duration.ofSeconds(10));

        static final Latency NONE = new Latency(0, 0, 0, BOUNDS.stream().map(b -> 0L).toList());

        public Latency {
            buckets = List.copyOf(buckets);
            if (buckets.size() != BOUNDS.size()) {
                throw new IllegalArgumentException(buckets.size() + " buckets for " + BOUNDS.size() + " bounds");
            }
        }
    }
}
