package org.studyloop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.studyloop.HttpTest;
import org.studyloop.catalog.CatalogTestSupport;
import org.studyloop.catalog.pack.PackTestFiles;
import org.studyloop.catalog.store.Ids;
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

    @Test
    void anAuthorWalksTheCourseTreeEditsAHintLadderTestsATemplateAndSeesABrokenPackRefused(CapturedOutput output)
            throws Exception {
        var accounts = new IdentityClient(port, output::getAll);
        var email = IdentityClient.uniqueEmail("author");
        var userId = accounts.verifiedAccount(email, "TEACHER");
        jdbc.sql("insert into identity.account_role (account_id, role) values (:id, 'AUTHOR')")
                .param("id", UUID.fromString(userId))
                .update();
        browser.signIn(email, IdentityClient.PASSWORD);

        // A course of its own, imported through the page.
        var courseKey = CatalogTestSupport.uniqueKey("journey");
        browser.open("/author/packs");
        browser.find("#pack-file").sendKeys(zipFile(CatalogTestSupport.sample(courseKey)));
        browser.click("#pack-submit");
        assertThat(browser.text("#pack-result")).contains("Course " + courseKey);
        browser.click("#pack-result a");

        // The course tree, then an item opened in the editor with its preview.
        assertThat(browser.text(".prerequisites")).startsWith("Builds on:");
        assertThat(browser.text("tr[data-item-key='lin-001']")).contains("Published");
        check("author-course");
        browser.click("tr[data-item-key='lin-001'] a[href$='/edit']");
        assertThat(browser.find("#author-item").getAttribute("value")).contains("key: lin-001");
        assertThat(browser.find("#preview-item .katex")).isNotNull();
        check("author-item-edit");
        browser.driver().navigate().back();

        // The hint ladder: a hint added, moved to the top, typeset as typed, saved by keyboard.
        browser.click("tr[data-item-key='lin-001'] a[href$='/hints']");
        var before = browser.driver()
                .findElements(By.cssSelector("textarea[name=hint]"))
                .size();
        submit("#add-hint");
        browser.type("#hint-" + before, "Start from $\\frac{x}{1}$.");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(d ->
                        d.findElements(By.cssSelector("#hint-preview-list li")).size() == before + 1
                                && !d.findElements(By.cssSelector("#hint-preview-list .katex"))
                                        .isEmpty());
        for (int i = before; i > 0; i--) {
            submit("button[value='up-" + i + "']");
        }
        assertThat(browser.find("#hint-0").getAttribute("value")).startsWith("Start from");
        check("author-hints");
        browser.find("#save-hints").sendKeys(Keys.ENTER);
        assertThat(browser.text("#hints-saved")).contains("version 2");
        assertThat(catalog.item(Ids.item(courseKey, "lin-001"))
                        .orElseThrow()
                        .hints()
                        .getFirst())
                .startsWith("Start from");

        // The template tester, from the course tree: three instances, typeset.
        browser.click("a[href^='/author/courses/']");
        browser.click("tr[data-item-key='lin-t02'] a[href^='/author/templates']");
        browser.type("#tester-count", "3");
        browser.click("#tester-run");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(d ->
                        d.findElements(By.cssSelector("#tester-instances > li")).size() == 3);
        assertThat(browser.find("#tester-instances .stem .katex")).isNotNull();
        assertThat(browser.text("#tester-instances .answer")).isNotBlank();
        check("author-templates");

        // A broken pack: every error with its file and line, nothing imported.
        browser.open("/author/packs");
        browser.find("#pack-file").sendKeys(zipFile(PackTestFiles.zip("broken")));
        browser.click("#pack-submit");
        assertThat(browser.text("#pack-errors")).contains("items/wrong.yaml:10").contains("skills.yaml:1");
        check("author-packs");
        browser.open("/author/courses");
        assertThat(browser.text("#author-courses")).contains("Sample").doesNotContain("Broken");
        check("author-courses");

        assertThat(violations).as("serious or critical axe-core violations").isEmpty();
    }

    /** Presses a button that posts its form, and waits for the page it gives. */
    private void submit(String css) {
        var button = browser.find(css);
        button.click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(button));
    }

    private static String zipFile(byte[] zip) throws java.io.IOException {
        var file = Files.createTempFile("pack", ".zip");
        file.toFile().deleteOnExit();
        Files.write(file, zip);
        return file.toAbsolutePath().toString();
    }
}
