package dev.portico.it;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Debian's headless Chromium driven through {@code /usr/bin/chromedriver}, pointed at the test
 * server's console; screenshots go to {@code target/screenshots}.
 */
final class Browser implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final WebDriver driver;

    private Browser(WebDriver driver) {
        this.driver = driver;
    }

    /** A fresh browser with no cookies. */
    static Browser open() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("portico.it.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("portico.it.chromedriver", "/usr/bin/chromedriver")))
                .build();
        return new Browser(new ChromeDriver(service, options));
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens a console path such as {@code /customers/index.xhtml}. */
    void open(String path) {
        driver.get(ItEnvironment.baseUrl() + path);
    }

    /** Signs in through the login page; waits until the dashboard shows the user. */
    void loginAs(String user, String password) {
        open("/login.xhtml");
        waitFor(By.id("login:username")).sendKeys(user);
        driver.findElement(By.id("login:password")).sendKeys(password);
        driver.findElement(By.id("login:submit")).click();
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as")));
    }

    void loginAsAdmin() {
        loginAs(ItEnvironment.adminUser(), ItEnvironment.adminPassword());
    }

    WebElement waitFor(By by) {
        return new WebDriverWait(driver, WAIT).until(whileReplaced(ExpectedConditions.visibilityOfElementLocated(by)));
    }

    /** Waits until the element's text contains {@code text}. */
    void waitForText(By by, String text) {
        new WebDriverWait(driver, WAIT).until(whileReplaced(ExpectedConditions.textToBePresentInElementLocated(by, text)));
    }

    /**
     * {@code condition}, asked again when an ajax update replaced the element while it was being read: Selenium
     * then says stale element, or chromium "Node with given id does not belong to the document".
     */
    private static <T> ExpectedCondition<T> whileReplaced(ExpectedCondition<T> condition) {
        return d -> {
            try {
                return condition.apply(d);
            } catch (StaleElementReferenceException e) {
                return null;
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return null;
                }
                throw e;
            }
        };
    }

    /** Waits until no PrimeFaces ajax request is in flight. */
    void waitForAjax() {
        new WebDriverWait(driver, WAIT).until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return !window.PrimeFaces || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty();")));
    }

    /** Saves a screenshot as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) {
        try {
            Path dir = Path.of(System.getProperty("portico.it.screenshots", "target/screenshots"));
            Files.createDirectories(dir);
            Path target = dir.resolve(name + ".png");
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
