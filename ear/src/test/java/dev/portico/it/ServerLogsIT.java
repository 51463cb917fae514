package dev.portico.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server's logs as operators configure them (liberty-config/server.xml): the HTTP access log, on by
 * default, and JSON messages when {@code portico.log.messageFormat} says so, switched on the running server
 * through a configuration drop-in that sets the variable (Liberty applies logging changes without a restart).
 */
@ExtendWith(ArquillianExtension.class)
class ServerLogsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void eachHttpRequestGetsAnAccessLogLineWithItsStatusAndTime() throws Exception {
        String marker = UUID.randomUUID().toString();

        HttpResponse<String> live = Http.send(HealthAndMetricsIT.atServerRoot("/health/live?it=" + marker));
        assertEquals(200, live.statusCode());

        Path accessLog = logs().resolve("http_access.log");
        String line = await(() -> lines(accessLog).stream().filter(l -> l.contains(marker)).findFirst(), "a line for " + marker + " in " + accessLog);
        assertTrue(line.matches("127\\.0\\.0\\.1 - \\[[^\\]]+] \"GET /health/live\\?it=" + marker + " HTTP/1\\.1\" 200 \\d+ \\d+"), line);
    }

    @Test
    void anApiCallsLineNamesItsCallerWhateverItsAnswer() throws Exception {
        String marker = UUID.randomUUID().toString();
        String listing = "/api/customers?limit=1&name=" + marker;
        String missing = "/api/customers/" + marker;

        HttpResponse<String> empty = Http.get(listing);
        assertEquals(200, empty.statusCode(), empty.body());
        assertEquals("[]", empty.body().replaceAll("\\s", ""));
        HttpResponse<String> notFound = Http.get(missing);
        assertEquals(404, notFound.statusCode(), notFound.body());
        assertTrue(notFound.body().contains("\"status\":404"), notFound.body());
        HttpResponse<String> anonymous = Http.send(Http.anonymous(missing).GET());
        assertEquals(401, anonymous.statusCode());

        Path accessLog = logs().resolve("http_access.log");
        List<String> lines = await(() -> {
            List<String> found = lines(accessLog).stream().filter(l -> l.contains(marker)).toList();
            return found.size() < 3 ? Optional.empty() : Optional.of(found);
        }, "three lines for " + marker + " in " + accessLog);
        String user = ItEnvironment.adminUser();
        assertTrue(lines.get(0).startsWith("127.0.0.1 " + user + " [") && lines.get(0).contains(listing + " HTTP/1.1\" 200 "),
                lines.get(0));
        assertTrue(lines.get(1).startsWith("127.0.0.1 " + user + " [") && lines.get(1).contains(missing + " HTTP/1.1\" 404 "),
                lines.get(1));
        assertTrue(lines.get(2).startsWith("127.0.0.1 - [") && lines.get(2).contains(" 401 "), lines.get(2));
    }

    @Test
    void messagesLogIsJsonLinesWhenTheFormatVariableIsJsonAndPlainAgainAfter() throws Exception {
        Path dropin = configDropins().resolve("portico-json-logs-it.xml");
        long mark = ServerLog.mark();
        try {
            Files.writeString(dropin, "<server><variable name=\"portico.log.messageFormat\" value=\"json\"/></server>\n", StandardCharsets.UTF_8);
            String json = await(() -> newLines(mark).stream().filter(l -> l.startsWith("{") && l.contains("CWWKG0017I")).findFirst(),
                    "a JSON configuration-updated message in messages.log");
            JsonObject message = Http.object(json);
            assertEquals("liberty_message", message.getString("type"), json);
            assertEquals("CWWKG0017I", message.getString("ibm_messageId"), json);
            assertTrue(message.getString("message").startsWith("CWWKG0017I: "), json);
            assertFalse(message.getString("ibm_datetime").isEmpty(), json);
        } finally {
            Files.deleteIfExists(dropin);
        }
        long back = ServerLog.mark();
        String plain = await(() -> newLines(back).stream().filter(l -> l.startsWith("[") && l.contains("CWWKG0017I")).findFirst(),
                "a plain configuration-updated message once the drop-in is gone");
        assertTrue(plain.matches("\\[[^\\]]+] \\p{XDigit}{8} .* A CWWKG0017I: .*"), plain);
    }

    private static Path logs() {
        return ItEnvironment.serverLog().toAbsolutePath().normalize().getParent();
    }

    private static Path configDropins() throws IOException {
        Path overrides = logs().getParent().resolve("configDropins").resolve("overrides");
        Files.createDirectories(overrides);
        return overrides;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The lines messages.log gained since {@code mark}. */
    private static List<String> newLines(long mark) {
        try {
            return ServerLog.since(mark).lines().toList();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    private interface Probe<T> {
        Optional<T> find();
    }

    private static <T> T await(Probe<T> probe, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() - deadline < 0) {
            Optional<T> found = probe.find();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no " + what + " within " + WAIT);
    }
}
