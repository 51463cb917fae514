package dev.portico.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console's customers page in a browser, checked against what the socket and the database hold. */
@ExtendWith(ArquillianExtension.class)
class ConsoleCustomersIT {

    private static final String PAGE = "/customers/index.xhtml";
    private static final By PAGE_REPORT = By.cssSelector("#customersForm\\:customers .ui-paginator-current");
    private static final By ROWS = By.cssSelector("#customersForm\\:customers_data > tr");
    private static final By MESSAGES = By.id("messages");

    private static Browser browser;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeAll
    static void openBrowser() {
        browser = Browser.open();
        browser.loginAsAdmin();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void emptyDirectory() throws SQLException {
        TestDatabase.clearCustomers();
    }

    @Test
    void aCustomerEditedInTheConsoleIsWhatTheSocketsFindReturns() {
        CustomerDirectoryClient.ask("2|Edith|30|1 Old Rd|514-0000\n");
        openPage();
        browser.waitForText(cell(0, 0), "Edith");

        browser.driver().findElement(By.id("customersForm:customers:0:edit")).click();
        type("editor:age", "abc");
        browser.driver().findElement(By.id("editor:save")).click();
        browser.waitForText(By.id("editor:ageMessage"), "DB read error. Update skipped [invalid age formate]: ['Edith', 'abc']");
        assertEquals("Edith|30|1 Old Rd|514-0000", CustomerDirectoryClient.ask("1|edith\n"), "a refused edit changes nothing");

        type("editor:age", "31");
        type("editor:address", "2 New Rd");
        type("editor:phone", "901-1111");
        browser.driver().findElement(By.id("editor:save")).click();
        browser.waitForText(MESSAGES, "Edith's phone number is updated to the database");
        String messages = browser.driver().findElement(MESSAGES).getText();
        assertTrue(messages.contains("Edith's age is updated to the database"), messages);
        assertTrue(messages.contains("Edith's address is updated to the database"), messages);
        browser.waitForText(cell(0, 1), "31");
        browser.screenshot("console-customers-edited");

        assertEquals("Edith|31|2 New Rd|901-1111", CustomerDirectoryClient.ask("1|edith\n"));

        // Saved as it was: said so, rather than the form closing without a word.
        browser.driver().findElement(By.id("customersForm:customers:0:edit")).click();
        browser.waitFor(By.id("editor:save")).click();
        browser.waitForText(MESSAGES, "Edith unchanged: the fields were as stored.");
    }

    @Test
    void anEditSavedAfterSomeoneElseChangedTheCustomerSavesNothingAndSaysWhatIsStoredNow() {
        CustomerDirectoryClient.ask("2|Conc|20|orig|514-0001\n");
        openPage();
        browser.waitForText(cell(0, 0), "Conc");
        browser.driver().findElement(By.id("customersForm:customers:0:edit")).click();
        type("editor:age", "22");
        // Meanwhile, through the socket, someone else changes the address the form still shows as "orig".
        assertEquals("Conc's address is updated to the database", CustomerDirectoryClient.ask("5|Conc|changed by B\n"));
        browser.driver().findElement(By.id("editor:save")).click();
        browser.waitForText(By.id("editor:nameMessage"), "Conc was changed meanwhile, and nothing was saved. Stored now: age 20, "
                + "address changed by B, phone 514-0001. Save again to store what the form shows.");
        assertEquals("Conc|20|changed by B|514-0001", CustomerDirectoryClient.ask("1|conc\n"), "the other change stands");
        browser.screenshot("console-customers-changed-meanwhile");

        browser.driver().findElement(By.id("editor:save")).click(); // the operator has seen it, and stores the form's values
        browser.waitForText(MESSAGES, "Conc's age is updated to the database");
        assertEquals("Conc|22|orig|514-0001", CustomerDirectoryClient.ask("1|conc\n"));
    }

    @Test
    void addingRefusesWhatTheSocketRefusesWithTheSameWordsNextToTheField() {
        CustomerDirectoryClient.ask("2|Zed|40||\n");
        openPage();
        browser.driver().findElement(By.id("customersForm:add")).click();
        type("editor:name", "ZED");
        browser.driver().findElement(By.id("editor:save")).click();
        browser.waitForText(By.id("editor:nameMessage"), "ZED already stored in the database");

        type("editor:name", "Yara");
        type("editor:age", "121");
        browser.driver().findElement(By.id("editor:save")).click();
        browser.waitForText(By.id("editor:ageMessage"), "DB read error. Adding skipped [invalid age field]: 121");

        type("editor:age", "29");
        type("editor:phone", "555-1234");
        browser.driver().findElement(By.id("editor:save")).click();
        browser.waitForText(By.id("editor:phoneMessage"), "DB read error. Adding skipped [invalid phone field]: 555-1234");
        browser.screenshot("console-customers-add-refused");

        type("editor:phone", "5".repeat(600));
        browser.driver().findElement(By.id("editor:save")).click();
        browser.waitForText(By.id("editor:phoneMessage"), "Input too long...");
        assertEquals("", browser.driver().findElement(By.id("editor:addressMessage")).getText(), "said next to the long field only");

        type("editor:phone", "394-1234");
        type("editor:address", " 9 Pine St ");
        browser.driver().findElement(By.id("editor:save")).click();
        browser.waitForText(MESSAGES, "2|Yara|29|9 Pine St|394-1234 added to the database");
        assertEquals("Yara|29|9 Pine St|394-1234", CustomerDirectoryClient.ask("1|yara\n"));
        browser.waitForText(PAGE_REPORT, "of 2");
    }

    @Test
    void deletingAsksForConfirmationFirst() {
        CustomerDirectoryClient.ask("2|Gone Soon|50||\n");
        openPage();
        browser.waitForText(cell(0, 0), "Gone Soon");

        browser.driver().findElement(By.id("customersForm:customers:0:delete")).click();
        browser.waitFor(By.id("customersForm:confirmNo")).click();
        browser.waitForAjax();
        assertEquals("Gone Soon|50||", CustomerDirectoryClient.ask("1|gone soon\n"), "cancelled: still there");

        browser.driver().findElement(By.id("customersForm:customers:0:delete")).click();
        browser.waitFor(By.id("customersForm:confirmDelete"));
        browser.screenshot("console-customers-confirm-delete");
        browser.waitFor(By.id("customersForm:confirmYes")).click();
        browser.waitForText(MESSAGES, "Gone Soon deleted from the database");
        browser.waitForText(By.id("customersForm:customers"), "No customers");
        assertEquals("gone soon is not found in database", CustomerDirectoryClient.ask("1|gone soon\n"));
    }

    @Test
    void anImportWithBadLinesShowsEverySkippedLineWithItsNumberTextAndReason() {
        openPage();
        browser.driver().findElement(By.id("import:file"))
                .sendKeys(ItEnvironment.shared().resolve("fixtures/customers-data.txt").toAbsolutePath().normalize().toString());
        browser.driver().findElement(By.id("import:upload")).click();
        browser.waitForText(By.id("importSummary"), "Imported 11 customers, skipped 12 lines");

        List<WebElement> skipped = browser.driver().findElements(By.cssSelector("#importReport\\:skipped_data > tr"));
        assertEquals(12, skipped.size());
        assertEquals(List.of("9", "Bella|121|7 Elm St|426-8888", "invalid age field"), cells(skipped.get(0)));
        assertEquals(List.of("10", "|35|22 Oak Ave|901-7777", "null key field"), cells(skipped.get(1)));
        assertEquals(List.of("19", "Ali|25|Addr|514-1111|Extra", "invalid formate"), cells(skipped.get(8)));
        assertEquals(List.of("21", "Bob|   |Addr|", "key/record already exists"), cells(skipped.get(9)));
        assertEquals(List.of("22", "Carl|abc|Addr|514-1111", "invalid age formate"), cells(skipped.get(10)));
        browser.waitForText(PAGE_REPORT, "of 11");
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()", browser.driver().findElement(By.id("importSummary")));
        browser.screenshot("console-customers-import-report");
        assertEquals("Katya|26|49 Queen Mary Road|514-7654", CustomerDirectoryClient.ask("1|katya\n"));
    }

    @Test
    void aLargeImportNumbersItsSkippedLinesAcrossItsBatchesAndFindsDuplicatesOfEarlierBatches() throws Exception {
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 1; i <= 2_500; i++) {
            lines.add(i == 1_001 ? "Broken|200||" : i == 2_345 ? "BULK0003|30||" : "bulk" + String.format("%04d", i) + "|30||");
        }
        java.nio.file.Path file = java.nio.file.Files.createTempFile("customers-", ".txt");
        try {
            java.nio.file.Files.write(file, lines);
            openPage();
            browser.waitForText(By.tagName("body"), "as the export writes them (at most 4 MiB)");
            browser.driver().findElement(By.id("import:file")).sendKeys(file.toAbsolutePath().toString());
            // A second click while the upload runs (an impatient user) must not send the file again: that import
            // would be the one shown, every line skipped as already stored.
            ((JavascriptExecutor) browser.driver()).executeScript("var b = arguments[0]; b.click(); setTimeout(function () { b.click(); }, 50);",
                    browser.driver().findElement(By.id("import:upload")));
            browser.waitForText(By.id("importSummary"), "Imported 2,498 customers, skipped 2 lines.");
        } finally {
            java.nio.file.Files.delete(file);
        }
        List<WebElement> skipped = browser.driver().findElements(By.cssSelector("#importReport\\:skipped_data > tr"));
        assertEquals(List.of("1001", "Broken|200||", "invalid age field"), cells(skipped.get(0)));
        assertEquals(List.of("2345", "BULK0003|30||", "key/record already exists"), cells(skipped.get(1)));
        assertEquals(2_498, TestDatabase.countCustomers());
    }

