package org.studyloop.search.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.studyloop.HttpTest;
import org.studyloop.catalog.store.Ids;
import org.studyloop.identity.IdentityClient;
import org.studyloop.identity.PageSession;
import org.studyloop.search.indexing.Indexer;

/**
 * The search page on the cookie session: a student finds lessons and questions but never worked
 * solutions or hints, a teacher can ask for hints, a query the page cannot take is answered on the
 * page next to its field, and nothing is searched during an exam.
 */
@HttpTest
class SearchPageTests {

    static final String SAT = "sat-math-algebra";

    @LocalServerPort
    int port;

    @Autowired
    Indexer indexer;

    private IdentityClient accounts;

    @BeforeEach
    void indexed(CapturedOutput output) throws InterruptedException {
        assertThat(indexer.awaitIdle(Duration.ofMinutes(10))).isTrue();
        accounts = new IdentityClient(port, output::getAll);
    }

    private PageSession signedIn(String role) {
        var email = IdentityClient.uniqueEmail("search-page");
        accounts.verifiedAccount(email, role);
        var page = new PageSession(port);
        page.signIn(email, Optional.empty());
        return page;
    }

    static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static List<String> kinds(String html) {
        return Pattern.compile("data-kind=\"([A-Z]+)\"")
                .matcher(html)
                .results()
                .map(m -> m.group(1))
                .toList();
    }

    @Test
    void aStudentFindsLessonsAndQuestionsButNoSolutionsOrHints() {
        var student = signedIn("STUDENT");

        var empty = student.get("/search");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("id=\"search-form\"").contains("href=\"/search\"");
        assertThat(empty.body()).doesNotContain("id=\"search-results\"").doesNotContain("value=\"hint\"");

        var page = student.get("/search?q=" + q("how do I factorise a quadratic equation"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(kinds(page.body())).isNotEmpty().contains("LESSON").doesNotContain("SOLUTION", "HINT");
        assertThat(page.body())
                .containsPattern("href=\"/lessons/[0-9a-f-]{36}\"")
                .contains("<mark class=\"math\">");

        var questions =
                student.get("/search?kind=item&course=" + Ids.course(SAT).value() + "&q=" + q("quadratic"));
        assertThat(kinds(questions.body())).isNotEmpty().containsOnly("ITEM");
        assertThat(questions.body())
                .contains("action=\"/tutor/conversations\"")
                .containsPattern("name=\"itemId\" value=\"[0-9a-f-]{36}\"");

        var asked = student.get("/search?kind=hint&q=" + q("quadratic"));
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("id=\"search-error\"").contains("Choose a kind from the list.");
        assertThat(kinds(asked.body())).isEmpty();
    }

    @Test
    void aTeacherCanAskForHints() {
        var teacher = signedIn("TEACHER");

        var page = teacher.get("/search?kind=hint&q=" + q("solve a linear equation"));

        assertThat(page.body()).contains("value=\"hint\"");
        assertThat(kinds(page.body())).isNotEmpty().containsOnly("HINT");
    }

    @Test
    void aQueryThePageCannotTakeIsNamedNextToItsField() {
        var student = signedIn("STUDENT");

        var tooLong = student.get("/search?q=" + q("x".repeat(SearchController.MAX_QUERY + 1)));
        assertThat(tooLong.statusCode()).isEqualTo(200);
        assertThat(tooLong.body())
                .contains("id=\"search-error\"")
                .contains("at most " + SearchController.MAX_QUERY + " characters")
                .containsPattern("id=\"q\"[^>]*aria-invalid=\"true\"");
        assertThat(kinds(tooLong.body())).isEmpty();

        var unknownKind = student.get("/search?kind=video&q=" + q("quadratic"));
        assertThat(unknownKind.body()).contains("id=\"search-error\"").contains("Choose a kind from the list.");
        assertThat(kinds(unknownKind.body())).isEmpty();
    }

    @Test
    void nothingIsSearchedDuringAnExam() {
        var student = signedIn("STUDENT");
        var exam = student.post(
                "/practice",
                "/practice/sessions",
                List.of(
                        Map.entry("mode", "EXAM"),
                        Map.entry("courseId", Ids.course(SAT).value().toString())));
        assertThat(exam.statusCode()).as(exam.body()).isEqualTo(302);

        var page = student.get("/search?q=" + q("quadratic"));

        assertThat(page.body()).contains("id=\"search-refused\"").contains("not available during an exam");
        assertThat(kinds(page.body())).isEmpty();
    }

    @Test
    void aSnippetBecomesPiecesOfTextWithTheMatchedWordsMarked() {
        assertThat(SearchPage.pieces("Solve <mark>quadratics</mark> with $x &lt; 2$ &amp; <mark>factors</mark>"))
                .containsExactly(
                        new SearchPage.Piece("Solve ", false),
                        new SearchPage.Piece("quadratics", true),
                        new SearchPage.Piece(" with $x < 2$ & ", false),
                        new SearchPage.Piece("factors", true));
        assertThat(SearchPage.pieces("")).isEmpty();
    }
}
