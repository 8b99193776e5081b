package org.studyloop.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.studyloop.HttpTest;
import org.studyloop.catalog.Catalog;
import org.studyloop.catalog.CatalogTestSupport;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.pack.PackFiles;
import org.studyloop.catalog.pack.PackTestFiles;
import org.studyloop.catalog.pack.PackWriter;
import org.studyloop.catalog.store.Ids;
import org.studyloop.identity.IdentityClient;
import org.studyloop.identity.PageSession;

/**
 * The lesson page on the cookie session: a bundled lesson with its breadcrumb, table, maths spans,
 * source and licence, neighbours and ways on; an imported lesson's raw HTML shown as text; an
 * unknown lesson the 404 page; and the sign-in page for anyone signed out.
 */
@HttpTest
class LessonPageTests {

    static final String SAT = "sat-math-algebra";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Catalog catalog;

    private IdentityClient accounts;
    private PageSession student;

    @BeforeEach
    void signIn(CapturedOutput output) {
        accounts = new IdentityClient(port, output::getAll);
        var email = IdentityClient.uniqueEmail("lesson-page");
        accounts.verifiedAccount(email, "STUDENT");
        student = new PageSession(port);
        student.signIn(email, Optional.empty());
    }

    @Test
    void aStudentReadsABundledLessonRenderedWithItsTableMathsAndWaysOn() {
        var lessonId = Ids.lesson(SAT, "linear-inequalities");
        var courseId = Ids.course(SAT).value();

        var page = student.get("/lessons/" + lessonId);

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        var body = page.body();
        assertThat(body)
                .contains("<h1 id=\"lesson-title\" class=\"math\">Solving linear inequalities</h1>")
                .contains("SAT Math — Algebra and Functions")
                .contains("<th>phrase</th>")
                .contains("<td><span class=\"math\">$\\ge 10$</span></td>")
                .contains("<span class=\"math\">$5 - 2x &gt; 11$</span>")
                .contains("<strong>positive</strong>")
                .contains("Source: StudyLoop original")
                .contains("Licence: CC-BY-4.0")
                .contains("id=\"previous-lesson\"")
                .contains("id=\"next-lesson\"")
                .contains("name=\"courseId\" value=\"" + courseId + "\"")
                .contains("action=\"/practice/sessions\"")
                .contains("action=\"/tutor/conversations\"");
        var next = Pattern.compile("<a[^>]*id=\"next-lesson\"[^>]*href=\"/lessons/([0-9a-f-]{36})\"")
                .matcher(body);
        assertThat(next.find()).as("a link to the next lesson").isTrue();
        var nextId = next.group(1);
        assertThat(student.get("/lessons/" + nextId).body())
                .containsPattern("id=\"previous-lesson\"\\s+href=\"/lessons/" + lessonId + "\"");
    }

    @Test
    void practisingTheLessonsSkillStartsAdaptivePracticeOfThatSkill() {
        var lesson = "/lessons/" + Ids.lesson(SAT, "exponents-and-radicals");
        var skill = Ids.skill(SAT, "exponents-and-radicals");
        assertThat(student.get(lesson).body()).contains("name=\"skillId\" value=\"" + skill.value() + "\"");

        var started = student.post(
                lesson,
                "/practice/sessions",
                List.of(
                        Map.entry("mode", "ADAPTIVE"),
                        Map.entry("courseId", Ids.course(SAT).value().toString()),
                        Map.entry("skillId", skill.value().toString())));

        assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
        var session = started.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(session).matches("/practice/sessions/[0-9a-f-]{36}");
        var item = Pattern.compile("name=\"itemId\" value=\"([0-9a-f-]{36})\"")
                .matcher(student.get(session).body());
        assertThat(item.find()).as("the session's first item").isTrue();
        // A skill without prerequisites that is not the course's first: unnarrowed, a new student would
        // start at the first (mastery's NextItems); narrowed, at this one.
        assertThat(catalog.item(new ItemId(UUID.fromString(item.group(1))))
                        .orElseThrow()
                        .skillIds())
                .contains(skill);
    }

    @Test
    void rawHtmlInAnImportedLessonIsShownAsText() {
        var key = CatalogTestSupport.uniqueKey("lesson-xss");
        var files = new HashMap<>(PackTestFiles.read("sample").files());
        files.put(
                "course.yaml",
                new String(files.get("course.yaml"), StandardCharsets.UTF_8)
                        .replace("key: sample-algebra", "key: " + key)
                        .getBytes(StandardCharsets.UTF_8));
        var lesson = "lessons/solving-linear-equations.md";
        files.put(
                lesson,
                (new String(files.get(lesson), StandardCharsets.UTF_8)
                                + "\n<script>alert('lesson')</script>\n\n[x](javascript:alert(1))\n")
                        .getBytes(StandardCharsets.UTF_8));
        var imported = CatalogTestSupport.upload(
                port, CatalogTestSupport.authorToken(accounts, jdbc), PackWriter.zip(new PackFiles(files)), false);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

        var page = student.get("/lessons/" + Ids.lesson(key, "solving-linear-equations"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("&lt;script&gt;alert(")
                .doesNotContain("<script>alert(")
                .doesNotContain("javascript:alert");
    }

    @Test
    void anUnknownLessonIsTheNotFoundPage() {
        var page = student.get("/lessons/" + UUID.randomUUID());

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("<main");
    }

    @Test
    void signedOutTheLessonSendsToTheSignInPage() throws Exception {
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/lessons/"
                                        + Ids.lesson(SAT, "linear-inequalities")))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }
}