    @Test
    void anUploadOverTheImportLimitIsRefusedWithTheLimitAndStoresNothing() throws Exception {
        TestDatabase.clearCustomers();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("customers-", ".txt");
        try {
            StringBuilder lines = new StringBuilder();
            for (int i = 0; lines.length() <= 4_194_304; i++) {
                lines.append("upload").append(i).append("|30|1 Main St|514-1234\n");
            }
            java.nio.file.Files.writeString(file, lines);
            openPage();
            browser.waitForText(By.tagName("body"), "as the export writes them (at most 4 MiB)");
            browser.driver().findElement(By.id("import:file")).sendKeys(file.toAbsolutePath().toString());
            browser.driver().findElement(By.id("import:upload")).click();
            browser.waitForText(MESSAGES, "The file is larger than the 4 MiB a data file may have (portico.http.maxImportBytes); nothing was imported");

            // Past the form's own room (64 KiB), the server refuses the request before the page sees it: the same words,
            // on a page that leads back to the customers.
            while (lines.length() <= 4_194_304 + 65_536) {
                lines.append("more|30|1 Main St|514-1234\n");
            }
            java.nio.file.Files.writeString(file, lines);
            openPage();
            browser.waitFor(By.id("import:file")).sendKeys(file.toAbsolutePath().toString());
            browser.driver().findElement(By.id("import:upload")).click();
            browser.waitForText(By.id("error-message"), "The file is larger than the 4 MiB a data file may have (portico.http.maxImportBytes); nothing was imported.");
            browser.waitFor(By.id("back")).click();
            browser.waitFor(By.id("import:file"));

            java.nio.file.Files.writeString(file, "");
            browser.driver().findElement(By.id("import:file")).sendKeys(file.toAbsolutePath().toString());
            browser.driver().findElement(By.id("import:upload")).click();
            browser.waitForText(By.tagName("body"), "Choose a data file to import (an empty file holds nothing to import)");
        } finally {
            java.nio.file.Files.delete(file);
        }
        assertEquals(0, TestDatabase.countCustomers());
    }

