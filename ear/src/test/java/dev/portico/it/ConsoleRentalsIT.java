package dev.portico.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console's rentals page in a real browser: the list, the charts' numbers, the filters and the CSV download. */
@ExtendWith(ArquillianExtension.class)
class ConsoleRentalsIT {

    private static final String STORED = "Data received and stored successfully";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    private Browser browser;

    /** Saves a screenshot of the page a failed test left behind. */
    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = context -> {
        if (context.getExecutionException().isPresent() && browser != null) {
            browser.screenshot("console-rentals-failed-" + context.getRequiredTestMethod().getName());
        }
    };

    @BeforeEach
    void emptyTablesAndOpenBrowser() throws Exception {
        TestDatabase.clearRentals();
        browser = Browser.open();
        browser.loginAsAdmin();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aRentalSentOverTheSocketIsListedAndCountedInEveryChartsNumbers() throws Exception {
        assertEquals(STORED, RentalClient.send(RentalClient.vector("valid-one-rental-p4.pkl")));
        browser.open("/rentals/index.xhtml");
        browser.waitFor(By.id("results:rentals"));
        assertEquals("1", text(browser, "results:total"), "the default range ends on the latest rental's day");
        assertEquals(List.of("2024-01-25 08:30:01 2024-01-25 20:30:01 Mira F Axia 10"), rows(browser, "results:rentals_data"));
        assertEquals(List.of("Axia 1 10"), rows(browser, "results:car-model-numbers"));
        assertEquals(List.of("Female 1"), rows(browser, "results:gender-numbers"));
        assertEquals(List.of("2024-01-25 1"), rows(browser, "results:per-day-numbers"));
        assertEquals("0-49 km 1", rows(browser, "results:mileage-numbers").get(0));
        assertTrue(rows(browser, "results:mileage-numbers").stream().skip(1).allMatch(row -> row.endsWith(" 0")));
        assertEquals(List.of("Axia 12 h 00 min"), rows(browser, "results:duration-numbers"));
        for (String chart : List.of("car-model-chart", "gender-chart", "per-day-chart", "mileage-chart", "duration-chart")) {
            assertTrue(browser.driver().findElement(By.id("results:" + chart)).findElement(By.tagName("canvas")).isDisplayed(), chart);
        }
        browser.screenshot("console-rentals-socket-rental");
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView();", browser.driver().findElement(By.id("results:rentals")));
        browser.screenshot("console-rentals-socket-rental-list");
    }

    @Test
    void filtersNarrowTheListAndTheNumbers() throws Exception {
        assertEquals(STORED, RentalClient.send(RentalClient.vector("valid-three-rentals-p4.pkl")));
        assertEquals(STORED, RentalClient.send(RentalClient.vector("valid-one-rental-p4.pkl")));
        browser.open("/rentals/index.xhtml");
        browser.waitFor(By.id("results:rentals"));
        assertEquals("4", text(browser, "results:total"));
        assertEquals(List.of("Mira", "Siti", "Kamal", "Ali"), renters(browser), "newest first");

        choose(browser, "filters:gender", "Female");
        apply(browser, "2");
        assertEquals(List.of("Mira", "Siti"), renters(browser));
        assertEquals(List.of("Female 2"), rows(browser, "results:gender-numbers"));

        assertTrue(text(browser, "summary").matches("Rentals with a time in from [-0-9]{10} to [-0-9]{10}, gender Female: 2;.*"),
                "the summary names the filters applied: " + text(browser, "summary"));

        choose(browser, "filters:car", "Axia");
        apply(browser, "1");
        assertTrue(text(browser, "summary").matches("Rentals with a time in from [-0-9]{10} to [-0-9]{10}, car model Axia, gender Female: 1;.*"),
                text(browser, "summary"));
        assertEquals(List.of("Mira"), renters(browser));
        assertEquals(List.of("Axia 1 10"), rows(browser, "results:car-model-numbers"));

        choose(browser, "filters:car", "All");
        choose(browser, "filters:gender", "All");
        type(browser, "filters:renter", "kA");
        apply(browser, "1");
        assertEquals(List.of("Kamal"), renters(browser), "name prefix, any case");

        type(browser, "filters:renter", "");
        type(browser, "filters:from_input", "2024-01-24");
        type(browser, "filters:to_input", "2024-01-24");
        apply(browser, "3");
        assertEquals(List.of("Siti", "Kamal", "Ali"), renters(browser));
        assertEquals(List.of("2024-01-24 3"), rows(browser, "results:per-day-numbers"));

        type(browser, "filters:from_input", "2024-01-25");
        browser.driver().findElement(By.id("filters:apply")).click();
        browser.waitForText(By.id("filters"), "The last day must not be before the first day.");
        assertEquals("3", text(browser, "results:total"), "a refused range changes nothing");

        type(browser, "filters:from_input", "2024-02-30");
        browser.driver().findElement(By.id("filters:apply")).click();
        browser.waitForText(By.id("filters"), "Not a day: 2024-02-30 (write it as YYYY-MM-DD).");
        assertEquals("3", text(browser, "results:total"), "a day the calendar does not have is refused, not taken for another");
        type(browser, "filters:from_input", "2024-01-24");
        browser.screenshot("console-rentals-filters");

        // The calendar chooses a year and a month directly (QA: only month arrows, a far year had to be typed).
        browser.driver().findElement(By.cssSelector("#filters\\:from .ui-datepicker-trigger")).click();
        browser.waitFor(By.cssSelector(".ui-datepicker-year"));
        browser.waitFor(By.cssSelector(".ui-datepicker-month"));
        browser.screenshot("console-rentals-datepicker");
    }

    @Test
    void theCsvDownloadHoldsTheFilteredRentalsOldestFirstAndQuoted() throws Exception {
        String json = "{\"users\": [[\"Lee, \\\"Jr\\\"\", \"M\"], [\"=cmd\", \"F\"], [\"Zoe\", \"F\"]],"
                + " \"CarStatus\": [[\"Axia\", \"5\"], [\"Kancil\", \"6\"], [\"Corolla\", \"7\"]],"
                + " \"Time_Rent\": [[\"2024-05-01 10:00:00\", \"2024-05-01 11:00:00\"], [\"2024-05-02 10:00:00\", \"2024-05-02 11:00:00\"],"
                + " [\"2024-05-03 10:00:00\", \"2024-05-03 12:00:00\"]]}";
        assertEquals(201, Http.post("/api/rentals", "application/json", json).statusCode());
        List<String> ids = TestDatabase.rows("SELECT id FROM rental ORDER BY time_in");
        browser.open("/rentals/index.xhtml");
        browser.waitFor(By.id("results:rentals"));
        assertEquals("3", text(browser, "results:total"));
        HttpResponse<String> all = download(browser);
        assertEquals(200, all.statusCode());
        assertTrue(all.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(all.headers().firstValue("Content-Disposition").orElse("").contains("rentals-2024-04-04-to-2024-05-03.csv"));
        assertEquals("id,renter,gender,car_model,mileage_km,time_in,time_out\r\n"
                + ids.get(0) + ",\"Lee, \"\"Jr\"\"\",M,Axia,5,2024-05-01 10:00:00,2024-05-01 11:00:00\r\n"
                + ids.get(1) + ",'=cmd,F,Kancil,6,2024-05-02 10:00:00,2024-05-02 11:00:00\r\n"
                + ids.get(2) + ",Zoe,F,Corolla,7,2024-05-03 10:00:00,2024-05-03 12:00:00\r\n", all.body());

        choose(browser, "filters:gender", "Female");
        type(browser, "filters:renter", "z");
        apply(browser, "1");
        assertEquals("id,renter,gender,car_model,mileage_km,time_in,time_out\r\n"
                + ids.get(2) + ",Zoe,F,Corolla,7,2024-05-03 10:00:00,2024-05-03 12:00:00\r\n", download(browser).body());
        browser.screenshot("console-rentals-export");

        HttpResponse<String> refused = get(browser, ItEnvironment.baseUrl() + "/rentals/export.csv?from=2024-05-01&to=2024-13-01");
        assertEquals(400, refused.statusCode());
        assertEquals("to must be a date as YYYY-MM-DD, got '2024-13-01'", refused.body());
    }

    /** Fetches the page's download link with the browser's session. */
    private static HttpResponse<String> download(Browser browser) throws Exception {
        return get(browser, browser.driver().findElement(By.id("results:export")).getAttribute("href"));
    }

    private static HttpResponse<String> get(Browser browser, String url) throws Exception {
        String cookies = browser.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void apply(Browser browser, String expectedTotal) {
        browser.driver().findElement(By.id("filters:apply")).click();
        browser.waitForAjax();
        browser.waitForText(By.id("results:total"), expectedTotal);
        assertEquals(expectedTotal, text(browser, "results:total"));
        String pages = browser.driver().findElement(By.cssSelector("[id='results:rentals'] .ui-paginator-current")).getText();
        assertTrue(pages.endsWith(" of " + expectedTotal), "the paginator counts the selection too: " + pages);
    }

    /** Picks an option of a PrimeFaces select menu by its label (again if a click lands while the panel is still opening). */
    private static void choose(Browser browser, String menuId, String label) {
        By item = By.cssSelector("[id='" + menuId + "_items'] li[data-label='" + label + "']");
        for (int attempt = 1; ; attempt++) {
            try {
                if (browser.driver().findElements(item).stream().noneMatch(WebElement::isDisplayed)) {
                    browser.driver().findElement(By.id(menuId)).click();
                }
                // The panel fades in where the menu is; a plain click can land while it is still moving.
                ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].click();", browser.waitFor(item));
                new WebDriverWait(browser.driver(), Duration.ofSeconds(3))
                        .until(ExpectedConditions.textToBePresentInElementLocated(By.id(menuId + "_label"), label));
                return;
            } catch (WebDriverException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** Replaces an input's text as a user would: select all, then type. */
    private static void type(Browser browser, String inputId, String text) {
        WebElement input = browser.driver().findElement(By.id(inputId));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
        assertEquals(text, input.getAttribute("value"), inputId);
    }

    private static String text(Browser browser, String id) {
        return browser.driver().findElement(By.id(id)).getText().strip();
    }

    /** The text of each row of a table body (or table), cells separated by single spaces. */
    private static List<String> rows(Browser browser, String id) {
        return browser.driver().findElement(By.id(id)).findElements(By.cssSelector("tbody > tr, :scope > tr")).stream()
                .map(row -> row.findElements(By.tagName("td")).stream().map(td -> td.getText().strip()).collect(Collectors.joining(" ")))
                .filter(row -> !row.isBlank())
                .toList();
    }

    private static List<String> renters(Browser browser) {
        return browser.driver().findElements(By.cssSelector("[id='results:rentals_data'] > tr > td:nth-child(3)")).stream()
                .map(WebElement::getText).toList();
    }
}
