package dev.portico.web.health;

import dev.portico.application.ListenerStatus;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ListenersReadinessTest {

    private static ListenerStatus listener(String protocol, boolean listening) {
        return new ListenerStatus(protocol, protocol, "127.0.0.1:1", listening, Instant.EPOCH, 0, 0, 0, 0, 0, null, null);
    }

    @Test
    void upWhenAllThreeProtocolsListen() {
        HealthCheckResponse response = ListenersReadiness.of(List.of(
                listener("customer-directory", true), listener("featherbase", true), listener("rental-intake", true)));

        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        assertEquals("UP", response.getData().orElseThrow().get("featherbase"));
    }

    @Test
    void downWhenOneListenerStoppedListening() {
        HealthCheckResponse response = ListenersReadiness.of(List.of(
                listener("customer-directory", true), listener("featherbase", false), listener("rental-intake", true)));

        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertEquals("DOWN", response.getData().orElseThrow().get("featherbase"));
        assertEquals("UP", response.getData().orElseThrow().get("rental-intake"));
    }

    @Test
    void downWhenAListenerIsMissingAltogether() {
        HealthCheckResponse response = ListenersReadiness.of(List.of(
                listener("customer-directory", true), listener("featherbase", true)));

        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertEquals("DOWN", response.getData().orElseThrow().get("rental-intake"));
    }

    @Test
    void downWhenASecondListenerOfAProtocolIsNotListening() {
        HealthCheckResponse response = ListenersReadiness.of(List.of(listener("customer-directory", true),
                listener("featherbase", true), listener("featherbase", false), listener("rental-intake", true)));

        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
    }

    @Test
    void downWithNoListenersAtAll() {
        assertEquals(HealthCheckResponse.Status.DOWN, ListenersReadiness.of(List.of()).getStatus());
    }
}
