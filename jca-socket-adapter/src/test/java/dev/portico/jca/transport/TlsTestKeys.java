package dev.portico.jca.transport;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away server key store made once per test JVM with the JDK's keytool (EC P-256, for localhost and
 * 127.0.0.1), the listener TLS settings read from it, and client sockets that trust exactly that certificate.
 */
final class TlsTestKeys {

    static final char[] PASSWORD = "test-only-keystore-password".toCharArray();
    private static Path keyStore;
    private static TlsSettings settings;

    private TlsTestKeys() {
    }

    static synchronized Path keyStore() throws IOException, InterruptedException {
        if (keyStore == null) {
            Path dir = Files.createTempDirectory("portico-tls-test");
            Path file = dir.resolve("server.p12");
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "portico", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=localhost", "-ext", "san=dns:localhost,ip:127.0.0.1", "-validity", "2",
                    "-storetype", "PKCS12", "-keystore", file.toString(),
                    "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                    .redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes());
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IOException("keytool failed: " + output);
            }
            file.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            keyStore = file;
        }
        return keyStore;
    }

    static synchronized TlsSettings settings() throws IOException, InterruptedException {
        if (settings == null) {
            settings = TlsSettings.fromKeyStore(keyStore(), PASSWORD, "PKCS12", TlsSettings.DEFAULT_PROTOCOLS);
        }
        return settings;
    }

    /** A client context trusting only the test certificate. */
    static SSLContext clientContext() throws IOException, InterruptedException, GeneralSecurityException {
        KeyStore server = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore())) {
            server.load(in, PASSWORD);
        }
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("server", server.getCertificate("portico"));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    /** A TLS client connected to the listener, handshake done, checking the host name; closed with the bench. */
    static SSLSocket connect(ListenerBench bench, SocketListener<?, ?> listener, String protocol) throws Exception {
        return connect(bench, listener, protocol, new byte[0]);
    }

    /** The same, the connection's first bytes being {@code before} (a load balancer's PROXY header), in the clear. */
    static SSLSocket connect(ListenerBench bench, SocketListener<?, ?> listener, String protocol, byte[] before) throws Exception {
        Socket plain = bench.connect(listener);
        plain.getOutputStream().write(before);
        SSLSocket tls = (SSLSocket) clientContext().getSocketFactory().createSocket(plain, "localhost", listener.port(), true);
        bench.track(tls);
        tls.setEnabledProtocols(new String[] {protocol});
        var parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        tls.setSSLParameters(parameters);
        tls.setSoTimeout(LoopbackClient.TIMEOUT_MILLIS);
        tls.startHandshake();
        return tls;
    }

    static InetSocketAddress loopback() {
        return new InetSocketAddress(LoopbackClient.LOOPBACK, 0);
    }

    static List<String> protocols() {
        return TlsSettings.DEFAULT_PROTOCOLS;
    }
}
