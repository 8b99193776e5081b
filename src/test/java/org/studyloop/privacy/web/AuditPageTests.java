package org.studyloop.privacy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.studyloop.HttpProbe;
import org.studyloop.HttpTest;
import org.studyloop.identity.IdentityClient;
import org.studyloop.identity.PageSession;
import org.studyloop.identity.mfa.Totp;

/**
 * The audit log page: an administrator signed in with a second factor sees the role change they
 * just made, filters by account, action and day, and pages back; a teacher finds nothing there, and
 * an administrator without a second factor is told to turn it on, on every admin page and on the
 * admin-only API endpoints alike.
 */
@HttpTest
class AuditPageTests {

    private static final Pattern ROW = Pattern.compile("<tr data-action=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private String admin(IdentityClient accounts, String email) {
        var id = accounts.verifiedAccount(email, "TEACHER");
        jdbc.sql("update identity.account_role set role = 'ADMIN' where account_id = :id")
                .param("id", UUID.fromString(id))
                .update();
        return id;
    }

    private static List<String> actions(String html) {
        return ROW.matcher(html).results().map(m -> m.group(1)).toList();
    }

    @Test
    void anAdministratorSeesTheRoleChangeTheyJustMadeFiltersItAndPagesBack(CapturedOutput output) {
        var accounts = new IdentityClient(port, output::getAll);
        var studentEmail = IdentityClient.uniqueEmail("audited-page");
        var studentId = accounts.verifiedAccount(studentEmail, "STUDENT");
        accounts.tokens(studentEmail);
        var adminEmail = IdentityClient.uniqueEmail("audit-admin");
        admin(accounts, adminEmail);
        var now = Instant.now();
        var secret = PageSession.enrolTotp(accounts, adminEmail, now);
        var page = new PageSession(port);
        page.signIn(adminEmail, Optional.of(Totp.code(secret, now.plusSeconds(30))));

        assertThat(page.get("/admin/users").body()).contains("href=\"/admin/audit\"");
        var changed = page.post(
                "/admin/users",
                "/admin/users/" + studentId + "/roles",
                List.of(Map.entry("role", "STUDENT"), Map.entry("role", "AUTHOR")));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(302);

        var bySubject = "/admin/audit?subject=" + studentEmail.replace("@", "%40");
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(actions(page.get(bySubject).body()))
                        .contains("identity.roles.changed", "identity.sign-in"));
        var mine = page.get(bySubject);
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body())
                .contains("Roles changed", "Signed in", "Time (UTC)", "Learner " + adminEmail.substring(0, 6))
                .contains("href=\"/admin/audit?actor=");

        var signIns = page.get("/admin/audit?action=identity.sign-in&subject=" + studentId);
        assertThat(actions(signIns.body())).isNotEmpty().containsOnly("identity.sign-in");
        var byActor =
                page.get("/admin/audit?actor=" + adminEmail.replace("@", "%40") + "&action=identity.roles.changed");
        assertThat(actions(byActor.body())).containsExactly("identity.roles.changed");
        assertThat(byActor.body()).contains("Learner " + studentEmail.substring(0, 6));

        var tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        var future = page.get(bySubject + "&from=" + tomorrow);
        assertThat(future.body()).contains("id=\"audit-empty\"");
        var today = LocalDate.now(ZoneOffset.UTC);
        assertThat(actions(page.get(bySubject + "&from=" + today.minusDays(1) + "&to=" + today.plusDays(1))
                        .body()))
                .contains("identity.roles.changed");
        var backwards = page.get(bySubject + "&from=" + tomorrow + "&to=" + today);
        assertThat(backwards.body()).contains("id=\"audit-errors\"").contains("must not be before the first day");
        assertThat(page.get("/admin/audit?subject=nobody%40nowhere.example").body())
                .contains("no account has this e-mail address");

        assertThat(page.get(bySubject + "&lang=fr").body()).contains("Rôles modifiés", "Heure (UTC)");
    }

    @Test
    void fiftyEntriesToAPageAndTheOlderLinkCarriesOnWhereTheFirstPageEnded(CapturedOutput output) {
        var accounts = new IdentityClient(port, output::getAll);
        var adminEmail = IdentityClient.uniqueEmail("audit-pager");
        admin(accounts, adminEmail);
        var now = Instant.now();
        var secret = PageSession.enrolTotp(accounts, adminEmail, now);
        var page = new PageSession(port);
        page.signIn(adminEmail, Optional.of(Totp.code(secret, now.plusSeconds(30))));
        // 55 entries about one account, one second apart, as the listener would have written them.
        var subject = UUID.randomUUID();
        for (int i = 0; i < 55; i++) {
            jdbc.sql("""
                            insert into privacy.audit_event (id, occurred_at, action, subject_id, details)
                            values (:id, :at, 'identity.sign-in.failed', :subject, cast(:details as jsonb))""")
                    .param("id", UUID.randomUUID())
                    .param("at", Timestamp.from(now.minusSeconds(100 - i)))
                    .param("subject", subject)
                    .param("details", "{\"n\":\"" + i + "\"}")
                    .update();
        }
        var first = page.get("/admin/audit?subject=" + subject).body();
        assertThat(actions(first)).hasSize(AuditPage.PAGE);
        assertThat(first).contains("n=54").doesNotContain("n=4<").doesNotContain("id=\"audit-newest\"");
        var older = Pattern.compile("id=\"audit-older\" href=\"([^\"]+)\"|href=\"([^\"]+)\" id=\"audit-older\"")
                .matcher(first);
        assertThat(older.find()).as(first).isTrue();
        var link = (older.group(1) != null ? older.group(1) : older.group(2)).replace("&amp;", "&");
        var second = page.get(link).body();
        assertThat(actions(second)).hasSize(5);
        assertThat(second)
                .contains("n=4<", "n=0<", "id=\"audit-newest\"")
                .doesNotContain("n=5<")
                .doesNotContain("id=\"audit-older\"");
        assertThat(page.get("/admin/audit?before=yesterday").body()).contains("this page link is not valid");
    }

    @Test
    void aTeacherFindsNothingAndAnAdministratorWithoutASecondFactorIsToldToTurnItOn(CapturedOutput output) {
        var accounts = new IdentityClient(port, output::getAll);
        var teacherEmail = IdentityClient.uniqueEmail("audit-teacher");
        accounts.verifiedAccount(teacherEmail, "TEACHER");
        var teacher = new PageSession(port);
        teacher.signIn(teacherEmail, Optional.empty());
        for (var path : List.of("/admin/audit", "/admin/models", "/admin/users")) {
            var refused = teacher.get(path);
            assertThat(refused.statusCode()).as(path).isEqualTo(404);
            assertThat(refused.body()).doesNotContain("data-action=");
        }
        assertThat(teacher.get("/teacher/classes").body()).doesNotContain("href=\"/admin/audit\"");

        var adminEmail = IdentityClient.uniqueEmail("audit-no-mfa");
        admin(accounts, adminEmail);
        var admin = new PageSession(port);
        admin.signIn(adminEmail, Optional.empty());
        for (var path : List.of("/admin/audit", "/admin/models", "/admin/users")) {
            var refused = admin.get(path);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(refused.body()).contains("id=\"turn-on-mfa\"", "Two-step sign-in needed");
        }
        var token = accounts.accessToken(adminEmail);
        for (var path : List.of("/api/v1/admin/audit", "/api/v1/ml/models/status", "/api/v1/ai/usage")) {
            var refused = accounts.http().get(path, "Authorization", "Bearer " + token);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(HttpProbe.json(refused).path("type").asString()).as(path).endsWith("/admin-mfa-required");
        }
        var now = Instant.now();
        var secret = PageSession.enrolTotp(accounts, adminEmail, now);
        var withCode = new PageSession(port);
        withCode.signIn(adminEmail, Optional.of(Totp.code(secret, now.plusSeconds(30))));
        for (var path : List.of("/admin/audit", "/admin/models", "/admin/users")) {
            assertThat(withCode.get(path).statusCode()).as(path).isEqualTo(200);
        }
    }
}
