package dev.portico.application;

import dev.portico.jca.api.ListenerStatistics;
import dev.portico.jca.api.ListenerStatistics.Problem;
import dev.portico.jca.api.ListenerStatistics.ProblemKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A listener's statistics as the dashboard shows them. */
class ListenerStatusTest {

    private static final Instant AT = Instant.parse("2026-11-27T19:00:00Z");

    @Test
    void listenerIsNamedForPeopleWithItsAddressAndPort() {
        ListenerStatus status = ListenerStatus.of(statistics("featherbase", null));

        assertEquals("FeatherBase", status.title());
        assertEquals("127.0.0.1:6969", status.address());
        assertEquals(42, status.requests());
        assertNull(status.lastProblem());
        assertNull(status.lastProblemAt());
    }

    @Test
    void lastProblemSaysWhetherTheServerFailedOrTheInputWasRefused() {
        assertEquals("Error: Find from /127.0.0.1:5000 failed: boom",
                ListenerStatus.of(statistics("customer-directory", new Problem(AT, ProblemKind.ERROR, "Find from /127.0.0.1:5000 failed: boom"))).lastProblem());
        ListenerStatus refused = ListenerStatus.of(statistics("rental-intake", new Problem(AT, ProblemKind.REFUSED, "bad input")));
        assertEquals("Refused: bad input", refused.lastProblem());
        assertEquals(AT, refused.lastProblemAt());
        assertEquals("Rental intake", refused.title());
    }

    @Test
    void trafficDetailsAreCarriedOverWithTheMeanAndLongestAnswerInMilliseconds() {
        java.util.List<Long> buckets = dev.portico.jca.api.ListenerTraffic.Latency.BOUNDS.stream().map(b -> 4L).toList();
        ListenerStatistics s = new ListenerStatistics("customer-directory", "127.0.0.1", 9999, true, AT, 1, 5, 42, 2, 3, null,
                new dev.portico.jca.api.ListenerTraffic(1, java.util.Map.of("find", 3L), java.util.Map.of("bad_input", 2L), 7, 0, 5, 12,
                        new dev.portico.jca.api.ListenerTraffic.Latency(4, 10_000_000, 6_000_000, buckets)));

        TrafficStatus traffic = ListenerStatus.of(s).traffic();

        assertEquals(1, traffic.inFlight());
        assertEquals(3, traffic.requests("find"));
        assertEquals(0, traffic.requests("add"));
        assertEquals(2, traffic.problems("bad_input"));
        assertEquals(0, traffic.problems("timed_out"));
        assertEquals(7, traffic.connectionsEvicted());
        assertEquals(5, traffic.gatheredCalls());
        assertEquals(12, traffic.gatheredRequests());
        assertEquals(2.5, traffic.latencyMeanMillis(), 1e-9);
        assertEquals(6.0, traffic.latencyMaxMillis(), 1e-9);
        assertEquals(buckets, traffic.latencyBuckets());
        assertEquals(java.util.List.of("intake"), TrafficStatus.commands("rental-intake"));
    }

    private static ListenerStatistics statistics(String protocol, Problem problem) {
        return new ListenerStatistics(protocol, "127.0.0.1", 6969, true, AT, 1, 5, 42, 2, 3, problem);
    }
}
