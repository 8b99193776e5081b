package org.studyloop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.system.CapturedOutput;
import org.studyloop.HttpProbe;
import org.studyloop.HttpTest;
import org.studyloop.identity.IdentityClient;

/**
 * The installable app's offline answers (docs/web.md): a student practising loses the connection,
 * answers, and is told the answer is kept; when the connection returns the service worker sends it,
 * and the server records it exactly once, under the idempotency key the page gave it.
 */
@HttpTest
class OfflineAnswersTests extends BrowserTest {

    private static final String QUEUE_SIZE = """
            var done = arguments[arguments.length - 1];
            var open = indexedDB.open("studyloop", 1);
            open.onupgradeneeded = function () { open.result.createObjectStore("answers", { autoIncrement: true }); };
            open.onsuccess = function () {
                var count = open.result.transaction("answers").objectStore("answers").count();
                count.onsuccess = function () { done(count.result); };
                count.onerror = function () { done(-1); };
            };
            open.onerror = function () { done(-1); };""";

    @Test
    void anAnswerMadeOfflineIsQueuedAndReachesTheServerOnceWhenTheConnectionReturns(CapturedOutput output) {
        var accounts = new IdentityClient(port, output::getAll);
        var email = IdentityClient.uniqueEmail("offline");
        accounts.verifiedAccount(email, "STUDENT");
        var api = new HttpProbe(port).withBearer(accounts.accessToken(email));
        browser.signIn(email, IdentityClient.PASSWORD);
        browser.open("/practice");
        browser.click("button[aria-label='Start practising SAT Math — Algebra and Functions']");
        browser.waitFor("#item");
        var session = "/api/v1/practice/sessions/" + browser.path().replaceFirst("^/practice/sessions/", "");
        var wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .ignoring(StaleElementReferenceException.class);
        // The first visit installs the worker; it takes charge of the open page once active.
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("return !!(navigator.serviceWorker && navigator.serviceWorker.controller)")));

        answer();
        wait.until(d ->
                d.findElement(By.cssSelector("#practice > p.muted")).getText().equals("1 answer so far"));
        assertThat(answered(api, session)).isEqualTo(1);

        browser.online(false);
        wait.until(d -> d.findElement(By.id("offline-banner")).isDisplayed());
        answer();
        var queued = wait.until(d -> d.findElement(By.cssSelector("form[data-answer] + p.notice")));
        assertThat(queued.getText())
                .isEqualTo("You are offline: this answer is kept and will be sent when the connection returns.");
        check("practice-offline");
        assertThat(queueSize()).isEqualTo(1);
        assertThat(answered(api, session)).as("nothing reached the server").isEqualTo(1);

        browser.online(true);
        wait.until(d -> queueSize() == 0);
        wait.until(d -> answered(api, session) == 2);
        assertThat(browser.driver().findElement(By.id("offline-banner")).isDisplayed())
                .isFalse();

        // Another start of the page (and of the worker's sending) sends nothing again.
        browser.driver().navigate().refresh();
        browser.waitFor("#item");
        ((JavascriptExecutor) browser.driver())
                .executeScript("navigator.serviceWorker.controller.postMessage('flush')");
        assertThat(queueSize()).isZero();
        var report = HttpProbe.json(api.get(session));
        assertThat(report.path("answered").asInt()).isEqualTo(2);
        assertThat(report.path("answers").size()).isEqualTo(2);
        assertThat(violations).as("serious or critical axe-core violations").isEmpty();
    }

    private static int answered(HttpProbe api, String session) {
        var response = api.get(session);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return HttpProbe.json(response).path("answered").asInt();
    }

    private long queueSize() {
        return ((Number) ((JavascriptExecutor) browser.driver()).executeAsyncScript(QUEUE_SIZE)).longValue();
    }
}
