package dev.portico.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's dashboard in a browser: the three listeners with their ports and counters, and the
 * database's figures, refreshed by the page itself (no reload) after traffic on the sockets.
 */
@ExtendWith(ArquillianExtension.class)
class ConsoleDashboardIT {

    /** Longer than the page's 5 s refresh plus the figures' reuse (2 s on a small database), with room for a slow CI machine. */
    private static final Duration REFRESH_WAIT = Duration.ofSeconds(25);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void dashboardIsTheWelcomePageAndShowsTheThreeListenersOnTheirTestPorts() {
        try (Browser browser = Browser.open()) {
            browser.loginAsAdmin();
            browser.open("/");
            browser.waitFor(By.id("dashboard:listeners"));
            assertEquals("Dashboard", browser.driver().findElement(By.id("page-title")).getText());
            // It refreshes for as long as an idle session lasts (30 minutes), so that it does not keep the session alive.
            browser.waitForText(By.id("dashboard:refresh-note"), "the page refreshes itself every 5 seconds for 30 minutes.");
            assertTrue(browser.driver().findElements(By.id("dashboard:refresh-stopped")).isEmpty());

            Map<String, Integer> ports = Map.of("customer-directory", ItEnvironment.customerPort(),
                    "featherbase", ItEnvironment.featherBasePort(), "rental-intake", ItEnvironment.rentalPort());
            Map<String, String> titles = Map.of("customer-directory", "Customer directory", "featherbase", "FeatherBase",
                    "rental-intake", "Rental intake");
            assertEquals(3, browser.driver().findElements(By.cssSelector("[id='dashboard:listeners'] tbody tr")).size());
            ports.forEach((protocol, port) -> {
                assertEquals(titles.get(protocol), cell(browser, protocol, "title"));
                assertEquals(ItEnvironment.HOST + ":" + port, cell(browser, protocol, "address"));
                assertEquals("listening", cell(browser, protocol, "state"));
            });
            browser.screenshot("console-dashboard");
        }
    }

    @Test
    void requestSentOverASocketRaisesThatListenersCountsOnTheNextRefresh() throws Exception {
        try (Browser browser = Browser.open()) {
            browser.loginAsAdmin();
            browser.open("/index.xhtml");
            browser.waitFor(By.id("dashboard:listeners"));
            long requests = number(cell(browser, "featherbase", "requests"));
            long errors = number(cell(browser, "featherbase", "errors"));
            long customerRequests = number(cell(browser, "customer-directory", "requests"));

            try (FeatherBaseClient client = new FeatherBaseClient()) {
                client.ask("getdbs|");
                awaitCell(browser, "featherbase", "requests", requests + 1);
                assertTrue(number(cell(browser, "featherbase", "open")) >= 1, "the FeatherBase client is still connected");
            }
            CustomerDirectoryClient.ask("1|Nobody In Particular\n");
            awaitCell(browser, "customer-directory", "requests", customerRequests + 1);
            assertEquals(errors, number(cell(browser, "featherbase", "errors")));
            browser.screenshot("console-dashboard-after-requests");
        }
    }

    @Test
    void malformedRequestRaisesTheRefusedCountAndShowsTheLastError() {
        try (Browser browser = Browser.open()) {
            browser.loginAsAdmin();
            browser.open("/index.xhtml");
            browser.waitFor(By.id("dashboard:listeners"));
            long requests = number(cell(browser, "rental-intake", "requests"));
            long refused = number(cell(browser, "rental-intake", "refused"));
            long errors = number(cell(browser, "rental-intake", "errors"));

            assertEquals("Error: pickle opcode not allowed: GLOBAL", RentalClient.send(RentalClient.vector("malicious-global-ordereddict-p2.pkl")));

            awaitCell(browser, "rental-intake", "refused", refused + 1);
            assertEquals(requests + 1, number(cell(browser, "rental-intake", "requests")));
            assertEquals(errors, number(cell(browser, "rental-intake", "errors")), "the client's input was at fault, not the server");
            String lastError = cell(browser, "rental-intake", "last-error");
            assertTrue(lastError.matches("Refused: bad input from /127\\.0\\.0\\.1:\\d+, answered: Error: pickle opcode not allowed: GLOBAL"), lastError);
            assertTrue(cell(browser, "rental-intake", "last-error-at").matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d .+"),
                    cell(browser, "rental-intake", "last-error-at"));
            browser.screenshot("console-dashboard-refused-input");
        }
    }

