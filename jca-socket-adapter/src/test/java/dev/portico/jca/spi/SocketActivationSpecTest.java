package dev.portico.jca.spi;

import dev.portico.jca.transport.ListenerSettings;
import jakarta.resource.spi.InvalidPropertyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Activation spec defaults and {@code validate()}: every property it checks, refused with a message naming it. */
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
    void proxyProtocolHeadersAreTakenOnlyFromTheConfiguredPeers() throws Exception {
        assertFalse(settings("featherbase").trustedProxies().any(), "from no one by default");
        SocketActivationSpec spec = spec("featherbase");
        spec.setProxyProtocolFrom("127.0.0.1, 10.0.0.0/8");
        spec.validate();
        assertTrue(spec.settings().trustedProxies().trusts(InetAddress.getByName("10.1.2.3")));
        assertFalse(spec.settings().trustedProxies().trusts(InetAddress.getByName("127.0.0.2")));
    }

    @Test
    void aProxyThatIsNotAnAddressOrNetworkIsRefusedByName() {
        SocketActivationSpec spec = spec("featherbase");
        spec.setProxyProtocolFrom("haproxy.example");

        InvalidPropertyException e = assertThrows(InvalidPropertyException.class, spec::validate);
        assertEquals("proxyProtocolFrom: not an IP address or network: 'haproxy.example'", e.getMessage());
    }

    @Test
    void aFirstRequestTimeoutThatIsNotPositiveIsRefused() {
        SocketActivationSpec spec = spec("featherbase");
        spec.setFirstRequestTimeoutMillis(0);

        InvalidPropertyException e = assertThrows(InvalidPropertyException.class, spec::validate);
        assertEquals("firstRequestTimeoutMillis must be positive, got 0", e.getMessage());
    }

    @Test
    void aSpecWithTheDefaultsOfEveryProtocolIsValid() throws Exception {
        for (String protocol : new String[] {"customer-directory", "featherbase", "rental-intake"}) {
            spec(protocol).validate();
        }
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "ftp", "FeatherBase"})
    void anUnknownProtocolIsRefusedNamingTheKnownOnes(String protocol) {
        SocketActivationSpec spec = spec("featherbase");
        spec.setProtocol(protocol);

        InvalidPropertyException e = assertThrows(InvalidPropertyException.class, spec::validate);
        assertEquals("protocol must be one of customer-directory, featherbase, rental-intake, got " + protocol, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 65_536})
    void aPortOutsideTheTcpRangeIsRefused(int port) {
        SocketActivationSpec spec = spec("rental-intake");
        spec.setPort(port);

        InvalidPropertyException e = assertThrows(InvalidPropertyException.class, spec::validate);
        assertEquals("port must be 0..65535, got " + port, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 65_535})
    void thePortsAtTheEndsOfTheRangeAreAccepted(int port) throws Exception {
        SocketActivationSpec spec = spec("rental-intake");
        spec.setPort(port);
        spec.validate();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void aBlankBindAddressIsRefused(String address) {
        SocketActivationSpec spec = spec("customer-directory");
        spec.setBindAddress(address);

        InvalidPropertyException e = assertThrows(InvalidPropertyException.class, spec::validate);
        assertEquals("bindAddress must be set", e.getMessage());
    }

    static Stream<Arguments> limits() {
        return Stream.of(
                Arguments.of("maxConnections", (BiConsumer<SocketActivationSpec, Integer>) SocketActivationSpec::setMaxConnections),
                Arguments.of("maxRequestBytes", (BiConsumer<SocketActivationSpec, Integer>) SocketActivationSpec::setMaxRequestBytes),
                Arguments.of("readTimeoutMillis", (BiConsumer<SocketActivationSpec, Integer>) SocketActivationSpec::setReadTimeoutMillis),
                Arguments.of("idleTimeoutMillis", (BiConsumer<SocketActivationSpec, Integer>) SocketActivationSpec::setIdleTimeoutMillis),
                Arguments.of("firstRequestTimeoutMillis",
                        (BiConsumer<SocketActivationSpec, Integer>) SocketActivationSpec::setFirstRequestTimeoutMillis),
                Arguments.of("writeTimeoutMillis", (BiConsumer<SocketActivationSpec, Integer>) SocketActivationSpec::setWriteTimeoutMillis),
                Arguments.of("maxConcurrentRequests", (BiConsumer<SocketActivationSpec, Integer>) SocketActivationSpec::setMaxConcurrentRequests),
                Arguments.of("shutdownGraceMillis", (BiConsumer<SocketActivationSpec, Integer>) SocketActivationSpec::setShutdownGraceMillis));
    }

    @ParameterizedTest
    @MethodSource("limits")
    void everyLimitThatIsNotPositiveIsRefusedByName(String name, BiConsumer<SocketActivationSpec, Integer> setter) throws Exception {
        for (int value : new int[] {0, -5}) {
            SocketActivationSpec spec = spec("featherbase");
            setter.accept(spec, value);
            InvalidPropertyException e = assertThrows(InvalidPropertyException.class, spec::validate);
            assertEquals(name + " must be positive, got " + value, e.getMessage());
        }
        SocketActivationSpec spec = spec("featherbase");
        setter.accept(spec, 1);
        spec.validate();
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
