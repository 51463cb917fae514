package dev.portico.jca.spi;

import dev.portico.jca.transport.ListenerSettings;
import jakarta.resource.spi.InvalidPropertyException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Activation spec defaults and validation of the connection limits (issue 8, item 2). */
class SocketActivationSpecTest {

    @Test
    void unsetConnectionLimitsTakeTheProtocolsDefaults() throws Exception {
        assertEquals(10_000, settings("featherbase").maxConnections());
        assertEquals(2_000, settings("customer-directory").maxConnections());
        assertEquals(2_000, settings("rental-intake").maxConnections());
        assertEquals(Duration.ofSeconds(30), settings("featherbase").firstRequestTimeout());
    }

    @Test
    void configuredConnectionLimitsAreUsed() throws Exception {
        SocketActivationSpec spec = spec("featherbase");
        spec.setMaxConnections(500);
        spec.setFirstRequestTimeoutMillis(2_000);
        spec.validate();

        assertEquals(500, spec.settings().maxConnections());
        assertEquals(Duration.ofSeconds(2), spec.settings().firstRequestTimeout());
    }

    @Test
    void aFirstRequestTimeoutThatIsNotPositiveIsRefused() {
        SocketActivationSpec spec = spec("featherbase");
        spec.setFirstRequestTimeoutMillis(0);

        InvalidPropertyException e = assertThrows(InvalidPropertyException.class, spec::validate);
        assertEquals("firstRequestTimeoutMillis must be positive, got 0", e.getMessage());
    }

    private static ListenerSettings settings(String protocol) throws Exception {
        SocketActivationSpec spec = spec(protocol);
        spec.validate();
        return spec.settings();
    }

    private static SocketActivationSpec spec(String protocol) {
        SocketActivationSpec spec = new SocketActivationSpec();
        spec.setProtocol(protocol);
        spec.setPort(0);
        return spec;
    }
}