    @Test
    void requestsPanelShowsCommandsProblemsInFlightAndAnswerTimesAsMetricsDo() throws Exception {
        try (Browser browser = Browser.open()) {
            browser.loginAsAdmin();
            browser.open("/index.xhtml");
            browser.waitFor(By.id("dashboard:traffic"));
            long answered = number(cell(browser, "customer-directory", "answered"));
            long finds = count(cell(browser, "customer-directory", "commands"), "find");
            long badInput = count(cell(browser, "customer-directory", "problems"), "bad_input");

            for (int i = 0; i < 3; i++) {
                CustomerDirectoryClient.ask("1|Dash Nobody " + i + "\n");
            }
            assertEquals("invalid choice...\n", CustomerDirectoryClient.ask("9|what\n"));

            awaitCell(browser, "customer-directory", "answered", answered + 3);
            assertEquals(finds + 3, count(cell(browser, "customer-directory", "commands"), "find"), cell(browser, "customer-directory", "commands"));
            assertEquals(badInput + 1, count(cell(browser, "customer-directory", "problems"), "bad_input"));
            assertEquals("0", cell(browser, "customer-directory", "in-flight"));
            assertTrue(cell(browser, "customer-directory", "latency-mean").matches("[0-9][0-9,]*(\\.\\d\\d)? ms"),
                    cell(browser, "customer-directory", "latency-mean"));
            assertTrue(cell(browser, "customer-directory", "latency-max").matches("[0-9][0-9,]*(\\.\\d\\d)? ms"),
                    cell(browser, "customer-directory", "latency-max"));
            browser.screenshot("console-dashboard-requests");

            Thread.sleep(600); // past the metrics' half-second snapshot
            String metrics = HealthAndMetricsIT.scrape("application");
            String customer = "protocol=\"customer-directory\"";
            assertEquals(number(cell(browser, "customer-directory", "answered")),
                    (long) HealthAndMetricsIT.sample(metrics, "portico_listener_latency_seconds_count", customer), "the same count on both");
            assertEquals(count(cell(browser, "customer-directory", "commands"), "find"),
                    (long) HealthAndMetricsIT.sample(metrics, "portico_listener_command_requests", customer, "command=\"find\""));
            assertEquals(count(cell(browser, "customer-directory", "problems"), "bad_input"),
                    (long) HealthAndMetricsIT.sample(metrics, "portico_listener_problems", customer, "kind=\"bad_input\""));
        }
    }

    @Test
    void readsAnsweredTogetherAreShownAsMetricsCountThem() throws Exception {
        HealthAndMetricsIT.readOneCellAtOnce("dashgather", 16, 50, Duration.ofSeconds(60));
        Thread.sleep(600); // past the metrics' half-second snapshot
        String metrics = HealthAndMetricsIT.scrape("application");
        String featherBase = "protocol=\"featherbase\"";
        long calls = (long) HealthAndMetricsIT.sample(metrics, "portico_listener_gathered_calls", featherBase);
        long gathered = (long) HealthAndMetricsIT.sample(metrics, "portico_listener_gathered_requests", featherBase);
        assertTrue(calls > 0 && gathered >= 2 * calls, "16 connections reading at once had reads answered together: " + gathered + " in " + calls);

        try (Browser browser = Browser.open()) {
            browser.loginAsAdmin();
            browser.open("/index.xhtml");
            browser.waitFor(By.id("dashboard:traffic"));
            assertEquals(String.format(Locale.ROOT, "%,d in %,d %s", gathered, calls, calls == 1 ? "call" : "calls"),
                    cell(browser, "featherbase", "together"));
            assertEquals("none", cell(browser, "customer-directory", "together"), "the customer directory answers each request alone");
            browser.screenshot("console-dashboard-together");
        }
    }

