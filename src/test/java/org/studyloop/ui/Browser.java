package org.studyloop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.Connection;
import org.openqa.selenium.devtools.SeleniumCdpConnection;
import org.openqa.selenium.devtools.idealized.target.model.SessionID;
import org.openqa.selenium.json.TypeToken;
import org.openqa.selenium.remote.http.ClientConfig;
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

    private static final Duration CDP_TIMEOUT = Duration.ofSeconds(10);
    private static final Type JSON_OBJECT = new TypeToken<Map<String, Object>>() {}.getType();

    private final ChromeDriver driver;
    private final String base;
    private final Map<String, SessionID> attached = new HashMap<>();
    private @Nullable Connection devTools;

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

    /**
     * Takes this origin's pages and service workers off the network, or puts them back. DevTools
     * emulates the network per target, and a service worker is a target of its own that fetches for
     * the page, so the page's emulation alone would leave it online (Chrome DevTools Protocol,
     * "Network.emulateNetworkConditions"; the DevTools panel's "Offline" covers workers the same
     * way). Coming back, the workers go first: the page's {@code online} event makes them send.
     */
    public void online(boolean online) {
        if (devTools == null) {
            devTools = SeleniumCdpConnection.create(driver, ClientConfig.defaultConfig())
                    .orElseThrow();
        }
        var cdp = devTools;
        Map<String, Object> found =
                cdp.sendAndWait(null, new Command<>("Target.getTargets", Map.of(), JSON_OBJECT), CDP_TIMEOUT);
        var targets = ((List<?>) found.get("targetInfos"))
                .stream()
                        .map(t -> (Map<?, ?>) t)
                        .filter(t -> String.valueOf(t.get("url")).startsWith(base))
                        .filter(t ->
                                t.get("type").equals("page") || t.get("type").equals("service_worker"))
                        .sorted(java.util.Comparator.comparing(
                                t -> t.get("type").equals("page") == online))
                        .toList();
        assertThat(targets).as("the pages and workers of %s", base).isNotEmpty();
        for (var target : targets) {
            var session = attached.computeIfAbsent(String.valueOf(target.get("targetId")), id -> {
                Map<String, Object> attachedTo = cdp.sendAndWait(
                        null,
                        new Command<>("Target.attachToTarget", Map.of("targetId", id, "flatten", true), JSON_OBJECT),
                        CDP_TIMEOUT);
                var sessionId = new SessionID(String.valueOf(attachedTo.get("sessionId")));
                cdp.sendAndWait(sessionId, new Command<>("Network.enable", Map.of()), CDP_TIMEOUT);
                return sessionId;
            });
            cdp.sendAndWait(
                    session,
                    new Command<>(
                            "Network.emulateNetworkConditions",
                            Map.of("offline", !online, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1)),
                    CDP_TIMEOUT);
        }
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
            click("form[action='/login'] details summary");
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
        if (devTools != null) {
            devTools.close();
        }
        driver.quit();
    }
}
