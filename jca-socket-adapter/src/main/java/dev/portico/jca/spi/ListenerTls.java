package dev.portico.jca.spi;

import dev.portico.jca.transport.TlsSettings;
import jakarta.resource.spi.InvalidPropertyException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Checks and reads an activation spec's TLS properties (tls, tlsKeyStore, tlsKeyStorePassword, tlsKeyStoreType, tlsProtocols). */
final class ListenerTls {

    private static final List<String> TYPES = List.of("PKCS12", "JKS");

    private ListenerTls() {
    }

    /** Rejects missing or malformed values; the key store itself is read when the listener opens. */
    static void validate(String keyStore, String password, String type, String protocols) throws InvalidPropertyException {
        if (keyStore == null || keyStore.isBlank()) {
            throw new InvalidPropertyException("tls is true but tlsKeyStore is not set");
        }
        if (password == null || password.isEmpty() || password.startsWith("${")) {
            throw new InvalidPropertyException("tls is true but tlsKeyStorePassword is not set"
                    + (password != null && password.startsWith("${") ? " (" + password + " did not resolve)" : ""));
        }
        if (type == null || !TYPES.contains(type.strip().toUpperCase(Locale.ROOT))) {
            throw new InvalidPropertyException("tlsKeyStoreType must be one of " + TYPES + ", got " + type);
        }
        if (protocolList(protocols).isEmpty()) {
            throw new InvalidPropertyException("tlsProtocols must name at least one TLS version, got " + protocols);
        }
    }

    static TlsSettings load(String keyStore, String password, String type, String protocols) throws IOException {
        return TlsSettings.fromKeyStore(Path.of(keyStore.strip()), password.toCharArray(), type.strip().toUpperCase(Locale.ROOT),
                protocolList(protocols));
    }

    private static List<String> protocolList(String protocols) {
        return protocols == null ? List.of()
                : Arrays.stream(protocols.split("[,\\s]+")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }
}
