package org.studyloop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system's headless Chromium driven through the system's chromedriver (Debian's {@code chromium}
 * and {@code chromium-driver}, which {@code .ci/run} installs when missing): no Selenium Manager, no
 * browser download. Missing either is a failure that says what to install, never a skip.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));

    /** The WCAG 2.0, 2.1 and 2.2 A and AA rules of axe-core. */
    static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private final ChromeDriver driver;
    private final String base;

    public Browser(int port) {
        assertThat(Files.isExecutable(CHROMIUM))
                .as("The browser tests need Chromium at %s: apt-get install chromium (or set CHROMIUM)", CHROMIUM)
                .isTrue();
        assertThat(Files.isExecutable(CHROMEDRIVER))
                .as(
                        "The browser tests need chromedriver at %s: apt-get install chromium-driver (or set CHROMEDRIVER)",
                        CHROMEDRIVER)
                .isTrue();
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=en-GB");
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        this.base = "http://localhost:" + port;
        width(1280);
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(base + path);
    }

    public void width(int width) {
        driver.manage().window().setSize(new Dimension(width, 900));
    }

    public WebElement find(String css) {
        return waitFor(css);
    }

    public WebElement waitFor(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    public void type(String css, String text) {
        var field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    public void click(String css) {
        find(css).click();
    }

    public String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    public String text(String css) {
        return find(css).getText();
    }

    public void signOut() {
        driver.manage().deleteAllCookies();
    }

    public void signIn(String email, String password) {
        signIn(email, password, "");
    }

    /** Signs in with a one-time code too, when one is given (an administrator's second factor). */
    public void signIn(String email, String password, String totp) {
        signOut();
        open("/login");
        type("input[type=email]", email);
        type("input[type=password]", password);
        if (!totp.isEmpty()) {
            type("#totp", totp);
        }
        click("form[action='/login'] button[type=submit]");
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !path().equals("/login"));
    }

    /** Serious and critical axe-core violations of WCAG 2.2 AA on the page now, as readable lines. */
    public String seriousViolations() {
        var results = new AxeBuilder().withTags(WCAG_AA).analyze(driver);
        return results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream()
                                .map(node -> String.valueOf(node.getTarget()))
                                .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
    }

    /** Saves the whole page (not just the window) as a PNG. */
    public void screenshot(Path file) {
        var height = ((Number) ((JavascriptExecutor) driver)
                        .executeScript(
                                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)"))
                .intValue();
        var width = driver.manage().window().getSize().getWidth();
        driver.manage().window().setSize(new Dimension(width, Math.min(Math.max(height + 120, 600), 4000)));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(new Dimension(width, 900));
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
