package dev.portico.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console's FeatherBase pages in a real browser, checked against what the socket protocol answers. */
@ExtendWith(ArquillianExtension.class)
class ConsoleFeatherBaseIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    private Browser browser;

    @BeforeEach
    void emptyAndSignIn() throws Exception {
        TestDatabase.clearFeatherBase();
        browser = Browser.open();
        browser.loginAsAdmin();
    }

    /** Keeps the last page's HTML next to the screenshots, for reading when a test failed. */
    @AfterEach
    void close(TestInfo test) throws Exception {
        try {
            Path dir = Path.of(System.getProperty("portico.it.screenshots", "target/screenshots"));
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("featherbase-" + test.getTestMethod().orElseThrow().getName() + ".html"), browser.driver().getPageSource());
        } finally {
            browser.close();
        }
    }

    @Test
    void aCellEditedInTheGridIsWhatGetcellReturns() throws Exception {
        try (FeatherBaseClient socket = new FeatherBaseClient()) {
            socket.ask("createdb|shop");
            socket.ask("addtbl|shop|items>sku,name,qty");
            assertEquals("SUCCESS", socket.ask("addrow|shop|items>A1,Bolt,40"));
            assertEquals("SUCCESS", socket.ask("addrow|shop|items>A2,Nut,7"));

            browser.open("/featherbase/table.xhtml?db=shop&table=items");
            WebElement name = browser.waitFor(cell(1, "name"));
            assertEquals("Nut", name.getText());
            editCell(1, "name", "Hex nut");
            browser.waitForText(By.id("messages"), "Row 1, column \u201Cname\u201D saved.");
            browser.screenshot("featherbase-cell-edited");

            assertEquals("Hex nut", socket.ask("getcell|shop|items>1,name"));
            assertEquals("A1\tBolt\t40", socket.ask("getrow|shop|items>0"), "the other row is untouched");

            editCell(0, "qty", "41");
            browser.waitForText(By.id("messages"), "Row 0, column \u201Cqty\u201D saved.");
            assertEquals("41", socket.ask("getcell|shop|items>0,qty"));

            assertEquals("SUCCESS", socket.ask("delcol|shop|items>sku"));
            editCell(0, "sku", "A0");
            browser.waitForText(By.id("messages"), "Not valid (INVALID): no column sku");
            browser.waitForText(By.cssSelector(cellCss(0, "sku")), "A1");
            browser.driver().findElement(By.id("tableActions:refresh")).click();
            browser.waitForAjax();
            assertEquals(List.of("#", "name", "qty", ""), browser.driver().findElements(By.cssSelector("[id='grid:rows'] thead th")).stream()
                    .map(WebElement::getText).map(String::strip).toList(), "the grid shows the columns as they are now");
            assertEquals("Bolt\t41", socket.ask("getrow|shop|items>0"));
        }
    }

    @Test
    void aDatabaseAndTableCreatedInTheConsoleAreServedOverTheSocket() throws Exception {
        try (FeatherBaseClient socket = new FeatherBaseClient()) {
            browser.open("/featherbase/index.xhtml");
            browser.waitFor(By.id("databaseForm:newDatabase")).sendKeys("console db");
            browser.driver().findElement(By.id("databaseForm:create")).click();
            browser.waitForText(By.id("messages"), "Database console db created.");
            assertEquals("console db", socket.ask("getdbs|"));

            browser.waitFor(By.id("databaseForm:newDatabase")).sendKeys("console db");
            browser.driver().findElement(By.id("databaseForm:create")).click();
            browser.waitForText(By.id("databaseForm"), "Name already taken (EXISTS)");
            browser.waitForText(By.id("databaseForm"), "database console db exists");

            browser.driver().findElement(By.linkText("console db")).click();
            browser.waitFor(By.id("tableForm:newTable")).sendKeys("parts");
            browser.driver().findElement(By.id("tableForm:newColumns")).sendKeys("sku\nname\n");
            browser.driver().findElement(By.id("tableForm:add")).click();
            browser.waitForText(By.id("messages"), "Table parts added with 2 columns.");
            assertEquals("parts", socket.ask("gettbls|console db"));
            assertEquals("SUCCESS", socket.ask("addrow|console db|parts>P1,Pin"));

            browser.driver().findElement(By.linkText("parts")).click();
            browser.waitForText(By.id("grid:rows"), "Pin");
            browser.driver().findElement(By.id("tableActions:addRow")).click();
            browser.waitFor(By.id("rowForm:cells:0:value")).sendKeys("P2");
            browser.driver().findElement(By.id("rowForm:cells:1:value")).sendKeys("Peg");
            browser.driver().findElement(By.id("rowForm:save")).click();
            browser.waitForText(By.id("messages"), "Row 1 added.");
            browser.waitForText(By.id("grid:rows"), "Peg");
            browser.screenshot("featherbase-created-database-table");
            assertEquals("P2\tPeg", socket.ask("getrow|console db|parts>1"));

            browser.driver().findElement(By.id("tableActions:deleteTable")).click();
            browser.waitFor(By.id("confirmForm:confirm-yes")).click();
            browser.waitForText(By.id("messages"), "Table parts deleted with its rows.");
            assertEquals("", socket.ask("gettbls|console db"));

            browser.waitFor(By.id("databaseForm:databases:0:delete")).click();
            browser.waitFor(By.id("confirmForm:confirm-yes")).click();
            browser.waitForText(By.id("messages"), "Database console db deleted with its tables.");
            assertEquals("NOTFOUND", socket.ask("getdbs|"));
        }
    }

    @Test
    void columnsRowsAndNamesChangedInTheConsoleAreWhatTheSocketReads() throws Exception {
        try (FeatherBaseClient socket = new FeatherBaseClient()) {
            socket.ask("createdb|shop");
            socket.ask("addtbl|shop|items>sku,name");
            socket.ask("addrow|shop|items>A1,Bolt");

            browser.open("/featherbase/index.xhtml");
            browser.waitFor(By.id("databaseForm:databases:0:rename")).click();
            replaceText(browser.waitFor(By.id("renameForm:renameTo")), "store");
            browser.driver().findElement(By.id("renameForm:save")).click();
            browser.waitForText(By.id("messages"), "Renamed database shop to store.");
            assertEquals("store", socket.ask("getdbs|"));

            browser.open("/featherbase/table.xhtml?db=store&table=items");
            browser.waitFor(By.id("columnForm:newColumn")).sendKeys("qty");
            browser.driver().findElement(By.id("columnForm:add")).click();
            browser.waitForText(By.id("messages"), "Column qty added.");
            browser.waitForText(By.id("tableActions:summary"), "1 row, 3 columns");
            assertEquals("A1\tBolt\t", socket.ask("getrow|store|items>0"));
            browser.waitFor(By.id("columnForm:newColumn")).sendKeys("qty");
            browser.driver().findElement(By.id("columnForm:add")).click();
            browser.waitForText(By.id("columnForm"), "Name already taken (EXISTS)");

            browser.driver().findElement(By.id("columnForm:columns:1:rename")).click();
            replaceText(browser.waitFor(By.id("renameForm:renameTo")), "title");
            browser.driver().findElement(By.id("renameForm:save")).click();
            browser.waitForText(By.id("messages"), "Column name renamed to title.");
            assertEquals("Bolt", socket.ask("getcell|store|items>0,title"));

            browser.waitFor(By.id("grid:rows:0:overwrite")).click();
            replaceText(browser.waitFor(By.id("rowForm:cells:0:value")), "A9");
            replaceText(browser.driver().findElement(By.id("rowForm:cells:1:value")), "Washer");
            replaceText(browser.driver().findElement(By.id("rowForm:cells:2:value")), "3");
            browser.driver().findElement(By.id("rowForm:save")).click();
            browser.waitForText(By.id("messages"), "Row 0 overwritten.");
            assertEquals("A9\tWasher\t3", socket.ask("getrow|store|items>0"));

            browser.driver().findElement(By.id("columnForm:columns:0:delete")).click();
            browser.waitFor(By.id("confirmForm:confirm-yes")).click();
            browser.waitForText(By.id("messages"), "Column sku deleted with its values.");
            assertEquals("Washer\t3", socket.ask("getrow|store|items>0"));
            browser.waitForText(By.id("grid:rows"), "Washer");
            browser.screenshot("featherbase-columns-changed");

            browser.driver().findElement(By.id("tableActions:renameTable")).click();
            replaceText(browser.waitFor(By.id("renameForm:renameTo")), "things");
            browser.driver().findElement(By.id("renameForm:save")).click();
            browser.waitForText(By.id("messages"), "Table renamed to things.");
            browser.waitForText(By.id("page-title"), "store.things");
            assertEquals("things", socket.ask("gettbls|store"));

            browser.open("/featherbase/table.xhtml?db=store&table=gone");
            browser.waitForText(By.id("missing"), "There is no such table.");
            browser.open("/featherbase/table.xhtml");
            browser.waitForText(By.id("missing"), "No table was named: choose one on the FeatherBase page.");
            assertEquals("FeatherBase table", browser.driver().findElement(By.id("page-title")).getText());
            assertTrue(browser.driver().findElements(By.id("back-db")).isEmpty(), "no link to a database that was not named");
        }
    }

    @Test
    void anAddressNamingADatabaseThatIsGoneSaysSoAndLogsNothing() throws Exception {
        long mark = ServerLog.mark();
        browser.open("/featherbase/index.xhtml?db=gone-already");
        browser.waitForText(By.id("messages"), "no database gone-already"); // was not shown, and logged as unhandled (QA)
        assertEquals("FeatherBase", browser.driver().findElement(By.id("page-title")).getText());
        assertTrue(browser.driver().findElements(By.id("tables-title")).isEmpty());
        String written = ServerLog.since(mark);
        assertFalse(written.contains("unhandled FacesMessages") || ServerLog.hasErrorOrStackTrace(written), written);
    }

    @Test
    void theFindBoxesNarrowTheDatabaseAndTableListsAndEnterInThemCreatesNothing() throws Exception {
        try (FeatherBaseClient socket = new FeatherBaseClient()) {
            for (String database : List.of("shop", "store", "archive", "workshop")) {
                socket.ask("createdb|" + database);
            }
            socket.ask("addtbl|store|items>sku");
            socket.ask("addtbl|store|orders>id");
        }
        browser.open("/featherbase/index.xhtml");
        browser.waitForText(By.id("databaseForm:databases"), "workshop");
        // Enter in a Find box must not click the form's first button (Create database) with what the name field holds.
        browser.driver().findElement(By.id("databaseForm:newDatabase")).sendKeys("typo");
        browser.waitFor(By.id("databaseForm:databaseFilter")).sendKeys("SHOP", Keys.ENTER);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> names("databaseForm:databases").equals(List.of("shop", "workshop")));
        replaceText(browser.driver().findElement(By.id("databaseForm:databaseFilter")), "zz");
        browser.waitForText(By.id("databaseForm:databases"), "No name contains \u201Czz\u201D.");
        try (FeatherBaseClient socket = new FeatherBaseClient()) {
            assertEquals(List.of("archive", "shop", "store", "workshop"), List.of(socket.ask("getdbs|").split("\t")).stream().sorted().toList(),
                    "Enter in the box created nothing (typo)");
        }

        browser.open("/featherbase/index.xhtml?db=store");
        browser.waitForText(By.id("tableForm:tables"), "orders");
        browser.waitFor(By.id("tableForm:tableFilter")).sendKeys("ord");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> names("tableForm:tables").equals(List.of("orders")));
        assertEquals(4, names("databaseForm:databases").size(), "the other list is not narrowed");
        browser.screenshot("featherbase-find");
    }

    /** The names a list of databases or tables shows (its first column's links). */
    private List<String> names(String table) {
        return browser.driver().findElements(By.cssSelector("#" + table.replace(":", "\\:") + "_data a[id$=':open']")).stream()
                .map(WebElement::getText).toList();
    }

    @Test
    void aViewerSeesDatabasesTablesAndRowsButNoControlThatChangesThem() throws Exception {
        try (FeatherBaseClient socket = new FeatherBaseClient()) {
            socket.ask("createdb|shop");
            socket.ask("addtbl|shop|items>sku,name,qty");
            socket.ask("addrow|shop|items>A1,Bolt,40");
        }
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            // With SQL: the test client's readable notation takes '>' for STX.
            s.executeUpdate("INSERT INTO fb_database (name) VALUES ('<b>bold</b>')");
        }
        String viewer = "fbviewer" + System.nanoTime() % 1_000_000;
        browser.open("/accounts/index.xhtml");
        browser.waitFor(By.id("accounts:new-name")).sendKeys(viewer);
        browser.driver().findElement(By.id("accounts:new-password")).sendKeys("viewer-password-1");
        browser.driver().findElement(By.id("accounts:create")).click();
        browser.waitForText(By.id("messages"), "Account " + viewer + " created as viewer.");

        try (Browser viewing = Browser.open()) {
            viewing.loginAs(viewer, "viewer-password-1");
            viewing.open("/featherbase/index.xhtml?db=shop");
            viewing.waitForText(By.id("tableForm:tables"), "items");
            assertEquals(1, viewing.driver().findElements(By.linkText("<b>bold</b>")).size(), "names are shown as text, never as markup");
            assertTrue(viewing.driver().findElements(By.id("databaseForm:newDatabase")).isEmpty(), "no database form");
            assertTrue(viewing.driver().findElements(By.id("databaseForm:databases:0:delete")).isEmpty(), "no delete button");
            assertTrue(viewing.driver().findElements(By.id("tableForm:newTable")).isEmpty(), "no table form");

            viewing.open("/featherbase/table.xhtml?db=shop&table=items");
            WebElement name = viewing.waitFor(cell(0, "name"));
            assertEquals("Bolt", name.getText());
            name.click();
            assertTrue(viewing.driver().findElements(By.cssSelector(cellCss(0, "name") + " input")).stream().noneMatch(WebElement::isDisplayed),
                    "no cell editor");
            for (String control : List.of("tableActions:addRow", "tableActions:deleteTable", "grid:rows:0:overwrite", "columnForm:newColumn")) {
                assertTrue(viewing.driver().findElements(By.id(control)).isEmpty(), control);
            }
            viewing.open("/featherbase/users.xhtml");
            viewing.waitFor(By.id("usersForm:users"));
            assertTrue(viewing.driver().findElements(By.id("createForm:newName")).isEmpty(), "no user form");
            viewing.screenshot("featherbase-viewer");
        }
    }

    @Test
    void aUserCreatedInTheConsoleAuthenticatesOverTheSocketAndUsesOnlyItsGrants() throws Exception {
        try (FeatherBaseClient setup = new FeatherBaseClient()) {
            setup.ask("createdb|shop");
            setup.ask("createdb|secret");
        }
        browser.open("/featherbase/users.xhtml");
        browser.waitFor(By.id("createForm:newName")).sendKeys("carol");
        browser.driver().findElement(By.id("createForm:newPassword")).sendKeys("carol's password");
        browser.driver().findElement(By.id("createForm:create")).click();
        browser.waitForText(By.id("messages"), "User carol created.");
        browser.waitFor(By.id("createForm:newName")).sendKeys("carol");
        browser.driver().findElement(By.id("createForm:newPassword")).sendKeys("another password");
        browser.driver().findElement(By.id("createForm:create")).click();
        browser.waitForText(By.id("createForm"), "User carol exists; change its password below.");

        browser.waitFor(By.id("usersForm:users:0:edit")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> !d.findElement(By.id("createForm")).getText().contains("exists"));
        // (the refusal stayed next to New user through every later action: QA)
        browser.driver().findElement(By.id("createForm:newName")).clear();
        // Enter in the grant field grants (it changed the password before: the form's first button).
        browser.waitFor(By.id("editForm:grantDatabase")).sendKeys("shop" + Keys.ENTER);
        browser.waitForText(By.id("messages"), "carol may use shop.");
        browser.waitForText(By.id("usersForm:users"), "shop");
        browser.waitFor(By.id("editForm:grantDatabase")).sendKeys("shop" + Keys.ENTER);
        browser.waitForText(By.id("messages"), "carol may already use shop."); // said as new (QA)
        browser.waitFor(By.id("editForm:grantDatabase")).sendKeys("shoq" + Keys.ENTER);
        browser.waitForText(By.id("messages"), "carol may use shoq. No database shoq exists yet: carol may create it.");
        browser.screenshot("featherbase-users");

        try (FeatherBaseClient carol = new FeatherBaseClient()) {
            assertEquals("FAILURE", carol.ask("auth|carol>wrong"));
            assertEquals("SUCCESS", carol.ask("auth|carol>carol's password"));
            assertEquals("shop", carol.ask("getdbs|"));
            assertEquals("FAILURE", carol.ask("gettbls|secret"));
        }

        browser.waitFor(By.id("editForm:password")).sendKeys("carol's new password" + Keys.ENTER);
        browser.waitForText(By.id("messages"), "Password of carol changed.");
        browser.driver().findElement(By.id("editForm:grants:0:revoke")).click();
        browser.waitFor(By.id("confirmForm:confirm-yes")).click();
        browser.waitForText(By.id("messages"), "carol may no longer use shop.");
        try (FeatherBaseClient carol = new FeatherBaseClient()) {
            assertEquals("FAILURE", carol.ask("auth|carol>carol's password"), "the old password no longer works");
            assertEquals("SUCCESS", carol.ask("auth|carol>carol's new password"));
            assertEquals("FAILURE", carol.ask("gettbls|shop"), "the grant is gone");
        }

        browser.waitFor(By.id("createForm:newName")).sendKeys("dave");
        browser.driver().findElement(By.id("createForm:newPassword")).sendKeys("dave's password");
        browser.driver().findElement(By.id("createForm:create")).click();
        browser.waitForText(By.id("messages"), "User dave created.");
        browser.waitForText(By.id("usersForm:users"), "dave");
        browser.waitFor(By.id("usersForm:userFilter")).sendKeys("CAR");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> !d.findElement(By.id("usersForm:users")).getText().contains("dave"));
        assertTrue(browser.driver().findElement(By.id("usersForm:users")).getText().contains("carol"));

        browser.driver().findElement(By.id("usersForm:users:0:delete")).click();
        browser.waitFor(By.id("confirmForm:confirm-yes")).click();
        browser.waitForText(By.id("messages"), "User carol deleted with its grants.");
        try (FeatherBaseClient carol = new FeatherBaseClient()) {
            assertEquals("FAILURE", carol.ask("auth|carol>carol's new password"));
        }
        assertEquals(1, TestDatabase.rows("SELECT name FROM fb_user").size(), "dave is left");
    }

    @Test
    void theUsersListReadsAPageAtATimeAndCutsALongListOfGrants() throws Exception {
        TestDatabase.addFeatherBaseUsers("u%02d", 60, "u00", 12);
        browser.open("/featherbase/users.xhtml");
        browser.waitFor(By.cssSelector("[id='usersForm:users'] .ui-paginator-page[aria-label='Page 2']"));
        assertTrue(browser.driver().findElements(By.cssSelector("[id='usersForm:users'] .ui-paginator-page[aria-label='Page 3']")).isEmpty());
        assertEquals(50, browser.driver().findElements(By.cssSelector("[id='usersForm:users'] tbody tr")).size());
        assertEquals("db00, db01, db02, db03, db04, db05, db06, db07, db08, db09 and 2 more",
                browser.driver().findElement(By.id("usersForm:users:0:grants")).getText());
        browser.screenshot("featherbase-users-paged");
        browser.driver().findElement(By.id("usersForm:users:0:edit")).click();
        browser.waitForText(By.id("editForm:grants"), "db11"); // the edit panel lists every grant
        assertEquals(12, browser.driver().findElements(By.cssSelector("[id='editForm:grants'] tbody tr")).size());

        // The paginator above the table: the edit panel just opened above it, and the page scrolled to that panel.
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].click();",
                browser.driver().findElement(By.cssSelector("[id='usersForm:users'] .ui-paginator-next")));
        browser.waitForText(By.id("usersForm:users"), "u59");
        assertFalse(browser.driver().findElement(By.id("usersForm:users")).getText().contains("u49"));
        browser.waitFor(By.id("usersForm:userFilter")).sendKeys("u5");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(d -> d.findElements(By.cssSelector("[id='usersForm:users'] tbody tr")).size() == 10);
        assertTrue(browser.driver().findElement(By.id("usersForm:users")).getText().contains("u50"));
        // A Find that matches no one says so (the table kept its first count across requests and showed an empty page).
        browser.driver().findElement(By.id("usersForm:userFilter")).sendKeys("zz");
        browser.waitForText(By.id("usersForm:users"), "No name contains \u201Cu5zz\u201D.");
        assertTrue(browser.driver().findElements(By.cssSelector("[id='usersForm:users'] .ui-paginator-page[aria-label='Page 2']")).isEmpty());
    }

    @Test
    void aMillionRowTableOpensOnItsFirstPageAndReachesItsLastRow() throws Exception {
        int rows = 1_000_000;
        long loadStarted = System.nanoTime();
        fillTable("bulk", "million", rows);
        System.out.printf(Locale.ROOT, "FeatherBase: %,d rows loaded with SQL in %.1f s%n", rows, (System.nanoTime() - loadStarted) / 1e9);
        try {
            String page = "/featherbase/table.xhtml?db=bulk&table=million";
            long coldStarted = System.nanoTime();
            browser.open(page);
            browser.waitFor(cell(0, "name"));
            long coldRender = (System.nanoTime() - coldStarted) / 1_000_000;

            long started = System.nanoTime();
            browser.open(page);
            assertEquals("Item 0", browser.waitFor(cell(0, "name")).getText());
            long firstRender = (System.nanoTime() - started) / 1_000_000;
            Object timing = ((JavascriptExecutor) browser.driver()).executeScript("const n = performance.getEntriesByType('navigation')[0];"
                    + " return Math.round(n.responseStart - n.requestStart) + ' ms to first byte, ' + Math.round(n.responseEnd - n.requestStart)"
                    + " + ' ms to the whole page, ' + Math.round(n.domContentLoadedEventEnd - n.startTime) + ' ms to DOMContentLoaded, '"
                    + " + Math.round(n.loadEventEnd - n.startTime) + ' ms to load, ' + n.transferSize + ' bytes';");
            browser.waitForText(By.id("tableActions:summary"), "1,000,000 rows");
            assertEquals("Item 24", browser.waitFor(cell(24, "name")).getText());
            assertTrue(browser.driver().findElements(cell(25, "name")).isEmpty(), "one page of 25 rows, no more");
            browser.waitForText(By.cssSelector("[id='grid:rows'] .ui-paginator-current"), "page 1 of 40,000");
            assertEquals(List.of("page 1 of 40,000", "page 1 of 40,000"), browser.driver().findElements(By.cssSelector("[id='grid:rows'] .ui-paginator-current"))
                    .stream().map(WebElement::getText).toList(), "both paginators give the page; the summary above gives the row count");
            browser.screenshot("featherbase-million-rows-first-page");

            long jumped = System.nanoTime();
            browser.driver().findElement(By.id("grid:goToRow")).sendKeys("999999");
            browser.driver().findElement(By.id("grid:go")).click();
            assertEquals("Item 999999", browser.waitFor(cell(999_999, "name")).getText());
            browser.waitForText(By.cssSelector("[id='grid:rows'] .ui-paginator-current"), "page 40,000 of 40,000");
            long lastRow = (System.nanoTime() - jumped) / 1_000_000;
            browser.driver().findElement(By.id("grid:goToRow")).clear();
            browser.driver().findElement(By.id("grid:goToRow")).sendKeys("1000000");
            browser.driver().findElement(By.id("grid:go")).click();
            browser.waitForText(By.id("grid:goToRowMessage"), "There is no row 1000000; rows are 0 to 999999.");
            browser.screenshot("featherbase-million-rows-last-page");

            System.out.printf(Locale.ROOT, "FeatherBase table page with %,d rows: first render %d ms (%s); first open in a fresh"
                    + " browser %d ms; jump to the last row %d ms%n", rows, firstRender, timing, coldRender, lastRow);
            assertTrue(firstRender < 5_000, "first render took " + firstRender + " ms");
        } finally {
            try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
                s.executeUpdate("TRUNCATE TABLE fb_row");
            }
        }
    }

    /** A table of {@code rows} rows (sku, name, qty: "SKU-n", "Item n", n % 1000) written with SQL in the stored cell encoding. */
    private static void fillTable(String database, String table, int rows) throws Exception {
        try (FeatherBaseClient socket = new FeatherBaseClient()) {
            assertEquals("SUCCESS", socket.ask("createdb|" + database));
            assertEquals("SUCCESS", socket.ask("addtbl|" + database + "|" + table + ">sku,name,qty"));
        }
        List<String> ids = TestDatabase.rows("SELECT c.id FROM fb_column c JOIN fb_table t ON t.id = c.table_id WHERE t.name = '"
                + table + "' ORDER BY c.position");
        String tableId = TestDatabase.rows("SELECT id FROM fb_table WHERE name = '" + table + "'").get(0);
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            for (int first = 0; first < rows; first += 250_000) {
                s.executeUpdate(String.format(Locale.ROOT, "INSERT INTO fb_row (table_id, row_no, cells) SELECT %s, seq,"
                        + " CONCAT('%s:', CHAR_LENGTH(sku), ':', sku, '%s:', CHAR_LENGTH(name), ':', name, '%s:', CHAR_LENGTH(qty), ':', qty)"
                        + " FROM (SELECT seq, CONCAT('SKU-', seq) AS sku, CONCAT('Item ', seq) AS name, CAST(seq %% 1000 AS CHAR) AS qty"
                        + " FROM seq_%d_to_%d) v", tableId, ids.get(0), ids.get(1), ids.get(2), first, Math.min(rows, first + 250_000) - 1));
            }
            s.executeUpdate("UPDATE fb_table SET row_count = " + rows + " WHERE id = " + tableId);
        }
    }

    /** Clicks a grid cell, types a new value and presses Enter, as an operator edits in place. */
    private void editCell(long row, String column, String value) {
        browser.driver().findElement(cell(row, column)).click();
        browser.waitFor(By.cssSelector(cellCss(row, column) + " input")).sendKeys(Keys.chord(Keys.CONTROL, "a"), value, Keys.ENTER);
        browser.waitForAjax();
    }

    private static void replaceText(WebElement input, String text) {
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, text);
    }

    /** A grid cell by row number and column name. */
    private static By cell(long row, String column) {
        return By.cssSelector(cellCss(row, column));
    }

    private static String cellCss(long row, String column) {
        int position = switch (column) {
            case "sku" -> 2;
            case "name" -> 3;
            case "qty" -> 4;
            default -> throw new IllegalArgumentException(column);
        };
        return "[id='grid:rows_data'] tr[data-ri='" + row + "'] > td:nth-child(" + position + ")";
    }
}
