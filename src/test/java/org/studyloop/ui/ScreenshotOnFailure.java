package org.studyloop.ui;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Saves what the browser showed when a browser test failed, under {@code target/screenshots/}. The
 * test class hands over its browser by implementing {@link WithBrowser}.
 */
public class ScreenshotOnFailure implements TestWatcher {

    /** A test class whose browser is open during its tests. */
    public interface WithBrowser {
        Browser browser();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        context.getTestInstance()
                .filter(WithBrowser.class::isInstance)
                .map(test -> ((WithBrowser) test).browser())
                .ifPresent(browser -> {
                    var name = context.getRequiredTestClass().getSimpleName() + "-"
                            + context.getRequiredTestMethod().getName() + ".png";
                    try {
                        browser.screenshot(Path.of("target", "screenshots", name));
                    } catch (RuntimeException unavailable) {
                        cause.addSuppressed(unavailable);
                    }
                });
    }
}
