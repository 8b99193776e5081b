package org.studyloop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.system.CapturedOutput;
import org.studyloop.HttpTest;
import org.studyloop.catalog.store.Ids;
import org.studyloop.identity.IdentityClient;

/**
 * A bundled lesson in a real browser: reached from the practice page's course card, its maths
 * typeset by KaTeX (in the text and in its table), the page clean for axe-core, and "Next" leading
 * to the next lesson of the course.
 */
@HttpTest
class LessonPageTests extends BrowserTest {

    @Test
    void aStudentReadsALessonWithTypesetMathsAndMovesToTheNext(CapturedOutput output) {
        var email = IdentityClient.uniqueEmail("lesson-browser");
        new IdentityClient(port, output::getAll).verifiedAccount(email, "STUDENT");
        browser.signIn(email, IdentityClient.PASSWORD);
        var lesson = "/lessons/" + Ids.lesson("sat-math-algebra", "linear-inequalities");
        var wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));

        // The practice page's course card leads to the course's first lesson.
        browser.open("/practice");
        browser.driver().findElements(By.cssSelector("#courses li.card")).stream()
                .filter(card -> card.findElement(By.tagName("h2")).getText().startsWith("SAT Math"))
                .findFirst()
                .orElseThrow()
                .findElement(By.cssSelector("a[href^='/lessons/']"))
                .click();
        wait.until(d -> browser.path().matches("/lessons/[0-9a-f-]{36}"));
        assertThat(browser.text(".breadcrumb")).contains("SAT Math");

        browser.open(lesson);
        wait.until(d -> !d.findElements(By.cssSelector(".lesson-body .katex")).isEmpty());
        assertThat(browser.text("h1")).isEqualTo("Solving linear inequalities");
        assertThat(browser.driver().findElements(By.cssSelector(".lesson-body table td .katex")))
                .as("the table's maths typeset")
                .isNotEmpty();
        assertThat(browser.text(".lesson-body")).doesNotContain("$5 - 2x");
        check("lesson");

        browser.click("#next-lesson");
        wait.until(d -> !browser.path().equals(lesson));
        assertThat(browser.path()).matches("/lessons/[0-9a-f-]{36}");
        browser.waitFor("#previous-lesson");
        assertThat(violations).as("serious or critical axe-core violations").isEmpty();
    }
}
