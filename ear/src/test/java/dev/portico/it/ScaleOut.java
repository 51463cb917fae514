package dev.portico.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two Portico servers made from the test server and HAProxy in front of them, run with the project's
 * own {@code scale-out/portico-servers.sh} (as an operator would run it): server i listens on the
 * front port + i * step. Ports come from the ear module's two-servers execution.
 */
final class ScaleOut {

    static final int SERVERS = 2;
    private static final Path WLP = Path.of(System.getProperty("portico.it.wlp", "target/liberty/wlp"));
    private static final String TEMPLATE = System.getProperty("portico.it.serverName", "portico-test");
    private static final String PREFIX = TEMPLATE + "-";
    private static final Path SCRIPT = Path.of(System.getProperty("portico.it.scaleScript", "../scale-out/portico-servers.sh"));
    private static final Path LB_DIR = Path.of(System.getProperty("portico.it.haproxyDir", "target/haproxy"));
    private static final int STEP = Integer.getInteger("portico.it.portStep", 1);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A listener: the load balancer's front port; server i's is front + i * step. */
    enum Listener {
        HTTP("portico.it.front.httpPort", 19180),
        CUSTOMER("portico.it.front.customerPort", 19190),
        FEATHERBASE("portico.it.front.featherbasePort", 16980),
        RENTAL("portico.it.front.rentalPort", 11240);

        private final int front;

        Listener(String property, int fallback) {
            this.front = Integer.getInteger(property, fallback);
        }

        int front() {
            return front;
        }

        int of(int server) {
            return front + server * STEP;
        }
    }

    private ScaleOut() {
    }

    /** Creates and starts both servers and HAProxy; returns when both are ready. */
    static void up() throws Exception {
        requireFreePorts();
        script("up");
    }

    /** Stops at once, naming the port, when another program holds one of the fixed ports the two servers and HAProxy use. */
    private static void requireFreePorts() {
        for (Listener listener : Listener.values()) {
            for (int server = 0; server <= SERVERS; server++) {
                int port = listener.of(server);
                try (ServerSocket probe = new ServerSocket()) {
                    probe.bind(new InetSocketAddress("127.0.0.1", port));
                } catch (IOException e) {
                    throw new AssertionError("Port in use by another program: " + port + " (" + listener
                            + (server == 0 ? " through HAProxy" : " of server " + server) + "). Stop that program or move the"
                            + " ports with -Dit.front." + listener.name().toLowerCase(Locale.ROOT) + ".port=<port>", e);
                }
            }
        }
    }

    static void down() throws Exception {
        script("stop");
    }

    /** SIGKILL to server i, as a crash: no shutdown, no goodbye to clients or HAProxy. */
    static void kill(int server) throws Exception {
        long pid = Long.parseLong(Files.readString(WLP.resolve("usr/servers/.pid/" + PREFIX + server + ".pid")).strip());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no server process " + pid));
        assertTrue(process.destroyForcibly(), "SIGKILL sent");
        process.onExit().get(30, TimeUnit.SECONDS);
    }

    /** Server i's HTTP access log. */
    static Path accessLog(int server) {
        return WLP.resolve("usr/servers/" + PREFIX + server + "/logs/http_access.log");
    }

    /** GET as the admin (HTTP Basic) from server i (0: through HAProxy). */
    static HttpResponse<String> get(int server, String path) throws IOException, InterruptedException {
        return HTTP.send(request(server, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> put(int server, String path, String json) throws IOException, InterruptedException {
        return HTTP.send(request(server, path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> delete(int server, String path) throws IOException, InterruptedException {
        return HTTP.send(request(server, path).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(int server, String path) {
        int port = server == 0 ? Listener.HTTP.front() : Listener.HTTP.of(server);
        return HttpRequest.newBuilder(URI.create("http://" + ItEnvironment.HOST + ":" + port + "/portico" + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", Http.basic(ItEnvironment.adminUser(), ItEnvironment.adminPassword()));
    }

    /** The port of a listener on server i, or HAProxy's for server 0. */
    static int port(Listener listener, int server) {
        return server == 0 ? listener.front() : listener.of(server);
    }

    private static void script(String command) throws Exception {
        Files.createDirectories(LB_DIR);
        Path log = LB_DIR.resolve("portico-servers.log");
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString(), command, String.valueOf(SERVERS))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("PORTICO_WLP", WLP.toString());
        env.put("PORTICO_TEMPLATE", TEMPLATE);
        env.put("PORTICO_SERVER_PREFIX", PREFIX);
        env.put("PORTICO_EAR", ItEnvironment.ear().toString());
        env.put("PORTICO_PORT_STEP", String.valueOf(STEP));
        env.put("PORTICO_LB_MAXCONN", "2000");
        env.put("PORTICO_LB_DIR", LB_DIR.toAbsolutePath().toString());
        env.put("PORTICO_FRONT_HTTP_PORT", String.valueOf(Listener.HTTP.front()));
        env.put("PORTICO_FRONT_CUSTOMER_PORT", String.valueOf(Listener.CUSTOMER.front()));
        env.put("PORTICO_FRONT_FEATHERBASE_PORT", String.valueOf(Listener.FEATHERBASE.front()));
        env.put("PORTICO_FRONT_RENTAL_PORT", String.valueOf(Listener.RENTAL.front()));
        for (String unwanted : List.of("PORTICO_DB_HOST", "PORTICO_DB_PORT", "PORTICO_DB_NAME", "PORTICO_DB_USER", "PORTICO_DB_PASSWORD")) {
            env.remove(unwanted);
        }
        Process process = builder.start();
        // Two Liberty starts on a loaded 2-core machine took 3 minutes once; the script gives up after 10.
        assertTrue(process.waitFor(11, TimeUnit.MINUTES), "portico-servers.sh " + command + " finished; see " + log);
        assertEquals(0, process.exitValue(), "portico-servers.sh " + command + " succeeded: " + Files.readString(log));
    }
}
