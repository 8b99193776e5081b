package org.studyloop.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.studyloop.HttpProbe;
import org.studyloop.HttpTest;
import org.studyloop.catalog.Catalog;
import org.studyloop.catalog.store.Ids;
import org.studyloop.identity.IdentityClient;
import org.studyloop.search.eval.GoldSet;
import org.studyloop.search.indexing.Indexer;

/** Search over HTTP on the bundled courses, once the start-up indexing is done. */
@HttpTest
class SearchHttpTests {

    /** Every fourth gold question: a fixed sample, not a chosen one. */
    static final int SAMPLE_STEP = 4;

    @LocalServerPort
    int port;

    @Autowired
    Indexer indexer;

    @Autowired
    Catalog catalog;

    private HttpProbe student;
    private HttpProbe teacher;

    @BeforeEach
    void indexed(CapturedOutput output) throws InterruptedException {
        assertThat(indexer.awaitIdle(Duration.ofMinutes(10))).isTrue();
        var identity = new IdentityClient(port, output::getAll);
        var email = IdentityClient.uniqueEmail("searcher");
        identity.verifiedAccount(email, "STUDENT");
        student = new HttpProbe(port).withBearer(identity.accessToken(email));
        var teacherEmail = IdentityClient.uniqueEmail("search-teacher");
        identity.verifiedAccount(teacherEmail, "TEACHER");
        teacher = new HttpProbe(port).withBearer(identity.accessToken(teacherEmail));
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void goldQuestionsFindAnAnsweringPassageInTheTopFive() throws Exception {
        var courses = new HashMap<String, String>();
        catalog.courses()
                .forEach(id -> catalog.course(id)
                        .ifPresent(c -> courses.put(c.key(), id.value().toString())));
        var questions = GoldSet.read(Path.of("src/test/resources/search-gold/gold.yaml"))
                .questions();
        var asked = 0;
        var misses = new ArrayList<String>();
        for (var i = 0; i < questions.size(); i += SAMPLE_STEP) {
            var question = questions.get(i);
            var response = teacher.get("/api/v1/search?limit=5&q=" + q(question.text()) + "&courseId="
                    + courses.get(question.courseKey()));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            var found = false;
            for (var result : HttpProbe.json(response)) {
                var id = result.path("id").asString();
                var kind = result.path("kind").asString();
                var key = catalogKey(kind, id);
                found |= question.relevant().getOrDefault(GoldSet.document(kind, key), 0) == 2;
            }
            asked++;
            if (!found) {
                misses.add(question.id() + " " + question.text());
            }
        }
        var hitRate = 1 - (double) misses.size() / asked;
        System.out.printf("gold sample: %d questions, %.2f with an answering passage in the top 5%n", asked, hitRate);
        assertThat(hitRate).as("misses: %s", misses).isGreaterThanOrEqualTo(0.75);
    }

    /** The pack key of a result, read back from the catalog by id. */
    private String catalogKey(String kind, String id) {
        var uuid = java.util.UUID.fromString(id);
        if (kind.equals("lesson")) {
            return catalog.courses().stream()
                    .flatMap(c -> catalog.lessons(c).stream())
                    .filter(l -> l.lessonId().equals(uuid))
                    .map(l -> l.key())
                    .findFirst()
                    .orElseThrow();
        }
        return catalog.publishedItem(new org.studyloop.catalog.ItemId(uuid))
                .map(p -> p.key())
                .orElseThrow();
    }

    @Test
    void studentsSeeLessonsAndQuestionsButNoWorkedSolutionsOrHints() {
        var results = HttpProbe.json(student.get("/api/v1/search?limit=20&q=" + q("solve 3x + 7 = 22")));
        assertThat(results.size()).isPositive();
        var kinds = new ArrayList<String>();
        results.forEach(r -> kinds.add(r.path("kind").asString()));
        assertThat(kinds).isNotEmpty().allMatch(k -> k.equals("lesson") || k.equals("item"));
        var refused = student.get("/api/v1/search?type=solution&q=" + q("solve 3x + 7 = 22"));
        assertThat(refused.statusCode()).isEqualTo(403);
        var teacherSolutions = HttpProbe.json(teacher.get("/api/v1/search?type=solution&q=" + q("solve 3x + 7 = 22")));
        assertThat(teacherSolutions.get(0).path("kind").asString()).isEqualTo("solution");
    }

    @Test
    void snippetsMarkTheMatchedWordsAndEscapeTheRest() {
        var results = HttpProbe.json(student.get("/api/v1/search?type=lesson&q=" + q("absolute value inequality")));
        var first = results.get(0);
        assertThat(first.path("title").asString()).contains("Absolute value");
        assertThat(first.path("snippet").asString()).contains("<mark>").doesNotContain("<script");
        assertThat(first.path("score").asDouble()).isPositive();
    }

    @Test
    void badParametersNameTheirField() {
        assertThat(student.get("/api/v1/search").body()).contains("\"q\"");
        var blank = student.get("/api/v1/search?q=%20");
        assertThat(blank.statusCode()).isEqualTo(400);
        var kind = student.get("/api/v1/search?q=x&type=video");
        assertThat(kind.statusCode()).isEqualTo(400);
        assertThat(kind.body()).contains("\"field\":\"type\"");
        var limit = student.get("/api/v1/search?q=x&limit=500");
        assertThat(limit.statusCode()).isEqualTo(400);
        assertThat(limit.body()).contains("limit");
    }

    @Test
    void nothingIsSearchedWhileTheStudentsExamRuns() {
        var exam = student.post(
                "/api/v1/practice/sessions",
                "{\"mode\":\"EXAM\",\"courseId\":\""
                        + Ids.course("sat-math-algebra").value() + "\"}");
        assertThat(exam.statusCode()).as(exam.body()).isEqualTo(201);

        var refused = student.get("/api/v1/search?q=" + q("quadratic equations"));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(HttpProbe.json(refused).path("type").asString()).endsWith("/not-during-exam");
        assertThat(teacher.get("/api/v1/search?q=" + q("quadratic equations")).statusCode())
                .as("another person's exam changes nothing for them")
                .isEqualTo(200);
    }
}
