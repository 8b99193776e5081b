package org.studyloop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.studyloop.HttpTest;
import org.studyloop.identity.IdentityClient;
import org.studyloop.search.indexing.Indexer;

/**
 * Search and reading in a real browser: a student types a question in the search box from the
 * navigation bar, gets lessons and questions with the matched words marked, opens a lesson and
 * reads it with its maths typeset, and asks the tutor about a question found.
 */
@HttpTest
class SearchAndLessonPagesTests extends BrowserTest {

    @Autowired
    Indexer indexer;

    @Test
    void aStudentSearchesReadsALessonAndAsksTheTutorAboutAQuestion(CapturedOutput output) throws InterruptedException {
        assertThat(indexer.awaitIdle(Duration.ofMinutes(10))).isTrue();
        var email = IdentityClient.uniqueEmail("search-browser");
        new IdentityClient(port, output::getAll).verifiedAccount(email, "STUDENT");
        browser.signIn(email, IdentityClient.PASSWORD);
        var wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));

        browser.click("a[href='/search']");
        wait.until(d -> browser.path().equals("/search"));
        browser.type("#q", "how do I factorise a quadratic");
        browser.click("#search-form button[type=submit]");
        var results = wait.until(d -> {
            var found = d.findElements(By.cssSelector("#search-results > li"));
            return found.isEmpty() ? null : found;
        });
        assertThat(results).isNotEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("#search-results mark")))
                .as("the matched words marked")
                .isNotEmpty();
        assertThat(results)
                .extracting(r -> r.getAttribute("data-kind"))
                .contains("LESSON")
                .doesNotContain("SOLUTION", "HINT");
        check("search");

        var lesson = browser.find("#search-results li[data-kind=LESSON] a.result-title");
        var title = lesson.getText();
        lesson.click();
        wait.until(d -> browser.path().matches("/lessons/[0-9a-f-]{36}"));
        assertThat(browser.text("h1")).isEqualTo(title);
        wait.until(d -> !d.findElements(By.cssSelector("main .katex")).isEmpty());
        check("search-lesson");

        browser.open("/search?kind=item&q=quadratic");
        browser.click("#search-results li[data-kind=ITEM] form button");
        wait.until(d -> browser.path().matches("/tutor/[0-9a-f-]{36}"));
        assertThat(browser.find("#message")).isNotNull();
        assertThat(violations).as("serious or critical axe-core violations").isEmpty();
    }
}
