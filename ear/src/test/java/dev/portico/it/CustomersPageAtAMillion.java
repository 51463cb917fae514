package dev.portico.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A measurement, not part of {@code mvn verify} (its name does not end in IT): the customers page
 * with 1,000,000 customers. Run it alone with {@code -Dit.test=CustomersPageAtAMillion} (see README);
 * it prints the timings and saves screenshots.
 */
@ExtendWith(ArquillianExtension.class)
class CustomersPageAtAMillion {

    private static final int CUSTOMERS = 1_000_000;
    private static final By PAGE_REPORT = By.cssSelector("#customersForm\\:customers .ui-paginator-current");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void customersPageRendersQuicklyWithAMillionCustomers() throws Exception {
        long start = System.nanoTime();
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM customer");
            s.executeUpdate("INSERT INTO customer (name, age, address, phone) SELECT CONCAT('Customer ', seq), 1 + seq % 120,"
                    + " CONCAT(seq, ' Main Street'), CONCAT(ELT(1 + seq % 4, '394', '426', '514', '901'), '-', LPAD(seq % 10000, 4, '0'))"
                    + " FROM seq_1_to_" + CUSTOMERS);
            s.execute("ANALYZE TABLE customer");
        }
        report("bulk insert of " + CUSTOMERS + " customers (SQL)", start);

        for (int i = 0; i < 3; i++) {
            start = System.nanoTime();
            HttpResponse<String> page = Http.get("/customers/index.xhtml");
            report("GET /customers/index.xhtml, whole HTML (" + page.body().length() + " chars), run " + (i + 1), start);
        }

        try (Browser browser = Browser.open()) {
            browser.loginAsAdmin();
            for (int i = 0; i < 3; i++) {
                start = System.nanoTime();
                browser.open("/customers/index.xhtml");
                browser.waitForText(PAGE_REPORT, "of 1,000,000");
                report("browser: navigation to a rendered first page, run " + (i + 1), start);
                System.out.println("  navigation timing: " + ((JavascriptExecutor) browser.driver()).executeScript(
                        "const t = performance.getEntriesByType('navigation')[0];"
                                + " return 'responseStart ' + Math.round(t.responseStart) + ' ms, responseEnd ' + Math.round(t.responseEnd)"
                                + " + ' ms, domContentLoaded ' + Math.round(t.domContentLoadedEventEnd) + ' ms, load ' + Math.round(t.loadEventEnd) + ' ms';"));
            }
            browser.screenshot("customers-page-1m-first");

            start = System.nanoTime();
            browser.driver().findElement(By.cssSelector("#customersForm\\:customers .ui-paginator-last")).click();
            browser.waitForText(PAGE_REPORT, "999,976-1,000,000 of 1,000,000");
            report("browser: last page (offset 999,975)", start);
            browser.screenshot("customers-page-1m-last");

            start = System.nanoTime();
            WebElementTyping.type(browser, "customersForm:customers:name:filter", "customer 99999");
            browser.waitForText(PAGE_REPORT, "of 11");
            report("browser: name filter 'customer 99999' (includes the 400 ms filter delay)", start);

            WebElementTyping.type(browser, "customersForm:customers:name:filter", "");
            browser.waitForText(PAGE_REPORT, "of 1,000,000");
            start = System.nanoTime();
            browser.driver().findElement(By.cssSelector("#customersForm\\:customers\\:age .ui-sortable-column-icon")).click();
            browser.waitForText(By.cssSelector("#customersForm\\:customers_data > tr:first-child > td:nth-child(2)"), "1");
            report("browser: sort by age", start);

            start = System.nanoTime();
            WebElementTyping.type(browser, "customersForm:customers:phone:filter", "514-12");
            browser.waitForText(PAGE_REPORT, "of 2,500");
            report("browser: phone filter '514-12' sorted by age (includes the 400 ms filter delay)", start);
            browser.screenshot("customers-page-1m-filtered");
        }

        start = System.nanoTime();
        HttpResponse<String> export = Http.get("/customers/export");
        assertEquals(CUSTOMERS, export.body().lines().count());
        report("GET /customers/export, " + CUSTOMERS + " lines", start);
    }

    private static void report(String what, long startNanos) {
        System.out.printf("MEASURE %-80s %8d ms%n", what, (System.nanoTime() - startNanos) / 1_000_000);
    }

    /** Replaces an input's text. */
    private static final class WebElementTyping {
        static void type(Browser browser, String id, String text) {
            var input = browser.waitFor(By.id(id));
            input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.BACK_SPACE);
            input.sendKeys(text);
        }
    }
}
