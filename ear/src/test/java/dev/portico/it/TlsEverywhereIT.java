package dev.portico.it;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.net.ssl.HttpsURLConnection;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TLS everywhere, set in a configDropins override while the application is stopped: on each socket listener
 * (portico.customer.tls, .featherbase.tls, .rental.tls), spoken by Python's ssl module and by openssl s_client trusting
 * only the certificate Liberty generated, and HTTPS required of the web module (portico.https.required); then the
 * override is removed and plain clients are served as before.
 */
@ExtendWith(ArquillianExtension.class)
class TlsEverywhereIT {

    private static final String APP = "portico";
    private static final Path OVERRIDE = ItEnvironment.serverDir().resolve("configDropins/overrides/portico-tls-everywhere-it.xml");

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = APP, managed = false, testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void everyListenerServesPythonAndOpensslOverTlsTheWebModuleOnlyHttpsAndPlainClientsAgainOnceItIsOff() throws Exception {
        Path pem = certificatePem();
        configure("""
                <server>
                    <variable name="portico.customer.tls" value="true"/>
                    <variable name="portico.featherbase.tls" value="true"/>
                    <variable name="portico.rental.tls" value="true"/>
                    <variable name="portico.https.required" value="true"/>
                    <variable name="portico.customer.readTimeoutMillis" value="30000"/>
                    <variable name="portico.rental.readTimeoutMillis" value="30000"/>
                </server>
                """);
        deployer.deploy(APP);
        try {
            TestDatabase.clearCustomers();
            TestDatabase.clearFeatherBase();
            TestDatabase.clearRentals();

            // customer directory: openssl adds, Python finds
            String added = run(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + ItEnvironment.customerPort(), "-quiet",
                    "-CAfile", pem.toString(), "-verify_return_error", "-verify_hostname", "localhost"), "2|Tls Customer|30|1 Secure St|514-0100\n".getBytes(StandardCharsets.UTF_8));
            assertTrue(added.contains("2|Tls Customer|30|1 Secure St|514-0100 added to the database"), added);
            assertEquals("Tls Customer|30|1 Secure St|514-0100", python(pem, """
                    with connect(CUSTOMER) as s:
                        s.sendall(b"1|tls customer\\n")
                        print(read_to_end(s).decode(), end="")
                    """));

            // FeatherBase: a Python session of several commands on one connection, then openssl reads what it stored
            assertEquals("Connection accepted|SUCCESS|SUCCESS|SUCCESS|7\tbolt", python(pem, """
                    with connect(FEATHERBASE) as s:
                        f = s.makefile("rb")
                        greeting = f.readline().decode().strip()
                        def ask(cmd):
                            s.sendall(cmd.encode() + b"\\x04")
                            reply = b""
                            while not reply.endswith(b"\\x04"):
                                reply += f.read(1)
                            return reply[:-1].decode()
                        print("|".join([greeting, ask("createdb\\x01tlsdb"), ask("addtbl\\x01tlsdb\\x01parts\\x02id\\tname"),
                                        ask("addrow\\x01tlsdb\\x01parts\\x027\\tbolt"), ask("getrow\\x01tlsdb\\x01parts\\x020")]), end="")
                    """));
            String listed = runUntil(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + ItEnvironment.featherBasePort(), "-quiet",
                    "-CAfile", pem.toString(), "-verify_return_error", "-verify_hostname", "localhost"), "getdbs\u0001\u0004".getBytes(StandardCharsets.UTF_8), "tlsdb\u0004");
            assertTrue(listed.startsWith("Connection accepted\n") && listed.endsWith("tlsdb\u0004"), listed);