    @Test
    void theTableShowsOnePageAtATimeAndFiltersAndSortsInTheDatabase() throws SQLException {
        insertNumberedCustomers(60);
        openPage();
        browser.waitForText(PAGE_REPORT, "1-25 of 60");
        assertEquals(25, browser.driver().findElements(ROWS).size());
        assertEquals("c00", browser.driver().findElement(cell(0, 0)).getText());

        browser.driver().findElement(By.cssSelector("#customersForm\\:customers .ui-paginator-next")).click();
        browser.waitForText(PAGE_REPORT, "26-50 of 60");
        assertEquals("c25", browser.driver().findElement(cell(0, 0)).getText());
        // The last page is in the second half: read from the other end of the index, shown in the page's order.
        browser.driver().findElement(By.cssSelector("#customersForm\\:customers .ui-paginator-last")).click();
        browser.waitForText(PAGE_REPORT, "51-60 of 60");
        assertEquals(List.of("c50", "c51", "c52", "c53", "c54", "c55", "c56", "c57", "c58", "c59"), columnTexts(0));
        browser.driver().findElement(By.cssSelector("#customersForm\\:customers .ui-paginator-first")).click();
        browser.waitForText(PAGE_REPORT, "1-25 of 60");

        type("customersForm:customers:name:filter", "C5");
        browser.waitForText(PAGE_REPORT, "1-10 of 10");
        assertEquals("c50", browser.driver().findElement(cell(0, 0)).getText());

        type("customersForm:customers:name:filter", "");
        type("customersForm:customers:age:filter", "21");
        browser.waitForText(PAGE_REPORT, "1-3 of 3");
        assertEquals(List.of("c01", "c21", "c41"), columnTexts(0));
        type("customersForm:customers:age:filter", "abc");
        browser.waitForText(By.id("customersForm:customers"), "No customers: the age filter takes a whole number of at most three digits, e.g. 42");

        type("customersForm:customers:age:filter", "");
        type("customersForm:customers:phone:filter", "901-00");
        browser.waitForText(PAGE_REPORT, "1-15 of 15");
        type("customersForm:customers:phone:filter", "");
        browser.waitForText(PAGE_REPORT, "1-25 of 60");

        browser.driver().findElement(By.cssSelector("#customersForm\\:customers\\:age .ui-sortable-column-icon")).click();
        browser.waitForText(cell(1, 0), "c20");
        browser.waitForAjax();
        assertEquals(List.of("c00", "c20", "c40", "c01"), columnTexts(0).subList(0, 4), "by age, then in the order added");
        browser.driver().findElement(By.cssSelector("#customersForm\\:customers\\:age .ui-sortable-column-icon")).click();
        browser.waitForText(cell(0, 1), "39");
        assertEquals(List.of("39", "39", "39", "38"), columnTexts(1).subList(0, 4));
        browser.screenshot("console-customers-paged-sorted");
        browser.driver().findElement(By.cssSelector("#customersForm\\:customers .ui-paginator-last")).click();
        browser.waitForText(PAGE_REPORT, "51-60 of 60");
        assertEquals(List.of("c03", "c42", "c22", "c02", "c41", "c21", "c01", "c40", "c20", "c00"), columnTexts(0),
                "the last page by age descending, read from the other end: equal ages newest first, as on the first page");
    }

