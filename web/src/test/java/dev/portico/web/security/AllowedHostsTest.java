package dev.portico.web.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AllowedHostsTest {

    private final AllowedHosts defaults = AllowedHosts.parse("localhost,127.0.0.1");

    @Test
    void theConfiguredNamesWithOrWithoutAPortAreAllowedInAnyCase() {
        assertTrue(defaults.allowsHostHeader("localhost"));
        assertTrue(defaults.allowsHostHeader("LocalHost:9080"));
        assertTrue(defaults.allowsHostHeader("127.0.0.1:9080"));
    }

    @Test
    void anyOtherNameIsRefusedEvenWhenItResolvesToTheSameAddress() {
        assertFalse(defaults.allowsHostHeader("rebind.attacker.example:9080"));
        assertFalse(defaults.allowsHostHeader("localhost.attacker.example"));
        assertFalse(defaults.allowsHostHeader("localhost."));
        assertFalse(defaults.allowsHostHeader("127.0.0.2"));
        assertFalse(defaults.allowsHostHeader(""));
        assertFalse(defaults.allowsHostHeader(null));
    }

    @Test
    void aMalformedPortIsRefused() {
        assertFalse(defaults.allowsHostHeader("localhost:"));
        assertFalse(defaults.allowsHostHeader("localhost:80x"));
        assertFalse(defaults.allowsHostHeader("localhost:9080@evil.example"));
    }

    @Test
    void ipv6AddressesAreConfiguredInBrackets() {
        AllowedHosts hosts = AllowedHosts.parse(" localhost  [::1] ,portico.internal ");
        assertTrue(hosts.allowsHostHeader("[::1]:9080"));
        assertTrue(hosts.allowsHostHeader("[::1]"));
        assertTrue(hosts.allowsHostHeader("portico.internal"));
        assertFalse(hosts.allowsHostHeader("[::2]:9080"));
    }

    @Test
    void anOriginMustBeAnAllowedNameWithTheRequestsSchemeAndPort() {
        assertTrue(defaults.allowsOrigin("http://localhost:9080", "http", 9080));
        assertTrue(defaults.allowsOrigin("http://127.0.0.1:9080", "http", 9080));
        assertTrue(defaults.allowsOrigin("http://localhost", "http", 80));
        assertFalse(defaults.allowsOrigin("http://rebind.attacker.example:9080", "http", 9080));
        assertFalse(defaults.allowsOrigin("http://localhost:9081", "http", 9080));
        assertFalse(defaults.allowsOrigin("https://localhost:9080", "http", 9080));
        assertFalse(defaults.allowsOrigin("null", "http", 9080));
        assertFalse(defaults.allowsOrigin("http://local host", "http", 9080));
    }
}
