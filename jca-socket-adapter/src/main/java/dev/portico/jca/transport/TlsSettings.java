package dev.portico.jca.transport;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A listener's TLS: the server certificate and key from a key store, and the protocol versions offered
 * (TLS 1.3 and 1.2 by default). Clients are not asked for certificates.
 */
public final class TlsSettings {

    /** Offered unless configured otherwise: the versions with no known practical weakness. */
    public static final List<String> DEFAULT_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private final SSLContext context;
    private final String[] protocols;
    private final String description;
    /** What each new engine is given as (the engine itself but in tests). */
    private final UnaryOperator<SSLEngine> engines;

    private TlsSettings(SSLContext context, String[] protocols, String description, UnaryOperator<SSLEngine> engines) {
        this.context = context;
        this.protocols = protocols;
        this.description = description;
        this.engines = engines;
    }

    /** The same settings, each new engine passed through {@code engines} (tests watch the engine with it). */
    TlsSettings withEngines(UnaryOperator<SSLEngine> engines) {
        return new TlsSettings(context, protocols, description, engines);
    }

    /**
     * Reads the key store (PKCS12 or JKS) whose first key entry, opened with the same password, is the server's.
     *
     * @throws IOException naming the file and what is wrong with it (missing, wrong password, no key, unknown protocol)
     */
    public static TlsSettings fromKeyStore(Path keyStore, char[] password, String type, List<String> protocols) throws IOException {
        if (!Files.isRegularFile(keyStore)) {
            throw new IOException("TLS key store " + keyStore + " does not exist");
        }
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password);
            if (Collections.list(store.aliases()).stream().noneMatch(alias -> isKey(store, alias))) {
                throw new IOException("TLS key store " + keyStore + " holds no private key");
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            String[] offered = protocols.toArray(String[]::new);
            List<String> supported = Arrays.asList(context.getSupportedSSLParameters().getProtocols());
            for (String protocol : offered) {
                if (!supported.contains(protocol)) {
                    throw new IOException("TLS protocol " + protocol + " is not one of " + supported);
                }
            }
            return new TlsSettings(context, offered, keyStore + " (" + String.join(", ", offered) + ")", UnaryOperator.identity());
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS key store " + keyStore + " cannot be used: " + e.getMessage(), e);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("TLS ")) {
                throw e;
            }
            throw new IOException("TLS key store " + keyStore + " cannot be read (" + type + "; is the password right?): " + e.getMessage(), e);
        }
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** A server-side engine for one new connection. */
    SSLEngine newEngine() {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        engine.setEnabledProtocols(protocols);
        return engines.apply(engine);
    }

    @Override
    public String toString() {
        return "TLS with " + description;
    }
}