    @Test
    void theExportDownloadIsTheWholeDirectoryInTheDataFileFormatInNameOrderAndNeedsALogin() throws Exception {
        insertNumberedCustomers(2_345);
        CustomerDirectoryClient.ask("2|ÁNGEL|33|1 Rue|514-3333\n");
        HttpResponse<String> anonymous = Http.send(Http.anonymous("/customers/export").GET());
        assertTrue(anonymous.statusCode() != 200 && !anonymous.body().contains("Street"), "no download without a login: " + anonymous.statusCode());

        HttpResponse<String> export = Http.get("/customers/export");
        assertEquals(200, export.statusCode());
        assertTrue(export.headers().firstValue("Content-Disposition").orElse("").contains("attachment"), export.headers().toString());
        List<String> lines = export.body().lines().toList();
        assertEquals(2_346, lines.size(), "all customers across the export's 1000-customer batches");
        assertEquals(TestDatabase.rows("SELECT name, IFNULL(age, ''), IFNULL(address, ''), IFNULL(phone, '') FROM customer ORDER BY name_key"),
                lines, "every customer once, in name-key order");
        assertEquals("c00|20|Street 0|394-0000", lines.get(0));
        assertEquals("ÁNGEL|33|1 Rue|514-3333", lines.get(2_345), "name-key order: á sorts after the ASCII names");

        // The paginator groups its counts, on the first render and after a page change (resources/js/console.js).
        openPage();
        browser.waitForText(PAGE_REPORT, "1-25 of 2,346");
        browser.driver().findElement(By.cssSelector("[id='customersForm:customers'] .ui-paginator-next")).click();
        browser.waitForText(PAGE_REPORT, "26-50 of 2,346");
    }

