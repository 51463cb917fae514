package dev.portico.web.console;

import dev.portico.application.ListenerStatus;
import dev.portico.application.TrafficStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How the dashboard's Requests table writes a listener's commands, problems, reads answered together and answer times. */
class DashboardTrafficTextTest {

    private final DashboardPage page = new DashboardPage();

    @Test
    void commandsAreListedInTheProtocolsOrderWithoutThoseNeverSent() {
        ListenerStatus customers = status("customer-directory", Map.of("delete", 1L, "find", 1_203L, "add", 0L), Map.of());

        assertEquals("find 1,203, delete 1", page.commands(customers));
        assertEquals("none", page.commands(status("featherbase", Map.of(), Map.of())));
    }

    @Test
    void problemsAreListedByKindInAFixedOrder() {
        ListenerStatus rentals = status("rental-intake", Map.of(), Map.of("timed_out", 20_000L, "application", 1L));

        assertEquals("application 1, timed_out 20,000", page.problems(rentals));
        assertEquals("none", page.problems(status("rental-intake", Map.of(), Map.of())));
    }

    @Test
    void readsAnsweredTogetherShowTheirCountAndTheCallsOrNone() {
        assertEquals("3,145 in 405 calls", page.together(status("featherbase", Map.of(), Map.of(), 405, 3145)));
        assertEquals("2 in 1 call", page.together(status("featherbase", Map.of(), Map.of(), 1, 2)));
        assertEquals("none", page.together(status("customer-directory", Map.of(), Map.of())));
    }

    @Test
    void shortTimesKeepTwoDecimalsAndLongOnesAreGrouped() {
        assertEquals("0.42 ms", page.millis(0.4213));
        assertEquals("12 ms", page.millis(12.4));
        assertEquals("1,250 ms", page.millis(1250.2));
    }

    private static ListenerStatus status(String protocol, Map<String, Long> commands, Map<String, Long> problems) {
        return status(protocol, commands, problems, 0, 0);
    }

    private static ListenerStatus status(String protocol, Map<String, Long> commands, Map<String, Long> problems, long gatheredCalls,
                                         long gatheredRequests) {
        List<Long> buckets = TrafficStatus.LATENCY_BOUNDS.stream().map(b -> 0L).toList();
        return new ListenerStatus(protocol, protocol, "127.0.0.1:1", true, Instant.EPOCH, 0, 0, 0, 0, 0, null, null,
                new TrafficStatus(0, commands, problems, 0, 0, gatheredCalls, gatheredRequests, 0, 0, 0, buckets));
    }
}
