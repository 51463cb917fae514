package dev.portico.runnable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.junit.jupiter.api.Test;

/**
 * {@code java -jar portico-server.jar} as the README shows it, with no other database configured: the jar starts its
 * embedded MariaDB (a fresh data directory), then Liberty; each listener and the console answer; SIGTERM stops Liberty
 * and then MariaDB. Prints the jar's size and the time from {@code java -jar} to every listener answering.
 */
class RunnableServerIT {

    private static final String ADMIN_PASSWORD = "runnable-it-admin-password";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(30)).build();

    @Test
    void javaDashJarStartsTheEmbeddedDatabaseAndLibertyAndEveryListenerAnswers() throws Exception {
        Path jar = Path.of(System.getProperty("portico.it.runnableJar"));
        Path work = Path.of("target/runnable-it").toAbsolutePath();
        Path data = work.resolve("mariadb");
        Path kept = work.resolve("server");
        delete(data);
        delete(kept);
        delete(work.resolve("extract"));
        Files.createDirectories(work.resolve("extract"));
        int http = freePort();
        int https = freePort();
        int customer = freePort();
        int featherBase = freePort();
        int rental = freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("server-output.log").toFile());
        Map<String, String> env = builder.environment();
        env.remove("PORTICO_DB_HOST");
        env.putAll(Map.of("PORTICO_DATA_DIR", data.toString(), "PORTICO_DB_PORT", String.valueOf(freePort()),
                "PORTICO_DB_BUFFER_POOL", "64M", "PORTICO_HTTP_PORT", String.valueOf(http),
                "PORTICO_CUSTOMER_PORT", String.valueOf(customer), "PORTICO_FEATHERBASE_PORT", String.valueOf(featherBase),
                "PORTICO_RENTAL_PORT", String.valueOf(rental), "PORTICO_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "WLP_JAR_EXTRACT_ROOT", work.resolve("extract").toString()));
        env.put("PORTICO_HTTPS_PORT", String.valueOf(https));
        System.out.printf("[runnable] %s: %.1f MB%n", jar.getFileName(), Files.size(jar) / 1e6);

        long started = System.nanoTime();
        Process server = builder.start();
        long mariadb;
        try {
            awaitConsole(http, server, System.nanoTime() + TimeUnit.MINUTES.toNanos(6));
            long listening = System.nanoTime();
            for (int port : List.of(customer, featherBase, rental)) {
                assertTrue(accepts(port), "nothing listens on " + port);
            }
            mariadb = Long.parseLong(Files.readString(data.resolve("mariadbd.pid")).strip());
            System.out.printf("[runnable] java -jar to console and listeners answering: %d ms (cold: MariaDB binaries "
                    + "unpacked and installed, Liberty extracted)%n", (listening - started) / 1_000_000);

            assertEquals("nobody-here is not found in database", exchange(customer, "1|nobody-here\n".getBytes(StandardCharsets.UTF_8), -1).strip());
            assertEquals("Connection accepted\nSUCCESS", exchange(featherBase, "createdb\u0001runnable\u0004".getBytes(StandardCharsets.UTF_8), 0x04));
            byte[] pickle = Files.readAllBytes(Path.of(System.getProperty("portico.it.sharedDir"), "protocols/vectors/rental/valid-one-rental-p4.pkl"));
            assertEquals("Data received and stored successfully", exchange(rental, pickle, -1).strip());
            HttpResponse<String> report = get(http, "/portico/api/rentals/reports/car-models", true);
            assertEquals(200, report.statusCode(), report.body());
            assertTrue(report.body().contains("Axia"), report.body());
            assertEquals("File update successful.", exchange(customer, "8\n".getBytes(StandardCharsets.UTF_8), -1).strip());

            // HTTPS serves the key store kept beside the data, opened with the password made for this install.
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(kept.resolve("key.p12"))) {
                keyStore.load(in, Files.readString(kept.resolve("keystore-password")).strip().toCharArray());
            }
            assertEquals(keyStore.getCertificate(keyStore.aliases().nextElement()), servedCertificate(https));
        } finally {
            server.destroy();
            assertTrue(server.waitFor(5, TimeUnit.MINUTES), "the runnable server did not stop within 5 minutes of SIGTERM");
        }
        assertFalse(accepts(customer), "the customer listener still answers after the stop");
        assertFalse(ProcessHandle.of(mariadb).map(ProcessHandle::isAlive).orElse(false), "MariaDB still runs after the stop");
        List<String> log = Files.readAllLines(data.resolve("mariadbd.err"));
        assertTrue(log.get(log.size() - 1).endsWith("Shutdown complete"), "MariaDB did not shut down cleanly: " + log.get(log.size() - 1));
        // Liberty's extracted copy is gone; what must outlive the run is beside the data.
        assertTrue(Files.readString(kept.resolve("logs/messages.log")).contains("CWWKE0036I"), "the server log, to its stop, is kept");
        assertTrue(Files.readString(kept.resolve("logs/http_access.log")).contains("/portico/api/rentals/reports/car-models"));
        assertTrue(Files.exists(kept.resolve("export/customers-data.txt")), "command 8's export file is kept");
    }

    /** The certificate the HTTPS port presents (trusted blindly: the test compares it with the kept one). */
    private static java.security.cert.Certificate servedCertificate(int port) throws Exception {
        SSLContext trustAll = SSLContext.getInstance("TLS");
        trustAll.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        try (SSLSocket socket = (SSLSocket) trustAll.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.startHandshake();
            return socket.getSession().getPeerCertificates()[0];
        }
    }

    /** Waits until /portico/ answers 200 (the application has started); a hang guard, not a goal. */
    private static void awaitConsole(int http, Process server, long deadline) throws InterruptedException {
        while (true) {
            try {
                if (get(http, "/portico/", false).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!server.isAlive()) {
                throw new AssertionError("java -jar ended with " + server.exitValue() + " (see target/runnable-it/server-output.log)");
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no console on port " + http + " after 6 minutes (see target/runnable-it/server-output.log)");
            }
            Thread.sleep(500);
        }
    }

    private static HttpResponse<String> get(int port, String path, boolean asAdmin) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60));
        if (asAdmin) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends the bytes and reads until {@code end} (removed) or, with -1, until the server closes. */
    private static String exchange(int port, byte[] request, int end) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 30_000);
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(request);
            StringBuilder reply = new StringBuilder();
            int b;
            while ((b = socket.getInputStream().read()) >= 0 && b != end) {
                reply.append((char) b);
            }
            return reply.toString();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
