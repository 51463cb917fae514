package dev.portico.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign-in for the console (login form) and the JSON API (HTTP Basic); admin and viewer roles; response headers. */
@ExtendWith(ArquillianExtension.class)
class ConsoleSecurityIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void apiWithoutCredentialsOrWithAWrongPasswordIsAnsweredUnauthorizedWithABasicChallenge() throws Exception {
        HttpResponse<String> anonymous = Http.send(Http.anonymous("/api/customers").GET());
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic realm=\"Portico\""));

        HttpResponse<String> wrong = Http.send(Http.as(ItEnvironment.adminUser(), "not-the-password", "/api/customers").GET());
        assertEquals(401, wrong.statusCode());
        HttpResponse<String> anonymousChange = Http.send(Http.anonymous("/api/customers/import").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("Mallory|30||\n")));
        assertEquals(401, anonymousChange.statusCode());
        assertEquals(200, Http.get("/api/customers").statusCode(), "the admin's password works");
    }

    @Test
    void pagesCarryTheSecurityHeadersAndTheSessionCookieIsHttpOnlyAndSameSiteStrict() throws Exception {
        HttpResponse<String> login = Http.send(Http.anonymous("/login.xhtml").GET());
        assertEquals(200, login.statusCode());
        String csp = String.join(" ", login.headers().allValues("Content-Security-Policy"));
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertTrue(csp.contains("'nonce-"), "PrimeFaces' script nonce: " + csp);
        assertEquals("nosniff", login.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("same-origin", login.headers().firstValue("Referrer-Policy").orElse(""));
        assertEquals("DENY", login.headers().firstValue("X-Frame-Options").orElse(""));
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);

        HttpResponse<String> api = Http.get("/api/customers");
        assertTrue(api.headers().firstValue("Content-Security-Policy").orElse("").startsWith("default-src 'none'"));
    }

    @Test
    void anAnonymousVisitorLandsOnTheLoginPageAndAFailedLoginSaysOnlyThatItFailed() {
        try (Browser browser = Browser.open()) {
            browser.open("/customers/index.xhtml");
            browser.waitFor(By.id("login:username"));
            assertTrue(browser.driver().getCurrentUrl().endsWith("/portico/login.xhtml"), browser.driver().getCurrentUrl());

            browser.driver().findElement(By.id("login:username")).sendKeys("nobody-" + System.nanoTime());
            browser.driver().findElement(By.id("login:password")).sendKeys("wrong password");
            browser.driver().findElement(By.id("login:submit")).click();
            browser.waitForText(By.id("login:messages"), "Login failed.");
            assertEquals("Login failed.", browser.driver().findElement(By.id("login:messages")).getText().strip());
            assertTrue(browser.driver().findElements(By.id("signed-in-as")).isEmpty());
            browser.screenshot("security-login-failed");
        }
    }

    @Test
    void anAdminSignsInAndOutAndAfterwardsPagesNeedALoginAgain() {
        try (Browser browser = Browser.open()) {
            browser.loginAsAdmin();
            assertEquals("admin (admin)", browser.driver().findElement(By.id("signed-in-as")).getText().strip());
            browser.screenshot("security-signed-in-dashboard");

            browser.driver().findElement(By.id("nav:logout")).click();
            browser.waitFor(By.id("logged-out"));
            browser.open("/index.xhtml");
            browser.waitFor(By.id("login:username"));
            assertTrue(browser.driver().getCurrentUrl().endsWith("/portico/login.xhtml"), browser.driver().getCurrentUrl());
            browser.screenshot("security-signed-out");
        }
    }

    @Test
    void aButtonOnAPageWhoseStateIsNoLongerKeptLeadsBackToThePageAndIsNotLogged() throws Exception {
        long logStart = ServerLog.mark();
        try (Browser browser = Browser.open()) {
            browser.loginAsAdmin();
            browser.open("/customers/index.xhtml");
            browser.waitFor(By.id("nav:logout"));
            // The page's state token as a server that no longer keeps the page sees it: well formed, unknown.
            ((JavascriptExecutor) browser.driver()).executeScript("document.querySelectorAll('input[name=\"jakarta.faces.ViewState\"]')"
                    + ".forEach(i => { const c = i.value.charAt(8); i.value = i.value.substring(0, 8) + (c === 'A' ? 'B' : 'A') + i.value.substring(9); });");
            browser.driver().findElement(By.id("nav:logout")).click(); // a button that is not ajax

            String said = browser.waitFor(By.id("error-message")).getText();
            browser.screenshot("security-page-expired");
            assertEquals("This page had expired (it was opened too long ago, or too many pages after it); nothing was done. Go back to load it again, then try again.", said);
            browser.driver().findElement(By.id("back")).click();
            browser.waitFor(By.id("signed-in-as"));
            assertTrue(browser.driver().getCurrentUrl().endsWith("/portico/customers/index.xhtml"), "back on the page: " + browser.driver().getCurrentUrl());
            browser.driver().findElement(By.id("nav:logout")).click();
            browser.waitFor(By.id("logged-out"));
        }
        assertNothingLoggedSince(logStart);
    }

    @Test
    void anAjaxButtonOnAPageWhoseViewTheSessionNoLongerKeepsSaysPageExpiredAndIsNotLogged() throws Exception {
        long logStart = ServerLog.mark();
        try (Browser browser = Browser.open()) {
            browser.loginAsAdmin();
            browser.open("/customers/index.xhtml");
            browser.waitFor(By.id("nav:logout"));
            // Other tabs of the session open thirty pages meanwhile: the session keeps a bounded number of views (QA).
            Object opened = ((JavascriptExecutor) browser.driver()).executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "(async () => { let ok = 0; for (let i = 0; i < 30; i++) { if ((await fetch(location.href)).ok) ok++; } done(ok); })();");
            assertEquals(30L, opened);
            browser.driver().findElement(By.id("customersForm:add")).click(); // ajax

            assertTrue(browser.waitFor(By.id("view-expired")).getText().contains("This page has expired"));
            browser.screenshot("security-ajax-page-expired");
            browser.driver().findElement(By.id("reload-expired")).click();
            browser.waitFor(By.id("customersForm:add")).click();
            browser.waitFor(By.id("editor:name"));
        }
        assertNothingLoggedSince(logStart);
    }

    @Test
    void anAjaxRequestWithoutThePagesScriptNonceIsRefusedWithoutAnErrorInTheLog() throws Exception {
        long logStart = ServerLog.mark();
        try (Browser browser = Browser.open()) {
            browser.loginAsAdmin();
            browser.open("/customers/index.xhtml");
            browser.waitFor(By.id("nav:logout"));
            // A script of its own posting the page's forms (QA): PrimeFaces sends the nonce it holds with every ajax request.
            Object status = ((JavascriptExecutor) browser.driver()).executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "const form = document.querySelector('form[id=\"customersForm\"]');"
                    + "const body = new URLSearchParams(new FormData(form));"
                    + "body.set('jakarta.faces.partial.ajax', 'true'); body.set('jakarta.faces.source', 'customersForm:customers');"
                    + "body.set('jakarta.faces.partial.execute', 'customersForm:customers'); body.set('primefaces.nonce', 'forged');"
                    + "fetch(form.action, {method: 'POST', headers: {'Faces-Request': 'partial/ajax'}, body: body}).then(r => done(r.status));");
            assertEquals(400L, status);
        }
        assertNothingLoggedSince(logStart);
    }

    @Test
    void aLoginFormLeftOpenUntilItsSessionEndedSaysSoAndLeadsBackToALoginThatWorks() throws Exception {
        long logStart = ServerLog.mark();
        try (Browser browser = Browser.open()) {
            browser.open("/login.xhtml");
            browser.waitFor(By.id("login:username")).sendKeys(ItEnvironment.adminUser());
            browser.driver().findElement(By.id("login:password")).sendKeys(ItEnvironment.adminPassword());
            browser.driver().manage().deleteCookieNamed("JSESSIONID"); // the session the form was drawn in has ended
            browser.driver().findElement(By.id("login:submit")).click();

            assertTrue(browser.waitFor(By.id("error-message")).getText().startsWith("This page had expired"));
            browser.driver().findElement(By.id("back")).click();
            browser.waitFor(By.id("login:username")).sendKeys(ItEnvironment.adminUser());
            browser.driver().findElement(By.id("login:password")).sendKeys(ItEnvironment.adminPassword());
            browser.driver().findElement(By.id("login:submit")).click();
            browser.waitFor(By.id("signed-in-as"));
            // Signed in, the login page again (unprotected, as the error page is): served, nothing refused or logged.
            browser.open("/login.xhtml");
            browser.waitFor(By.id("signed-in:open-console")).click();
            browser.waitFor(By.id("signed-in-as"));
        }
        assertNothingLoggedSince(logStart);
    }

    /** No error, warning, stack trace or incident in the server's log since {@code mark} (a stale page is the client's doing). */
    private static void assertNothingLoggedSince(long mark) throws Exception {
        String written = ServerLog.since(mark);
        assertFalse(ServerLog.hasErrorOrStackTrace(written) || written.contains("FFDC1015I") || written.contains("SESN0008E")
                || written.lines().anyMatch(l -> l.matches("^\\[[^]]+] \\S+ .{60} W .*")), written);
    }

    @Test
    void anAdminCreatesAViewerWhoReadsEverythingAndChangesNothing() throws Exception {
        String viewer = "viewer" + System.nanoTime() % 1_000_000;
        String password = "viewer-password-1";
        try (Browser admin = Browser.open()) {
            admin.loginAsAdmin();
            admin.open("/accounts/index.xhtml");
            admin.waitFor(By.id("accounts:new-name")).sendKeys(viewer);
            admin.driver().findElement(By.id("accounts:new-password")).sendKeys(password);
            admin.driver().findElement(By.id("accounts:create")).click();
            admin.waitForText(By.id("messages"), "Account " + viewer + " created as viewer.");
            List<String> names = admin.driver().findElements(By.cssSelector(".account-name")).stream().map(WebElement::getText).toList();
            assertTrue(names.contains(viewer), names.toString());
            admin.screenshot("security-accounts-viewer-created");

            // Signed in as admin, the login page offers the console and Log out; after it, the viewer signs in, in a
            // session of its own (Liberty keeps a session's first owner): nothing refused or logged.
            long mark = ServerLog.mark();
            admin.open("/login.xhtml");
            assertEquals("You are signed in as " + ItEnvironment.adminUser() + ". To sign in as another account, log out first.",
                    admin.waitFor(By.id("already-signed-in")).getText());
            assertTrue(admin.driver().findElements(By.id("login:username")).isEmpty(), "no login form over a signed-in session");
            admin.screenshot("security-login-while-signed-in");
            admin.driver().findElement(By.id("signed-in:logout")).click();
            admin.waitFor(By.id("logged-out"));
            admin.loginAs(viewer, password);
            assertEquals(viewer + " (viewer)", admin.driver().findElement(By.id("signed-in-as")).getText().strip());
            admin.open("/customers/index.xhtml");
            admin.waitFor(By.id("customersForm:customers"));
            assertEquals(viewer + " (viewer)", admin.driver().findElement(By.id("signed-in-as")).getText().strip());
            assertNothingLoggedSince(mark);
        }

        assertEquals(200, Http.send(Http.as(viewer, password, "/api/customers").GET()).statusCode(), "a viewer reads the API");
        HttpResponse<String> change = Http.send(Http.as(viewer, password, "/api/customers/import").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("Mallory|30||\n")));
        assertEquals(403, change.statusCode(), "a viewer changes nothing through the API");
        assertTrue(change.body().contains("\"status\":403"), change.body());
        assertEquals(0, TestDatabase.storedNames("Mallory").size());
        TestDatabase.clearCustomers();
        CustomerDirectoryClient.ask("2|Read Only|40|R St|394-4040\n");

        try (Browser browser = Browser.open()) {
            browser.loginAs(viewer, password);
            assertEquals(viewer + " (viewer)", browser.driver().findElement(By.id("signed-in-as")).getText().strip());
            assertTrue(browser.driver().findElements(By.id("nav:accounts")).isEmpty(), "no console users menu for a viewer");

            browser.open("/customers/index.xhtml");
            browser.waitForText(By.id("customersForm:customers"), "Read Only");
            assertTrue(browser.driver().findElements(By.id("customersForm:add")).isEmpty(), "no add button");
            assertTrue(browser.driver().findElements(By.id("import:file")).isEmpty(), "no import form");
            assertTrue(browser.driver().findElements(By.cssSelector("[id$=':delete']")).isEmpty(), "no delete buttons");
            assertTrue(browser.driver().findElements(By.cssSelector("[id$=':edit']")).isEmpty(), "no edit buttons");
            browser.screenshot("security-viewer-customers-read-only");

            browser.open("/accounts/index.xhtml");
            browser.waitFor(By.id("error-message"));
            assertTrue(browser.driver().getPageSource().contains("Not allowed"));
            browser.screenshot("security-viewer-refused-accounts");
        }
    }

    @Test
    void eachAccountRowsButtonsWorkAndEnterInTheNewAccountFormCreatesNothingElse() throws Exception {
        String name = "row" + System.nanoTime() % 1_000_000;
        try (Browser admin = Browser.open()) {
            admin.loginAsAdmin();
            admin.open("/accounts/index.xhtml");
            // Enter in the new account's password field creates the account (and changes no row's role).
            admin.waitFor(By.id("accounts:new-name")).sendKeys(name);
            admin.driver().findElement(By.id("accounts:new-password")).sendKeys("row-password-1" + Keys.ENTER);
            admin.waitForText(By.id("messages"), "Account " + name + " created as viewer.");
            assertEquals("admin", admin.waitFor(roleOf(ItEnvironment.adminUser())).getText(), "the first row's role is untouched");

            // The same name again is refused with a message, and the server logs nothing of it (no failed INSERT).
            long mark = ServerLog.mark();
            admin.waitFor(By.id("accounts:new-name")).clear();
            admin.driver().findElement(By.id("accounts:new-name")).sendKeys(name);
            admin.driver().findElement(By.id("accounts:new-password")).clear();
            admin.driver().findElement(By.id("accounts:new-password")).sendKeys("row-password-3" + Keys.ENTER);
            admin.waitForText(By.id("messages"), "An account named " + name + " exists already");
            String written = ServerLog.since(mark);
            assertFalse(written.contains("CWWJP9991W") || ServerLog.hasErrorOrStackTrace(written), written);

            // A row's buttons submit nothing of the (empty, required) new-account fields.
            admin.driver().findElement(buttonOf(name, "make-admin")).click();
            admin.waitForText(By.id("messages"), name + " is now admin.");
            assertEquals("admin", admin.waitFor(roleOf(name)).getText());
            admin.driver().findElement(buttonOf(name, "make-viewer")).click();
            admin.waitForText(By.id("messages"), name + " is now viewer.");

            admin.driver().findElement(buttonOf(name, "set-password")).click();
            admin.waitForText(By.id("password-form:password-for"), name);
            admin.waitFor(By.id("password-form:password")).sendKeys("short" + Keys.ENTER);
            admin.waitForText(By.id("password-form"), "A password has 8 to 256 characters");
            assertTrue(admin.driver().findElement(By.id("password-form:password")).isDisplayed(), "a refused password leaves the dialog open");
            admin.driver().findElement(By.id("password-form:password")).clear();
            admin.driver().findElement(By.id("password-form:password")).sendKeys("row-password-2" + Keys.ENTER);
            admin.waitForText(By.id("messages"), "Password of " + name + " changed.");
            assertEquals(200, Http.send(Http.as(name, "row-password-2", "/api/customers?limit=1").GET()).statusCode());

            admin.driver().findElement(buttonOf(name, "delete-account")).click();
            admin.waitFor(By.cssSelector(".ui-confirmdialog-yes")).click();
            admin.waitForText(By.id("messages"), "Account " + name + " deleted.");
            assertTrue(admin.driver().findElements(roleOf(name)).isEmpty(), "the row is gone");
        }
        assertEquals(401, Http.send(Http.as(name, "row-password-2", "/api/customers?limit=1").GET()).statusCode());
    }

    @Test
    void aChangedPasswordEndsTheAccountsOtherSessionsButNotTheChangersOwn() throws Exception {
        String name = "pw" + System.nanoTime() % 1_000_000;
        try (Browser admin = Browser.open(); Browser other = Browser.open()) {
            admin.loginAsAdmin();
            admin.open("/accounts/index.xhtml");
            createViewer(admin, name, "first-password-1");
            other.loginAs(name, "first-password-1");
            other.open("/customers/index.xhtml");
            other.waitFor(By.id("nav:logout"));

            admin.driver().findElement(buttonOf(name, "set-password")).click();
            admin.waitForText(By.id("password-form:password-for"), name);
            admin.waitFor(By.id("password-form:password")).sendKeys("second-password-2" + Keys.ENTER);
            admin.waitForText(By.id("messages"), "Password of " + name + " changed.");
            other.open("/customers/index.xhtml");
            other.waitFor(By.id("login:username")); // was still signed in (QA)
            assertTrue(other.waitFor(By.id("session-ended")).getText().startsWith("Your session ended"), "and says why");

            // The admin's own password: this session stays signed in.
            admin.driver().findElement(buttonOf(ItEnvironment.adminUser(), "set-password")).click();
            admin.waitForText(By.id("password-form:password-for"), ItEnvironment.adminUser());
            admin.waitFor(By.id("password-form:password")).sendKeys(ItEnvironment.adminPassword() + Keys.ENTER);
            admin.waitForText(By.id("messages"), "Password of " + ItEnvironment.adminUser() + " changed.");
            admin.open("/customers/index.xhtml");
            admin.waitFor(By.id("nav:logout"));
        } finally {
            deleteAccount(name);
        }
    }

    @Test
    void aButtonRefusedBecauseTheAccountWasMadeAViewerMeanwhileSaysSo() throws Exception {
        String name = "dm" + System.nanoTime() % 1_000_000;
        try (Browser admin = Browser.open(); Browser demoted = Browser.open()) {
            admin.loginAsAdmin();
            admin.open("/accounts/index.xhtml");
            createViewer(admin, name, "demoted-password-1");
            admin.driver().findElement(buttonOf(name, "make-admin")).click();
            admin.waitForText(By.id("messages"), name + " is now admin.");
            demoted.loginAs(name, "demoted-password-1");
            demoted.open("/accounts/index.xhtml");
            demoted.waitFor(buttonOf(name, "make-viewer"));

            admin.driver().findElement(buttonOf(name, "make-viewer")).click();
            admin.waitForText(By.id("messages"), name + " is now viewer.");
            demoted.driver().findElement(buttonOf(name, "make-viewer")).click(); // drawn for an admin, answered 403 now
            assertTrue(demoted.waitFor(By.id("request-refused")).getText().contains("nothing was done"), "the spinner only turned (QA)");
            demoted.screenshot("security-refused-after-demotion");
            demoted.driver().findElement(By.id("reload-refused")).click();
            demoted.waitFor(By.id("error-message")); // the page itself is an admin's
        } finally {
            deleteAccount(name);
        }
    }

    /** Creates a viewer on the accounts page, which {@code admin} has open (Enter in the password field submits). */
    private static void createViewer(Browser admin, String name, String password) {
        admin.waitFor(By.id("accounts:new-name")).sendKeys(name);
        admin.driver().findElement(By.id("accounts:new-password")).sendKeys(password + Keys.ENTER);
        admin.waitForText(By.id("messages"), "Account " + name + " created as viewer.");
    }

    private static void deleteAccount(String name) throws SQLException {
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM console_account WHERE name = '" + name + "'");
        }
    }

    private static By roleOf(String account) {
        return By.xpath("//tr[.//span[contains(@class,'account-name') and text()='" + account + "']]//span[contains(@class,'account-role')]");
    }

    private static By buttonOf(String account, String styleClass) {
        return By.xpath("//tr[.//span[contains(@class,'account-name') and text()='" + account + "']]//button[contains(@class,'" + styleClass + "')]");
    }

    @Test
    void repeatedFailedLoginsSlowDownEvenTheRightPasswordUntilTheDelayHasPassed() throws Exception {
        String user = ItEnvironment.adminUser();
        String rightPassword = ItEnvironment.adminPassword();
        // Keyed by account and client address: use a header-free client from this address, then wait it out.
        for (int i = 0; i < 3; i++) {
            assertEquals(401, Http.send(Http.as(user, "wrong-" + i, "/api/customers").GET()).statusCode());
        }
        assertEquals(401, Http.send(Http.as(user, rightPassword, "/api/customers").GET()).statusCode(),
                "right after three failures even the right password is refused");
        Thread.sleep(2_300);
        HttpResponse<String> after = Http.send(Http.as(user, rightPassword, "/api/customers").GET());
        assertEquals(200, after.statusCode(), "once the delay has passed the right password works again");
        assertFalse(after.body().isEmpty());
    }

    @Test
    void guessesSentAtOnceAreNotAllCheckedBeforeAnyIsCounted() throws Exception {
        String account = "guessed" + System.nanoTime() % 1_000_000; // no such account: each check still costs a hash and counts
        ExecutorService guessers = Executors.newFixedThreadPool(10);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String password = "guess-number-" + i;
                statuses.add(guessers.submit(() -> Http.send(Http.as(account, password, "/api/customers?limit=1").GET()).statusCode()));
            }
            for (Future<Integer> status : statuses) {
                assertEquals(401, status.get(60, TimeUnit.SECONDS));
            }
        } finally {
            guessers.shutdownNow();
        }
        String key = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest((account + '\u0000' + "127.0.0.1").getBytes(StandardCharsets.UTF_8)));
        int counted = Integer.parseInt(TestDatabase.rows("SELECT failures FROM login_failure WHERE scope = 'console'"
                + " AND client_key = UNHEX('" + key + "')").get(0));
        // Three free failures are checked side by side; the rest wait for them and then find the 1 s delay running,
        // or, on a slow machine, one more is checked after it: not ten guesses checked at once.
        assertTrue(counted >= 3 && counted <= 5, counted + " failures counted (that many passwords checked)");
    }
}
