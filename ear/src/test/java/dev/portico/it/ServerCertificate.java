package dev.portico.it;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Collections;

/**
 * The certificate Liberty generated for the test server at its first start (resources/security/key.p12, opened with
 * the keystore_password that server creation wrote into server.env): clients trust exactly it, nothing else.
 */
final class ServerCertificate {

    private ServerCertificate() {
    }

    static Path keyStore() {
        return ItEnvironment.serverDir().resolve("resources/security/key.p12");
    }

    /** keystore_password from the test server's server.env. */
    static char[] keyStorePassword() throws IOException {
        return Files.readAllLines(ItEnvironment.serverDir().resolve("server.env")).stream()
                .filter(line -> line.startsWith("keystore_password="))
                .map(line -> line.substring("keystore_password=".length()).strip())
                .findFirst().orElseThrow(() -> new IllegalStateException("no keystore_password in server.env")).toCharArray();
    }

    /** The generated certificate. */
    static Certificate certificate() throws IOException, GeneralSecurityException {
        KeyStore generated = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore())) {
            generated.load(in, keyStorePassword());
        }
        for (String alias : Collections.list(generated.aliases())) {
            if (generated.isKeyEntry(alias)) {
                return generated.getCertificate(alias);
            }
        }
        throw new IllegalStateException("no key in " + keyStore());
    }

    /** An HTTPS request to 127.0.0.1 trusting only the generated certificate, which names localhost (checked instead of the address). */
    static HttpsURLConnection open(String path) throws IOException, GeneralSecurityException {
        HttpsURLConnection connection = (HttpsURLConnection) URI.create(httpsUrl(path)).toURL().openConnection();
        connection.setSSLSocketFactory(trustingIt().getSocketFactory());
        connection.setHostnameVerifier((name, session) -> {
            try {
                return ((java.security.cert.X509Certificate) session.getPeerCertificates()[0]).getSubjectAlternativeNames().stream()
                        .anyMatch(entry -> "localhost".equals(entry.get(1)));
            } catch (javax.net.ssl.SSLPeerUnverifiedException | java.security.cert.CertificateParsingException e) {
                return false;
            }
        });
        connection.setInstanceFollowRedirects(false);
        connection.setConnectTimeout(5000);
        connection.setReadTimeout(30_000);
        return connection;
    }

    static String httpsUrl(String path) {
        return "https://" + ItEnvironment.HOST + ":" + ItEnvironment.httpsPort() + path;
    }

    /** A TLS context that trusts only the generated certificate. */
    static SSLContext trustingIt() throws IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("portico", certificate());
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