    @Test
    void databasePanelShowsTheVersionsAndTheCountsOfWhatTheTestStored() throws Exception {
        TestDatabase.clearCustomers();
        TestDatabase.clearFeatherBase();
        TestDatabase.clearRentals();
        for (String line : new String[] {"2|Dash One|40|1 Board St|514-4287", "2|Dash Two|33|2 Board St|394-3131"}) {
            assertEquals(line + " added to the database", CustomerDirectoryClient.ask(line + "\n"));
        }
        try (FeatherBaseClient client = new FeatherBaseClient()) {
            assertEquals("SUCCESS", client.ask("createdb|dash"));
            assertEquals("SUCCESS", client.ask("addtbl|dash|parts>name,qty"));
            assertEquals("SUCCESS", client.ask("addtbl|dash|empty>x"));
            for (int i = 0; i < 4; i++) {
                assertEquals("SUCCESS", client.ask("addrow|dash|parts>p" + i + "," + i));
            }
        }
        assertTrue(RentalClient.send(RentalClient.vector("valid-three-rentals-p4.pkl")).startsWith("Data received"));
        Map<String, String> expected = new java.util.TreeMap<>(Map.of(
                "db-version", TestDatabase.rows("SELECT VERSION()").get(0),
                "schema-version", TestDatabase.rows("SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL"
                        + " ORDER BY installed_rank DESC LIMIT 1").get(0),
                "customers", "2",
                "fb-databases", "1",
                "fb-tables", "2",
                "fb-rows", "4",
                "renters", String.valueOf(TestDatabase.count("renter")),
                "rentals", "3"));
        assertEquals(2, TestDatabase.countCustomers(), "the customers really stored");
        assertEquals(4, TestDatabase.count("fb_row"), "the rows really stored");
        assertEquals(3, TestDatabase.count("rental"));

        try (Browser browser = Browser.open()) {
            browser.loginAsAdmin();
            browser.open("/index.xhtml");
            browser.waitFor(By.id("dashboard:database"));
            assertEquals("reachable", browser.driver().findElement(By.id("dashboard:db-state")).getText());
            try {
                // Figures read up to 2 s before the test stored its data may be shown first; the next refresh has these.
                new WebDriverWait(browser.driver(), REFRESH_WAIT)
                        .withMessage(() -> "figures " + expected + ", shown " + shown(browser, expected.keySet()))
                        .until(d -> expected.equals(shown(browser, expected.keySet())));
            } finally {
                browser.screenshot("console-dashboard-database");
            }
            assertEquals(expected, shown(browser, expected.keySet()));
        }
    }

    /** The database panel's figures by id, as shown. */
    private static Map<String, String> shown(Browser browser, java.util.Set<String> ids) {
        Map<String, String> shown = new java.util.TreeMap<>();
        for (String id : ids) {
            try {
                shown.put(id, browser.driver().findElement(By.id("dashboard:" + id)).getText().strip());
            } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
                shown.put(id, "(not shown)");
            }
        }
        return shown;
    }

    /** The text of one listener's cell, such as {@code requests}, by its row's protocol class and the cell's id. */
    private static String cell(Browser browser, String protocol, String id) {
        return browser.driver().findElement(By.cssSelector("tr.listener-" + protocol + " [id$=':" + id + "']")).getText().strip();
    }

    /** The count after {@code name} in a list such as {@code find 3, delete 1}; 0 when absent. */
    private static long count(String list, String name) {
        // Counts are grouped (1,203) in a list separated by ", ".
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:^|, )" + name + " ([0-9][0-9,]*[0-9]|[0-9])").matcher(list);
        return m.find() ? Long.parseLong(m.group(1).replace(",", "")) : 0;
    }

    private static long number(String text) {
        return Long.parseLong(text.replaceAll("[^0-9]", ""));
    }

    /** Waits, without reloading, until the page's own refresh shows {@code expected} in the cell. */
    private static void awaitCell(Browser browser, String protocol, String id, long expected) {
        WebDriver driver = browser.driver();
        new WebDriverWait(driver, REFRESH_WAIT).withMessage(() -> protocol + " " + id + " to become " + expected + ", is "
                        + cell(browser, protocol, id))
                .until(d -> {
                    try {
                        return number(cell(browser, protocol, id)) == expected;
                    } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
                        return false;
                    }
                });
    }
}