    private static void openPage() {
        browser.open(PAGE);
        browser.waitFor(By.id("customersForm:customers"));
    }

    private static void type(String id, String text) {
        WebElement input = browser.waitFor(By.id(id));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(text);
    }

    private static By cell(int row, int column) {
        return By.cssSelector("#customersForm\\:customers_data > tr:nth-child(" + (row + 1) + ") > td:nth-child(" + (column + 1) + ")");
    }

    private static List<String> columnTexts(int column) {
        return browser.driver().findElements(ROWS).stream()
                .map(row -> row.findElements(By.tagName("td")).get(column).getText()).toList();
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    }

    @Test
    void anExportCancelledHalfWayEndsWithoutAnErrorInTheLog() throws Exception {
        insertNumberedCustomers(50_000); // 50 batches, 1.3 MB: the server is still writing when the client goes
        long mark = ServerLog.mark();
        try (Socket socket = new Socket(ItEnvironment.HOST, ItEnvironment.httpPort())) {
            socket.getOutputStream().write(("GET /portico/customers/export HTTP/1.1\r\nHost: " + ItEnvironment.HOST + ":" + ItEnvironment.httpPort()
                    + "\r\nAuthorization: " + Http.basic(ItEnvironment.adminUser(), ItEnvironment.adminPassword()) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String head = new String(socket.getInputStream().readNBytes(1000), StandardCharsets.UTF_8);
            assertTrue(head.startsWith("HTTP/1.1 200"), head);
            socket.setSoLinger(true, 0); // closed with a reset, as a cancelled download can be
        }
        String written = ServerLog.since(mark);
        assertFalse(ServerLog.hasErrorOrStackTrace(written) || written.contains("SRVE0777E"), written);
        assertEquals(200, Http.get("/customers/export").statusCode(), "the export still answers");
    }

    /** Customers c00, c01, ... with ages 20 + (i mod 20), phones 394-, 426-, 514-, 901- in turn (phone numbers repeat past 10,000). */
    private static void insertNumberedCustomers(int count) throws SQLException {
        String[] areas = {"394", "426", "514", "901"};
        try (Connection c = TestDatabase.connect();
             PreparedStatement insert = c.prepareStatement("INSERT INTO customer (name, age, address, phone) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                insert.setString(1, String.format("c%02d", i));
                insert.setInt(2, 20 + i % 20);
                insert.setString(3, "Street " + i);
                insert.setString(4, areas[i % 4] + String.format("-%04d", i % 10_000));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
