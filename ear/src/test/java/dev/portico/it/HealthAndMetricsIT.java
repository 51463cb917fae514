package dev.portico.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Liberty's /health and /metrics at the server's root: Portico's checks and figures, readable without a login. */
@ExtendWith(ArquillianExtension.class)
class HealthAndMetricsIT {

    private static final String[] PROTOCOLS = {"customer-directory", "featherbase", "rental-intake"};

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void readinessIsUpWithTheDatabaseTheMigrationsAndAllThreeListenersAndNamesNoAddress() throws Exception {
        HttpResponse<String> ready = Http.send(atServerRoot("/health/ready"));

        assertEquals(200, ready.statusCode(), ready.body());
        JsonObject health = Http.object(ready.body());
        assertEquals("UP", health.getString("status"));
        Map<String, JsonObject> checks = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(c -> c.getString("name"), c -> c));
        assertEquals("UP", checks.get("portico-database").getString("status"), ready.body());
        assertTrue(checks.get("portico-database").getJsonObject("data").getBoolean("migrated"));
        JsonObject listeners = checks.get("portico-listeners");
        assertEquals("UP", listeners.getString("status"), ready.body());
        for (String protocol : PROTOCOLS) {
            assertEquals("UP", listeners.getJsonObject("data").getString(protocol), ready.body());
        }
        assertFalse(ready.body().contains("127.0.0.1") || ready.body().contains(String.valueOf(ItEnvironment.featherBasePort())),
                "no addresses for anonymous readers: " + ready.body());
    }

    @Test
    void livenessAndStartupAreUpWithoutALogin() throws Exception {
        HttpResponse<String> live = Http.send(atServerRoot("/health/live"));
        assertEquals(200, live.statusCode(), live.body());
        assertEquals("UP", Http.object(live.body()).getString("status"));

        HttpResponse<String> started = Http.send(atServerRoot("/health/started"));
        assertEquals(200, started.statusCode(), started.body());
        assertEquals("UP", Http.object(started.body()).getString("status"));
        assertTrue(started.body().contains("portico-started"), started.body());
    }

    @Test
    void credentialsSentToLibertysOwnEndpointsAreServedAndLogNoError() throws Exception {
        long mark = ServerLog.mark();
        for (String path : new String[] {"/metrics", "/health/ready", "/openapi", "/openapi/ui/"}) {
            HttpResponse<String> answer = Http.send(atServerRoot(path)
                    .header("Authorization", Http.basic(ItEnvironment.adminUser(), ItEnvironment.adminPassword())));
            assertEquals(200, answer.statusCode(), path + ": " + answer.body());
        }
        String written = ServerLog.since(mark);
        assertFalse(ServerLog.hasErrorOrStackTrace(written) || written.contains("CWWKS3005E") || written.contains("FFDC1015I"), written);
    }

    @Test
    void listenerCountersGrowWithTrafficOnEachProtocol() throws Exception {
        String before = scrape("application");

        for (int i = 0; i < 3; i++) {
            CustomerDirectoryClient.ask("1|Nobody\n");
        }
        try (FeatherBaseClient client = new FeatherBaseClient()) {
            for (int i = 0; i < 3; i++) {
                client.ask("frobnicate|");
            }
        }
        RentalClient.send(RentalClient.vector("valid-one-rental-p4.pkl"));
        assertEquals("Error: pickle opcode not allowed: GLOBAL", RentalClient.send(RentalClient.vector("malicious-global-ordereddict-p2.pkl")));
        // The gauges share a half-second snapshot within one scrape: scrape until it shows this traffic.
        String after = scrape("application");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (value(after, "portico_listener_requests", "rental-intake") < value(before, "portico_listener_requests", "rental-intake") + 2
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
            after = scrape("application");
        }
        after.lines().filter(l -> l.startsWith("portico_")).forEach(System.out::println);
        assertTrue(value(after, "portico_listener_requests", "customer-directory") >= value(before, "portico_listener_requests", "customer-directory") + 3, after);
        assertTrue(value(after, "portico_listener_requests", "featherbase") >= value(before, "portico_listener_requests", "featherbase") + 3, after);
        assertTrue(value(after, "portico_listener_requests", "rental-intake") >= value(before, "portico_listener_requests", "rental-intake") + 2, after);
        for (String protocol : PROTOCOLS) {
            assertTrue(value(after, "portico_listener_connections_accepted", protocol) > value(before, "portico_listener_connections_accepted", protocol),
                    protocol + ": " + after);
            assertEquals(1.0, value(after, "portico_listener_listening", protocol), protocol + ": " + after);
        }
        assertTrue(value(after, "portico_listener_refused", "rental-intake") >= value(before, "portico_listener_refused", "rental-intake") + 1, after);
    }

    @Test
    void requestsByCommandProblemsByKindInFlightAndLatencyFollowKnownTraffic() throws Exception {
        scrape("application"); // the gauges' first snapshot
        Thread.sleep(600);
        String before = scrape("application");

        for (int i = 0; i < 3; i++) {
            CustomerDirectoryClient.ask("1|Nobody " + i + "\n");
        }
        assertEquals("invalid choice...\n", CustomerDirectoryClient.ask("9|what\n"));
        try (FeatherBaseClient client = new FeatherBaseClient()) {
            client.ask("getdbs|");
            client.ask("getdbs|");
        }
        assertTrue(RentalClient.send(RentalClient.vector("valid-one-rental-p4.pkl")).startsWith("Data received"));
        Thread.sleep(600); // past the half-second snapshot the gauges share within one scrape

        String after = scrape("application");
        after.lines().filter(l -> l.startsWith("portico_listener_") && l.contains("customer-directory")
                && !l.contains(" 0.0") && !l.contains("_bucket")).forEach(System.out::println);
        String customer = "protocol=\"customer-directory\"";
        assertEquals(3.0, delta(before, after, "portico_listener_command_requests", customer, "command=\"find\""), after);
        assertEquals(0.0, delta(before, after, "portico_listener_command_requests", customer, "command=\"add\""), after);
        assertEquals(2.0, delta(before, after, "portico_listener_command_requests", "protocol=\"featherbase\"", "command=\"getdbs\""), after);
        assertEquals(1.0, delta(before, after, "portico_listener_command_requests", "protocol=\"rental-intake\"", "command=\"intake\""), after);
        assertEquals(1.0, delta(before, after, "portico_listener_problems", customer, "kind=\"bad_input\""), after);
        assertEquals(0.0, delta(before, after, "portico_listener_problems", customer, "kind=\"application\""), after);
        assertEquals(0.0, sample(after, "portico_listener_requests_in_flight", customer), after);
        assertEquals(3.0, delta(before, after, "portico_listener_latency_seconds_count", customer), "the refused request was not timed: " + after);
        assertTrue(delta(before, after, "portico_listener_latency_seconds_sum", customer) > 0, after);
        assertEquals(sample(after, "portico_listener_latency_seconds_count", customer),
                sample(after, "portico_listener_latency_seconds_bucket", customer, "le=\"+Inf\""), after);
        assertTrue(sample(after, "portico_listener_latency_seconds_bucket", customer, "le=\"10\"")
                >= sample(after, "portico_listener_latency_seconds_bucket", customer, "le=\"0.005\""), after);
        assertTrue(sample(after, "portico_listener_latency_seconds_max", customer) > 0, after);
    }

    @Test
    void concurrentFeatherBaseReadsAreAnsweredTogetherAndCountedSo() throws Exception {
        scrape("application");
        Thread.sleep(600);
        String before = scrape("application");
        int clients = 16;
        int perClient = 200;
        readOneCellAtOnce("gather", clients, perClient, java.time.Duration.ofSeconds(120));
        Thread.sleep(600);

        String after = scrape("application");
        String featherBase = "protocol=\"featherbase\"";
        double calls = delta(before, after, "portico_listener_gathered_calls", featherBase);
        double gathered = delta(before, after, "portico_listener_gathered_requests", featherBase);
        System.out.println(clients + " FeatherBase readers x " + perClient + " getcells: " + gathered + " answered together in " + calls + " calls");
        assertTrue(calls > 0, "reads of " + clients + " connections at once were answered together: " + after);
        assertTrue(gathered >= 2 * calls && gathered <= clients * perClient, after);
        assertEquals(clients * perClient, delta(before, after, "portico_listener_command_requests", featherBase, "command=\"getcell\""), after);
        assertEquals(0.0, sample(after, "portico_listener_requests_in_flight", featherBase), after);
        assertEquals(0.0, delta(before, after, "portico_listener_problems", featherBase, "kind=\"application\""), after);
    }

    @Test
    void countsAreExactAfterConcurrentLoadAndNothingStaysInFlight() throws Exception {
        int clients = 4;
        int perClient = 250;
        scrape("application");
        Thread.sleep(600);
        String before = scrape("application");

        Concurrently.run(clients * 2, java.time.Duration.ofSeconds(120), index -> {
            if (index % 2 == 0) {
                try (FeatherBaseClient client = new FeatherBaseClient()) {
                    for (int i = 0; i < perClient; i++) {
                        client.ask("getdbs|");
                    }
                }
            } else {
                for (int i = 0; i < perClient / 10; i++) {
                    CustomerDirectoryClient.ask("1|Load " + i + "\n");
                }
            }
            return null;
        });
        Thread.sleep(600);

        String after = scrape("application");
        System.out.println("/metrics (application scope) after " + clients + " FeatherBase clients x " + perClient + " getdbs and "
                + clients + " customer clients x " + perClient / 10 + " finds:");
        after.lines().filter(l -> l.startsWith("portico_") && !l.endsWith(" 0.0")).forEach(System.out::println);
        String featherBase = "protocol=\"featherbase\"";
        assertEquals(clients * perClient, delta(before, after, "portico_listener_command_requests", featherBase, "command=\"getdbs\""), after);
        assertEquals(clients * perClient, delta(before, after, "portico_listener_latency_seconds_count", featherBase), after);
        assertEquals(clients * perClient / 10, delta(before, after, "portico_listener_command_requests", "protocol=\"customer-directory\"",
                "command=\"find\""), after);
        for (String protocol : PROTOCOLS) {
            assertEquals(0.0, sample(after, "portico_listener_requests_in_flight", "protocol=\"" + protocol + "\""), after);
        }
        double previous = 0;
        for (String le : new String[] {"0.0005", "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"}) {
            double bucket = sample(after, "portico_listener_latency_seconds_bucket", featherBase, "le=\"" + le + "\"");
            assertTrue(bucket >= previous, "cumulative buckets: " + le + " in " + after);
            previous = bucket;
        }
    }

    @Test
    void dataSetGaugesShowWhatIsStoredWithinAFewSeconds() throws Exception {
        TestDatabase.clearCustomers();
        for (String name : new String[] {"Alpha", "Bravo", "Charlie", "Delta"}) {
            String reply = CustomerDirectoryClient.ask("2|" + name + "|30|1 Road|514-4444\n");
            assertTrue(reply.endsWith("added to the database"), reply);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        double customers;
        do {
            Thread.sleep(500);
            customers = value(scrape("application"), "portico_customers", null);
        } while (customers != 4 && System.nanoTime() < deadline);
        assertEquals(4.0, customers);
        String scraped = scrape("application");
        assertEquals(TestDatabase.count("rental"), value(scraped, "portico_rentals", null), 0.0, scraped);
    }

    @Test
    void connectionPoolFiguresComeFromLibertysVendorMetrics() throws Exception {
        CustomerDirectoryClient.ask("1|Nobody\n");
        String vendor = scrape("vendor");
        assertTrue(vendor.contains("connectionpool_managedConnections{datasource=\"jdbc_portico\""), vendor);
    }

    /**
     * Stores one row with one cell, 7, in a new table of {@code database}, then has {@code clients} connections at once
     * read that cell {@code perClient} times each, every reply checked: reads that arrive together, to be answered so.
     */
    static void readOneCellAtOnce(String database, int clients, int perClient, java.time.Duration within) throws Exception {
        try (FeatherBaseClient setup = new FeatherBaseClient()) {
            setup.ask("createdb|" + database);
            setup.ask("addtbl|" + database + "|rows>n");
            assertEquals("SUCCESS", setup.ask("addrow|" + database + "|rows>7"));
        }
        Concurrently.run(clients, within, index -> {
            try (FeatherBaseClient client = new FeatherBaseClient()) {
                for (int i = 0; i < perClient; i++) {
                    assertEquals("7", client.ask("getcell|" + database + "|rows>0,n"));
                }
            }
            return null;
        });
    }

    @Test
    void libertysRequestTimersKeepNoPercentiles() throws Exception {
        // Each timer's percentiles hold half a megabyte of histograms, one timer per route, method and status (QA: 69 MB).
        assertEquals(200, Http.get("/api/customers?limit=1").statusCode());
        assertEquals(200, Http.get("/api/rentals/reports/genders").statusCode());
        String all = Http.send(atServerRoot("/metrics")).body();
        List<String> timers = all.lines().filter(l -> l.startsWith("REST_request") || l.startsWith("http_server_request")).toList();
        assertTrue(timers.stream().anyMatch(l -> l.contains("_count")), "the timers are there: " + all.length());
        assertTrue(timers.stream().noneMatch(l -> l.contains("quantile=")), String.join("\n", timers));
    }

    static String scrape(String scope) throws Exception {
        HttpResponse<String> metrics = Http.send(atServerRoot("/metrics?scope=" + scope));
        assertEquals(200, metrics.statusCode(), "readable without a login: " + metrics.body());
        return metrics.body();
    }

    /** The value of a Prometheus sample named {@code name}, with the given protocol tag when not null; fails if absent. */
    private static double value(String scraped, String name, String protocol) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} (\\S+)$").matcher(scraped);
        while (m.find()) {
            if (protocol == null || m.group(1).contains("protocol=\"" + protocol + "\"")) {
                return Double.parseDouble(m.group(2));
            }
        }
        throw new AssertionError("no sample " + name + " for " + protocol + " in:\n" + scraped);
    }

    /** How much the sample with every given label grew between two scrapes. */
    private static double delta(String before, String after, String name, String... labels) {
        return sample(after, name, labels) - sample(before, name, labels);
    }

    /** The value of the Prometheus sample {@code name} whose labels include each of {@code labels} ({@code key="value"}); fails if absent. */
    static double sample(String scraped, String name, String... labels) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} (\\S+)$").matcher(scraped);
        while (m.find()) {
            String found = m.group(1);
            if (java.util.Arrays.stream(labels).allMatch(found::contains)) {
                return Double.parseDouble(m.group(2));
            }
        }
        throw new AssertionError("no sample " + name + " with " + java.util.Arrays.toString(labels) + " in:\n" + scraped);
    }

    /** A GET of a path at the server's root (mpHealth and mpMetrics live outside the application's context root). */
    static HttpRequest.Builder atServerRoot(String path) {
        return HttpRequest.newBuilder(URI.create("http://" + ItEnvironment.HOST + ":" + ItEnvironment.httpPort() + path))
                .timeout(Duration.ofSeconds(30)).GET();
    }
}
