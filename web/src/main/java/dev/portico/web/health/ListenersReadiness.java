package dev.portico.web.health;

import dev.portico.application.ListenerStatus;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The listeners' readiness from a snapshot: UP when every expected protocol has a listener and each
 * listener of it is listening (one whose loop failed stays registered as not listening).
 */
final class ListenersReadiness {

    static final String NAME = "portico-listeners";

    /** The protocols the EAR's message-driven beans serve, one listener each. */
    static final List<String> EXPECTED = List.of("customer-directory", "featherbase", "rental-intake");

    private ListenersReadiness() {
    }

    static HealthCheckResponse of(List<ListenerStatus> listeners) {
        Map<String, Object> byProtocol = new LinkedHashMap<>();
        Status status = Status.UP;
        for (String protocol : EXPECTED) {
            List<ListenerStatus> serving = listeners.stream().filter(l -> l.protocol().equals(protocol)).toList();
            boolean listening = !serving.isEmpty() && serving.stream().allMatch(ListenerStatus::listening);
            byProtocol.put(protocol, listening ? "UP" : "DOWN");
            if (!listening) {
                status = Status.DOWN;
            }
        }
        return new HealthCheckResponse(NAME, status, Optional.of(byProtocol));
    }
}
