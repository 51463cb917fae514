package dev.portico.application;

import dev.portico.jca.api.ListenerTraffic;
import dev.portico.jca.api.RequestCommands;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A socket listener's requests in detail, for the dashboard and the metrics: counts since the listener
 * started, like those of {@link ListenerStatus}.
 *
 * @param inFlight           requests the application is answering now
 * @param requestsByCommand  requests the application answered, by command (see {@link #commands(String)}); absent: none
 * @param problemsByKind     failed and refused requests by kind (see {@link #PROBLEM_KINDS}); absent: none
 * @param connectionsEvicted idle connections closed to serve a new client
 * @param acceptFailures     times a connection could not be accepted (it waited in the backlog)
 * @param gatheredCalls      calls that answered requests of several connections together (FeatherBase reads)
 * @param gatheredRequests   the requests they answered
 * @param latencyCount       requests timed
 * @param latencyTotalNanos  their time together
 * @param latencyMaxNanos    the longest
 * @param latencyBuckets     requests at most as long as each of {@link #LATENCY_BOUNDS}, cumulative
 */
public record TrafficStatus(int inFlight, Map<String, Long> requestsByCommand, Map<String, Long> problemsByKind,
                            long connectionsEvicted, long acceptFailures, long gatheredCalls, long gatheredRequests,
                            long latencyCount, long latencyTotalNanos,
                            long latencyMaxNanos, List<Long> latencyBuckets) {

    /** The kinds of problem counted, in a fixed order. */
    public static final List<String> PROBLEM_KINDS = ListenerTraffic.PROBLEM_KINDS;

    /** The upper bounds of the latency buckets. */
    public static final List<Duration> LATENCY_BOUNDS = ListenerTraffic.Latency.BOUNDS;

    /** No traffic. */
    public static final TrafficStatus NONE = of(ListenerTraffic.NONE);

    public static TrafficStatus of(ListenerTraffic t) {
        return new TrafficStatus(t.inFlight(), t.requestsByCommand(), t.problemsByKind(), t.connectionsEvicted(), t.acceptFailures(),
                t.gatheredCalls(), t.gatheredRequests(),
                t.latency().count(), t.latency().totalNanos(), t.latency().maxNanos(), t.latency().buckets());
    }

    /** Every command of a protocol, in its description's order. */
    public static List<String> commands(String protocol) {
        return RequestCommands.known(protocol);
    }

    /** Requests of {@code command} answered; 0 for none. */
    public long requests(String command) {
        return requestsByCommand.getOrDefault(command, 0L);
    }

    /** Problems of {@code kind}; 0 for none. */
    public long problems(String kind) {
        return problemsByKind.getOrDefault(kind, 0L);
    }

    /** The mean answering time in milliseconds; 0 when nothing was timed. */
    public double latencyMeanMillis() {
        return latencyCount == 0 ? 0 : latencyTotalNanos / 1e6 / latencyCount;
    }

    public double latencyMaxMillis() {
        return latencyMaxNanos / 1e6;
    }
}
