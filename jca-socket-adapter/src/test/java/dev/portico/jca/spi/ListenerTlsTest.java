package dev.portico.jca.spi;

import jakarta.resource.spi.InvalidPropertyException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The activation spec's TLS properties: off by default, and checked when on. */
class ListenerTlsTest {

    @Test
    void tlsIsOffByDefaultSoPlainClientsKeepWorking() throws Exception {
        SocketActivationSpec spec = spec();
        spec.validate();
        assertNull(spec.tlsSettings());
    }

    @Test
    void tlsWithoutAKeyStoreOrPasswordIsRefused() {
        SocketActivationSpec spec = spec();
        spec.setTls(true);
        assertTrue(assertThrows(InvalidPropertyException.class, spec::validate).getMessage().contains("tlsKeyStore is not set"));
        spec.setTlsKeyStore("/tmp/server.p12");
        assertTrue(assertThrows(InvalidPropertyException.class, spec::validate).getMessage().contains("tlsKeyStorePassword is not set"));
        spec.setTlsKeyStorePassword("${env.keystore_password}");
        assertTrue(assertThrows(InvalidPropertyException.class, spec::validate).getMessage().contains("did not resolve"));
    }

    @Test
    void anUnknownKeyStoreTypeOrNoProtocolIsRefused() {
        SocketActivationSpec spec = spec();
        spec.setTls(true);
        spec.setTlsKeyStore("/tmp/server.p12");
        spec.setTlsKeyStorePassword("secret");
        spec.setTlsKeyStoreType("PEM");
        assertTrue(assertThrows(InvalidPropertyException.class, spec::validate).getMessage().contains("tlsKeyStoreType"));
        spec.setTlsKeyStoreType("jks");
        spec.setTlsProtocols(" , ");
        assertTrue(assertThrows(InvalidPropertyException.class, spec::validate).getMessage().contains("tlsProtocols"));
        spec.setTlsProtocols("TLSv1.3");
        assertDoesNotThrow(spec::validate);
    }

    @Test
    void aMissingKeyStoreOrAWrongPasswordIsNamedWhenTheListenerOpens() throws Exception {
        SocketActivationSpec spec = spec();
        spec.setTls(true);
        spec.setTlsKeyStore("/nonexistent/server.p12");
        spec.setTlsKeyStorePassword("secret");
        spec.validate();
        assertTrue(assertThrows(IOException.class, spec::tlsSettings).getMessage().contains("/nonexistent/server.p12 does not exist"));

        Path notAKeyStore = Files.createTempFile("portico", ".p12");
        try {
            Files.writeString(notAKeyStore, "not a key store");
            spec.setTlsKeyStore(notAKeyStore.toString());
            String message = assertThrows(IOException.class, spec::tlsSettings).getMessage();
            assertTrue(message.contains(notAKeyStore.toString()) && message.contains("cannot be read"), message);
        } finally {
            Files.delete(notAKeyStore);
        }
    }

    @Test
    void anUnsupportedProtocolVersionIsNamed() throws Exception {
        SocketActivationSpec spec = spec();
        spec.setTls(true);
        spec.setTlsKeyStore(dev.portico.jca.transport.TlsKeyStoreForTests.keyStore().toString());
        spec.setTlsKeyStorePassword(dev.portico.jca.transport.TlsKeyStoreForTests.password());
        spec.setTlsProtocols("TLSv1.3,SSLv2");
        spec.validate();
        assertTrue(assertThrows(IOException.class, spec::tlsSettings).getMessage().contains("SSLv2"));
        spec.setTlsProtocols("TLSv1.3");
        assertDoesNotThrow(spec::tlsSettings);
    }

    @Test
    void libertysDefaultKeyStoreStillBeingCreatedAtTheFirstStartIsWaitedFor() throws Exception {
        Path server = Files.createTempDirectory("portico-server");
        Path keyStore = server.resolve("resources/security/key.p12");
        SocketActivationSpec spec = spec();
        spec.setTls(true);
        spec.setTlsKeyStore(keyStore.toString());
        spec.setTlsKeyStorePassword(dev.portico.jca.transport.TlsKeyStoreForTests.password());
        Path made = dev.portico.jca.transport.TlsKeyStoreForTests.keyStore();
        Thread liberty = new Thread(() -> {
            try {
                Thread.sleep(700);
                Files.createDirectories(keyStore.getParent());
                Files.copy(made, keyStore);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        liberty.start();
        try {
            assertTrue(spec.tlsSettings().toString().contains(keyStore.toString()));
        } finally {
            liberty.join();
            Files.delete(keyStore);
        }
    }

    private static SocketActivationSpec spec() {
        SocketActivationSpec spec = new SocketActivationSpec();
        spec.setProtocol("customer-directory");
        return spec;
    }
}
