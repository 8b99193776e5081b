package org.studyloop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.system.CapturedOutput;
import org.studyloop.HttpTest;
import org.studyloop.identity.IdentityClient;

/**
 * A question set on the tutor page, in a real browser: the streamed reply lists the set's items
 * typeset by KaTeX, its "Start quiz" button opens the quiz on the practice pages, and the
 * conversation shows the set again when reloaded.
 */
@HttpTest
class TutorQuestionSetTests extends BrowserTest {

    @Test
    void theSetIsListedTypesetAndItsButtonStartsTheQuiz(CapturedOutput output) {
        var email = IdentityClient.uniqueEmail("tutor-set-browser");
        new IdentityClient(port, output::getAll).verifiedAccount(email, "STUDENT");
        browser.signIn(email, IdentityClient.PASSWORD);
        browser.open("/tutor");
        browser.click("#new-conversation button");
        var wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));
        wait.until(d -> browser.path().matches("/tutor/[0-9a-f-]{36}"));
        var conversation = browser.path();
        browser.type("#message", "Give me 5 SAT-style questions on functions");
        browser.click("#send");
        var start = wait.until(d -> d.findElement(By.cssSelector("#turns .question-set form.start-quiz button")));
        assertThat(start.getText()).isEqualTo("Start quiz");
        var items = browser.driver().findElements(By.cssSelector("#turns .question-set .set-items > li"));
        assertThat(items).hasSize(5);
        assertThat(browser.driver().findElements(By.cssSelector("#turns .question-set .katex")))
                .as("the stems' maths typeset")
                .isNotEmpty();
        var offered = items.stream().map(i -> i.getAttribute("data-item")).toList();
        check("tutor-question-set");

        browser.open(conversation);
        assertThat(browser.driver().findElements(By.cssSelector("#turns .question-set .set-items > li")))
                .hasSize(5);
        browser.click("#turns .question-set form.start-quiz button");
        wait.until(d -> browser.path().matches("/practice/sessions/[0-9a-f-]{36}"));
        var shown = browser.waitFor("#item")
                .findElement(By.cssSelector("input[name=itemId]"))
                .getAttribute("value");
        assertThat(offered).contains(shown);
        assertThat(violations).as("serious or critical axe-core violations").isEmpty();
    }
}
