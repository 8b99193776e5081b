package org.studyloop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.system.CapturedOutput;
import org.studyloop.HttpTest;
import org.studyloop.identity.IdentityClient;

/**
 * The pages in a real browser: a student signs up, confirms through the mailed link, signs in,
 * joins a teacher's class, practises five items and sees the mastery change on the dashboard; the
 * teacher sets a quiz and sees its results, and the heat-map shows the student; a linked parent
 * sees the child. axe-core checks every main page on the way.
 */
@HttpTest
class StudentJourneyTests extends BrowserTest {

    @Test
    void aStudentSignsUpPractisesAndIsSeenByTheirTeacherAndParent(CapturedOutput output) {
        var accounts = new IdentityClient(port, output::getAll);
        var teacherEmail = IdentityClient.uniqueEmail("teacher");
        var parentEmail = IdentityClient.uniqueEmail("parent");
        accounts.verifiedAccount(teacherEmail, "TEACHER");
        accounts.verifiedAccount(parentEmail, "PARENT");

        // The teacher makes a class and reads its join code.
        browser.signIn(teacherEmail, IdentityClient.PASSWORD);
        assertThat(browser.path()).isEqualTo("/teacher/classes");
        browser.type("#class-name", "Algebra 2B");
        browser.click("form[action='/teacher/classes'] button");
        var joinCode = browser.text("#join-code");
        assertThat(joinCode).matches("[A-Z0-9]{8}");
        check("teacher-class");
        browser.click("a[href$='/assignments']");
        browser.type("#assign-title", "Linear equations quiz");
        browser.click("form[action$='/assignments'] button");
        assertThat(browser.text("#assignments")).contains("Linear equations quiz");
        check("assignments");

        // A student signs up on the page and confirms through the mailed link.
        browser.signOut();
        browser.open("/");
        check("welcome");
        browser.open("/signup");
        check("sign-up");
        var email = IdentityClient.uniqueEmail("ada");
        browser.type("#displayName", "Ada Lovelace");
        browser.type("#email", email);
        browser.type("#password", IdentityClient.PASSWORD);
        browser.click("input[name=role][value=STUDENT]");
        browser.click("form[action='/signup'] button[type=submit]");
        assertThat(browser.text("main p[role=status]")).contains(email);
        browser.open("/verify-email?token=" + accounts.tokenFromMail(email, "/verify-email"));
        assertThat(browser.text("h1")).isEqualTo("Your email address is confirmed");

        browser.signOut();
        browser.open("/login");
        check("sign-in");
        browser.signIn(email, IdentityClient.PASSWORD);
        assertThat(browser.path()).isEqualTo("/dashboard");
        assertThat(browser.find("canvas#activity-chart")).isNotNull();
        assertThat(browser.text("#answers")).isEqualTo("0");
        assertThat(browser.driver().findElements(By.cssSelector("#mastery-table tbody tr")))
                .isEmpty();

        browser.open("/classes");
        browser.type("#join-code", joinCode);
        browser.click("form[action='/classes/join'] button");
        assertThat(browser.text("#class-list")).contains("Algebra 2B");

        // Five answers in an adaptive session, each without a page reload.
        browser.open("/practice");
        check("practice-courses");
        browser.click("button[aria-label='Start practising SAT Math — Algebra and Functions']");
        browser.waitFor("#item");
        check("practice-item");
        var page = browser.driver().findElement(By.tagName("main"));
        for (int answered = 1; answered <= 5; answered++) {
            answer();
            var expected = answered == 1 ? "1 answer so far" : answered + " answers so far";
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.cssSelector("#practice > p.muted"))
                            .getText()
                            .equals(expected));
            assertThat(browser.find("#feedback").getText()).contains("mastery");
            if (answered == 1) {
                check("practice-feedback");
            }
        }
        assertThat(page.isDisplayed()).as("the same page throughout").isTrue();

        // The tutor answers a question about the current item, its reply streamed into the page.
        browser.click("#ask-tutor button");
        // The click posts a form; wait for the browser to land on the conversation it opened.
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(d -> browser.path().matches("/tutor/[0-9a-f-]{36}"));
        check("tutor");
        browser.type("#message", "Can I have a hint?");
        browser.click("#send");
        var reply = new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(d -> d.findElements(By.cssSelector("#turns li.turn.tutor .meta")).stream()
                        .findFirst()
                        .orElse(null));
        assertThat(reply.getText()).contains("Built-in tutor");
        assertThat(browser.text("#turns li.turn.student")).contains("Can I have a hint?");
        assertThat(browser.text("#turns li.turn.tutor p.math")).isNotBlank();
        assertThat(browser.driver().findElement(By.id("tutor-problem")).isDisplayed())
                .isFalse();

        browser.open("/dashboard");
        assertThat(browser.text("#answers")).isEqualTo("5");
        browser.click("#mastery-heading ~ details summary");
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#mastery-table tbody tr"));
        assertThat(rows).as("skills with a mastery now").isNotEmpty();
        assertThat(browser.find("canvas#mastery-chart")).isNotNull();
        check("dashboard");

        // The student makes a guardian code; the parent links with it and sees the child.
        browser.open("/classes");
        browser.click("form[action='/classes/guardian-code'] button");
        var guardianCode = browser.text("#guardian-code");
        browser.signIn(parentEmail, IdentityClient.PASSWORD);
        assertThat(browser.path()).isEqualTo("/parent");
        browser.type("#guardian-code", guardianCode);
        browser.click("form[action='/parent/link'] button");
        assertThat(browser.text("#children")).contains("Ada Lovelace");
        check("parent");
        browser.driver().findElement(By.partialLinkText("Ada Lovelace")).click();
        assertThat(browser.text("h1")).isEqualTo("Dashboard of Ada Lovelace");
        assertThat(browser.text("#answers")).isEqualTo("5");

        // The teacher's heat-map shows the student, and opens their dashboard.
        browser.signIn(teacherEmail, IdentityClient.PASSWORD);
        browser.click("#class-list a");
        assertThat(browser.text("#roster")).contains("Ada Lovelace");
        browser.click("a[href$='/heatmap']");
        assertThat(browser.text("#heatmap")).contains("Ada Lovelace").contains("%");
        check("heatmap");
        browser.driver().findElement(By.linkText("Ada Lovelace")).click();
        assertThat(browser.text("h1")).isEqualTo("Dashboard of Ada Lovelace");
        browser.driver().navigate().back();
        browser.click("main > p:first-child > a");
        browser.click("a[href$='/assignments']");
        browser.driver().findElement(By.linkText("Linear equations quiz")).click();
        assertThat(browser.text("#results")).contains("Ada Lovelace").contains("Not started");
        check("assignment-results");

        assertThat(violations).as("serious or critical axe-core violations").isEmpty();
    }
}