            // rental intake: a pickle from Python's pickle module, and one through openssl
            assertEquals("Data received and stored successfully", python(pem, """
                    import pickle
                    payload = {'users': [('Tess', 'F')], 'CarStatus': [('Axia', '10KM')],
                               'Time_Rent': [('2024-01-25 08:30:01', '2024-01-25 20:30:01')]}
                    with connect(RENTAL) as s:
                        s.sendall(pickle.dumps(payload))
                        print(read_to_end(s).decode(), end="")
                    """));
            byte[] pickle = RentalPickle.of(List.of(List.of("Otto", "M", "Kancil", "20KM", "2024-02-01 09:00:00", "2024-02-01 10:00:00")));
            String stored = run(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + ItEnvironment.rentalPort(), "-quiet",
                    "-CAfile", pem.toString(), "-verify_return_error", "-verify_hostname", "localhost"), pickle);
            assertTrue(stored.contains("Data received and stored successfully"), stored);
            assertEquals(2, TestDatabase.count("rental"));

            // a legacy client on a TLS port gets no plain answer
            try (Socket plain = new Socket(ItEnvironment.HOST, ItEnvironment.customerPort())) {
                plain.setSoTimeout(10_000);
                plain.getOutputStream().write("1|tls customer\n".getBytes(StandardCharsets.UTF_8));
                String answer = new String(plain.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                assertFalse(answer.contains("Secure St"), answer);
            }

            // HTTPS required: console pages are redirected, the API refused over plain HTTP; HTTPS is served with HSTS
            HttpResponse<String> page = Http.send(Http.anonymous("/login.xhtml").GET());
            assertEquals(301, page.statusCode());
            assertEquals(ServerCertificate.httpsUrl("/portico/login.xhtml"), page.headers().firstValue("Location").orElse(""));
            HttpResponse<String> console = Http.send(Http.anonymous("/?tab=1").GET());
            assertEquals(301, console.statusCode(), "a protected page too, before any login");
            assertEquals(ServerCertificate.httpsUrl("/portico/?tab=1"), console.headers().firstValue("Location").orElse(""));
            HttpResponse<String> api = Http.get("/api/customers");
            assertEquals(403, api.statusCode());
            assertTrue(api.body().contains("HTTPS is required"), api.body());
            HttpsURLConnection secure = ServerCertificate.open("/portico/api/customers");
            secure.setRequestProperty("Authorization", Http.basic(ItEnvironment.adminUser(), ItEnvironment.adminPassword()));
            assertEquals(200, secure.getResponseCode());
            assertEquals("max-age=31536000", secure.getHeaderField("Strict-Transport-Security"));
            secure.getInputStream().readAllBytes();
        } finally {
            deployer.undeploy(APP);
            configure(null);
        }

        deployer.deploy(APP);
        try {
            assertEquals("Tls Customer|30|1 Secure St|514-0100", CustomerDirectoryClient.ask("1|TLS CUSTOMER\n"), "TLS off: plain again");
            assertEquals(200, Http.get("/api/customers").statusCode(), "HTTPS no longer required");
        } finally {
            deployer.undeploy(APP);
        }
    }

    // The one-request listeners' read timeout counts from the connection, handshake included: a command-line client
    // started on a loaded two-core machine took more than the 3 s default, so the override gives them 30 s.

    /** Writes (or, with null, removes) the override and waits until the server has applied its configuration. */
    private static void configure(String xml) throws Exception {
        long mark = ServerLog.mark();
        if (xml == null) {
            Files.deleteIfExists(OVERRIDE);
        } else {
            Files.createDirectories(OVERRIDE.getParent());
            Files.writeString(OVERRIDE, xml);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!ServerLog.since(mark).contains("CWWKG0017I") && !ServerLog.since(mark).contains("CWWKG0018I")) {
            assertTrue(System.nanoTime() < deadline, "the server applied the configuration change");
        }
    }

    private static Path certificatePem() throws Exception {
        Path pem = Files.createTempFile("portico-it-cert", ".pem");
        pem.toFile().deleteOnExit();
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(ServerCertificate.certificate().getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        return pem;
    }

    /** Runs a Python snippet with connect(PORT) (TLS, trusting only the generated certificate, for localhost) and read_to_end(s) defined. */
    private static String python(Path pem, String body) throws Exception {
        String prelude = """
                import socket, ssl
                CUSTOMER, FEATHERBASE, RENTAL = %d, %d, %d
                context = ssl.create_default_context(cafile=%s)  # host name checked too: the certificate names localhost
                def connect(port):
                    return context.wrap_socket(socket.create_connection(("127.0.0.1", port), timeout=20), server_hostname="localhost")
                def read_to_end(s):
                    return b"".join(iter(lambda: s.recv(4096), b""))
                """.formatted(ItEnvironment.customerPort(), ItEnvironment.featherBasePort(), ItEnvironment.rentalPort(),
                "'" + pem + "'");
        return run(List.of("python3", "-c", prelude + body), new byte[0]);
    }

    /** Runs a command with the given input; its output once it ends (within 60 s). */
    private static String run(List<String> command, byte[] input) throws Exception {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(input);
        }
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "ended: " + command);
        assertEquals(0, process.exitValue(), () -> command + " failed: " + new String(out, StandardCharsets.UTF_8));
        return new String(out, StandardCharsets.UTF_8);
    }

    /** Runs a command that keeps its connection open, until its output ends with {@code last}; then ends it. */
    private static String runUntil(List<String> command, byte[] input, String last) throws Exception {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            OutputStream in = process.getOutputStream();
            in.write(input);
            in.flush();
            InputStream out = process.getInputStream();
            ByteArrayOutputStream seen = new ByteArrayOutputStream();
            int b;
            while ((b = out.read()) >= 0) {
                seen.write(b);
                if (seen.toString(StandardCharsets.UTF_8).endsWith(last)) {
                    break;
                }
            }
            return seen.toString(StandardCharsets.UTF_8);
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
