package dev.portico.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.security.cert.X509Certificate;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console and the API over HTTPS (portico.https.port) with the certificate Liberty generated at the first start,
 * whose keystore password is the random one of server.env; plain HTTP stays as it was (portico.https.required false).
 */
@ExtendWith(ArquillianExtension.class)
class HttpsIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void theApiAnswersOverHttpsWithTheGeneratedCertificate() throws Exception {
        HttpsURLConnection api = open("/portico/api/customers");
        api.setRequestProperty("Authorization", Http.basic(ItEnvironment.adminUser(), ItEnvironment.adminPassword()));
        assertEquals(200, api.getResponseCode());
        X509Certificate served = (X509Certificate) api.getServerCertificates()[0];
        assertTrue(read(api).startsWith("["), "a JSON list");
        assertEquals(ServerCertificate.certificate(), served, "the certificate generated into resources/security/key.p12");
        assertFalse(api.getHeaderFields().containsKey("Strict-Transport-Security"), "HTTPS not required: no HSTS");
    }

    @Test
    void theConsoleAnswersOverHttpsAndSendsTheVisitorToItsLoginPageThere() throws Exception {
        HttpsURLConnection console = open("/portico/");
        assertEquals(302, console.getResponseCode());
        String location = console.getHeaderField("Location");
        assertTrue(location.endsWith("/portico/login.xhtml"), location);
        assertFalse(location.startsWith("http:"), "stays on HTTPS: " + location);

        HttpsURLConnection login = open("/portico/login.xhtml");
        assertEquals(200, login.getResponseCode());
        assertTrue(read(login).contains("password"), "the login form");
        assertEquals("nosniff", login.getHeaderField("X-Content-Type-Options"));
    }

    @Test
    void theGeneratedKeystoreHasNoBuiltInPasswordAndIsNotReadableByOthers() throws Exception {
        char[] password = ServerCertificate.keyStorePassword();
        assertTrue(password.length >= 16, "a generated password, not a short built-in one");
        Set<PosixFilePermission> envMode = Files.getPosixFilePermissions(ItEnvironment.serverDir().resolve("server.env"));
        assertFalse(envMode.contains(PosixFilePermission.OTHERS_READ), "server.env holding it: " + envMode);
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateIsRefusedAndNothingIsLogged() throws Exception {
        long mark = ServerLog.mark();
        assertThrows(SSLHandshakeException.class, () -> {
            HttpsURLConnection untrusting = (HttpsURLConnection) URI.create(ServerCertificate.httpsUrl("/portico/login.xhtml")).toURL().openConnection();
            untrusting.getResponseCode();
        });
        try (Socket plain = new Socket("127.0.0.1", ItEnvironment.httpsPort())) { // plain HTTP to the TLS port
            plain.setSoTimeout(10_000);
            plain.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            plain.getInputStream().readAllBytes();
        }
        String written = ServerLog.since(mark);
        assertFalse(written.contains("CWWKO0801E"), "each was an error with a stack trace (QA): " + written);
    }

    @Test
    void plainHttpStillServesTheApiWhileHttpsIsNotRequired() throws Exception {
        assertEquals(200, Http.get("/api/customers").statusCode());
    }

    private static HttpsURLConnection open(String path) throws Exception {
        return ServerCertificate.open(path);
    }

    private static String read(HttpsURLConnection connection) throws IOException {
        try (InputStream in = connection.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
