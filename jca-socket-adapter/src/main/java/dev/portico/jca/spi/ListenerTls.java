package dev.portico.jca.spi;

import dev.portico.jca.transport.TlsSettings;
import jakarta.resource.spi.InvalidPropertyException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/** Checks and reads an activation spec's TLS properties (tls, tlsKeyStore, tlsKeyStorePassword, tlsKeyStoreType, tlsProtocols). */
final class ListenerTls {

    private static final Logger LOG = Logger.getLogger(ListenerTls.class.getName());
    private static final List<String> TYPES = List.of("PKCS12", "JKS");
    private static final Duration DEFAULT_KEY_STORE_WAIT = Duration.ofSeconds(60);

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
        Path path = Path.of(keyStore.strip());
        awaitLibertysDefault(path);
        return TlsSettings.fromKeyStore(path, password.toCharArray(), type.strip().toUpperCase(Locale.ROOT), protocolList(protocols));
    }

    /**
     * Liberty writes its default key store (resources/security/key.p12) at the first start, which took 16 s on a busy
     * machine and may end after the application started: wait for it a while rather than fail the listener.
     */
    private static void awaitLibertysDefault(Path path) throws IOException {
        if (Files.exists(path) || !path.endsWith(Path.of("resources", "security", "key.p12"))) {
            return;
        }
        LOG.info(() -> "Portico waits up to " + DEFAULT_KEY_STORE_WAIT.toSeconds() + " s for Liberty to create its key store " + path);
        long deadline = System.nanoTime() + DEFAULT_KEY_STORE_WAIT.toNanos();
        try {
            while (!Files.exists(path) && System.nanoTime() - deadline < 0) {
                Thread.sleep(250);
            }
            Thread.sleep(500); // written, perhaps not yet completely
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the TLS key store " + path, e);
        }
    }

    private static List<String> protocolList(String protocols) {
        return protocols == null ? List.of()
                : Arrays.stream(protocols.split("[,\\s]+")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }
}
