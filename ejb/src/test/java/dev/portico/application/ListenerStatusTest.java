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

    private static ListenerStatistics statistics(String protocol, Problem problem) {
        return new ListenerStatistics(protocol, "127.0.0.1", 6969, true, AT, 1, 5, 42, 2, 3, problem);
    }
}
