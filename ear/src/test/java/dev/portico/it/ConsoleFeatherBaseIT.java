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

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
            name.click();
            WebElement input = browser.waitFor(By.cssSelector(cellCss(1, "name") + " input"));
            input.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Hex nut", Keys.ENTER);
            browser.waitForAjax();
            browser.waitForText(By.id("messages"), "Row 1, name saved.");
            browser.screenshot("featherbase-cell-edited");

            assertEquals("Hex nut", socket.ask("getcell|shop|items>1,name"));
            assertEquals("A1\tBolt\t40", socket.ask("getrow|shop|items>0"), "the other row is untouched");
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

        browser.waitFor(By.id("usersForm:users:0:edit")).click();
        browser.waitFor(By.id("editForm:grantDatabase")).sendKeys("shop");
        browser.driver().findElement(By.id("editForm:grant")).click();
        browser.waitForText(By.id("messages"), "carol may use shop.");
        browser.waitForText(By.id("usersForm:users"), "shop");
        browser.screenshot("featherbase-users");

        try (FeatherBaseClient carol = new FeatherBaseClient()) {
            assertEquals("FAILURE", carol.ask("auth|carol>wrong"));
            assertEquals("SUCCESS", carol.ask("auth|carol>carol's password"));
            assertEquals("shop", carol.ask("getdbs|"));
            assertEquals("FAILURE", carol.ask("gettbls|secret"));
        }

        browser.driver().findElement(By.id("usersForm:users:0:delete")).click();
        browser.waitFor(By.id("confirmForm:confirm-yes")).click();
        browser.waitForText(By.id("messages"), "User carol deleted with its grants.");
        try (FeatherBaseClient carol = new FeatherBaseClient()) {
            assertEquals("FAILURE", carol.ask("auth|carol>carol's password"));
        }
        assertTrue(TestDatabase.rows("SELECT name FROM fb_user").isEmpty());
    }

    @Test
    void aMillionRowTableOpensOnItsFirstPageAndReachesItsLastRow() throws Exception {
        int rows = 1_000_000;
        long loadStarted = System.nanoTime();
        fillTable("bulk", "million", rows);
        System.out.printf(Locale.ROOT, "FeatherBase: %,d rows loaded with SQL in %.1f s%n", rows, (System.nanoTime() - loadStarted) / 1e9);
        try {
            String page = "/featherbase/table.xhtml?db=bulk&table=million";
            browser.open(page);
            browser.waitFor(cell(0, "name"));

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
            browser.screenshot("featherbase-million-rows-first-page");

            long jumped = System.nanoTime();
            browser.driver().findElement(By.id("grid:goToRow")).sendKeys("999999");
            browser.driver().findElement(By.id("grid:go")).click();
            assertEquals("Item 999999", browser.waitFor(cell(999_999, "name")).getText());
            long lastRow = (System.nanoTime() - jumped) / 1_000_000;
            browser.screenshot("featherbase-million-rows-last-page");

            System.out.printf(Locale.ROOT, "FeatherBase table page with %,d rows: first render %d ms (%s); jump to the last row %d ms%n",
                    rows, firstRender, timing, lastRow);
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
