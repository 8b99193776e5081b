package org.studyloop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.studyloop.HttpTest;
import org.studyloop.identity.IdentityClient;
import org.studyloop.identity.PageSession;
import org.studyloop.identity.mfa.Totp;

/**
 * A mock exam in a real browser: its clock runs, the student moves between questions and finishes
 * into a report; the author's live preview, the model status and audit log pages, and settings in
 * French.
 */
@HttpTest
class ExamAndStaffPagesTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMockExamRunsItsClockMovesBetweenQuestionsAndEndsInAReport(CapturedOutput output) {
        var accounts = new IdentityClient(port, output::getAll);
        var email = IdentityClient.uniqueEmail("exam");
        accounts.verifiedAccount(email, "STUDENT");
        browser.signIn(email, IdentityClient.PASSWORD);

        browser.open("/practice");
        browser.click("button[aria-label='Start a mock exam of SAT Math — Algebra and Functions']");
        var timer = browser.find("#timer");
        var first = timer.getText();
        assertThat(first).matches("\\d+:\\d{2}");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(d -> !d.findElement(By.id("timer")).getText().equals(first));
        check("exam");

        answer();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(d -> d.findElement(By.cssSelector("#questions li:first-child a"))
                        .getText()
                        .endsWith("✓"));
        browser.click("#questions li:nth-child(3) a");
        assertThat(browser.find("#questions a[aria-current=step]").getText()).startsWith("Question 3");
        browser.click("#finish");
        assertThat(browser.text("h1")).startsWith("Results");
        assertThat(browser.text("#sections")).isNotBlank();
        check("exam-report");

        // An author and administrator writes an item and sees it typeset as it is typed; the model's status.
        var staff = IdentityClient.uniqueEmail("staff");
        var staffId = accounts.verifiedAccount(staff, "TEACHER");
        for (var role : List.of("AUTHOR", "ADMIN")) {
            jdbc.sql("insert into identity.account_role (account_id, role) values (:id, :role)")
                    .param("id", UUID.fromString(staffId))
                    .param("role", role)
                    .update();
        }
        // The admin pages need a sign-in with a second factor (docs/web.md), as the admin API does.
        var now = java.time.Instant.now();
        var secret = PageSession.enrolTotp(accounts, staff, now);
        browser.signIn(staff, IdentityClient.PASSWORD, Totp.code(secret, now.plusSeconds(30)));
        browser.open("/author/items/new");
        assertThat(browser.find("#preview-item .katex")).isNotNull();
        check("author-item");
        var source = browser.find("#author-item");
        source.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), "\nanswer: [unclosed");
        assertThat(browser.find("#preview-errors").getText()).isNotBlank();
        browser.open("/admin/models");
        assertThat(browser.text("#model-version")).isNotBlank();
        check("admin-models");
        browser.click("a[href='/admin/audit']");
        assertThat(browser.text("h1")).isEqualTo("Audit log");
        assertThat(browser.text("#audit caption")).contains("UTC");
        check("admin-audit");
        browser.signIn(email, IdentityClient.PASSWORD);

        // Settings, in French through the language switch.
        browser.open("/settings?lang=fr");
        assertThat(browser.text("h1")).isEqualTo("Paramètres");
        check("settings");
        browser.open("/settings?lang=en");

        assertThat(violations).as("serious or critical axe-core violations").isEmpty();
    }
}
