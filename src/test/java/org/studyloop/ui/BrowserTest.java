package org.studyloop.ui;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.studyloop.catalog.Catalog;
import org.studyloop.practice.PracticeClient;

/**
 * What the browser tests share: one headless Chromium per test class, axe-core run on each main
 * page (serious or critical WCAG 2.2 AA violations are collected and asserted empty at the end),
 * and with {@code -Dstudyloop.screenshots=<dir>} each main page saved at 1280 and 390 px.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ScreenshotOnFailure.class)
abstract class BrowserTest implements ScreenshotOnFailure.WithBrowser {

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

    Browser browser;
    final Map<String, String> violations = new LinkedHashMap<>();
    private final Optional<Path> screenshots =
            Optional.ofNullable(System.getProperty("studyloop.screenshots")).map(Path::of);

    @BeforeAll
    void openBrowser() {
        browser = new Browser(port);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Override
    public Browser browser() {
        return browser;
    }

    /** Runs axe-core on the page now and, when asked for, saves it at both widths. */
    void check(String name) {
        var found = browser.seriousViolations();
        if (!found.isEmpty()) {
            violations.put(name + " " + browser.path(), found);
        }
        screenshots.ifPresent(dir -> {
            browser.screenshot(dir.resolve(name + "-1280.png"));
            browser.width(390);
            browser.screenshot(dir.resolve(name + "-390.png"));
            browser.width(1280);
        });
    }

    /** Answers the item on the page: right where the key is known, else a readable guess. */
    void answer() {
        var item = browser.find("#item");
        var itemId = item.findElement(By.cssSelector("input[name=itemId]")).getAttribute("value");
        var type = item.getAttribute("data-item-type");
        Object right;
        try {
            right = PracticeClient.rightResponse(catalog, itemId);
        } catch (RuntimeException unknown) {
            right = "1";
        }
        var ids = right instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of(String.valueOf(right));
        switch (type) {
            case "SINGLE_CHOICE", "MULTIPLE_CHOICE" -> {
                // A served template instance has no key the catalog knows: its first choice then.
                var choices = ids.stream()
                        .flatMap(id -> item.findElements(By.cssSelector("input[value='" + id + "']")).stream())
                        .toList();
                (choices.isEmpty() ? List.of(item.findElement(By.cssSelector("input[name=response]"))) : choices)
                        .forEach(WebElement::click);
            }
            default -> item.findElement(By.id("answer-input")).sendKeys(String.join(",", ids));
        }
        item.findElement(By.id("check")).click();
    }
}
