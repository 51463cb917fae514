package dev.portico.web.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AllowedHostsTest {

    private final AllowedHosts defaults = AllowedHosts.parse("localhost,127.0.0.1");

    @Test
    void theConfiguredNamesAreAllowedInAnyCase() {
        assertTrue(defaults.allowsName("localhost"));
        assertTrue(defaults.allowsName("LocalHost"));
        assertTrue(defaults.allowsName("127.0.0.1"));
    }

    @Test
    void anyOtherNameIsRefusedEvenWhenItResolvesToTheSameAddress() {
        assertFalse(defaults.allowsName("rebind.attacker.example"));
        assertFalse(defaults.allowsName("localhost.attacker.example"));
        assertFalse(defaults.allowsName("localhost."));
        assertFalse(defaults.allowsName("127.0.0.2"));
        assertFalse(defaults.allowsName(""));
        assertFalse(defaults.allowsName(null));
    }

    @Test
    void namesAreSeparatedByCommasOrSpacesAndIpv6AddressesMatchInOrWithoutBrackets() {
        AllowedHosts hosts = AllowedHosts.parse(" localhost  [::1] ,portico.internal ");
        assertTrue(hosts.allowsName("::1"));
        assertTrue(hosts.allowsName("[::1]"));
        assertTrue(hosts.allowsName("portico.internal"));
        assertFalse(hosts.allowsName("::2"));
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
