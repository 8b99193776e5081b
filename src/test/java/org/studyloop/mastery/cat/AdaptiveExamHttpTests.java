package org.studyloop.mastery.cat;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.studyloop.HttpProbe;
import org.studyloop.HttpTest;
import org.studyloop.catalog.Catalog;
import org.studyloop.catalog.CourseOutline;
import org.studyloop.catalog.ItemId;
import org.studyloop.identity.IdentityClient;
import org.studyloop.mastery.irt.IrtItem;
import org.studyloop.mastery.train.ItemResponseTraining;
import org.studyloop.mastery.train.ModelStatus;
import org.studyloop.practice.PracticeClient;
import tools.jackson.databind.JsonNode;

/**
 * Item calibration from the evidence log, and adaptive exams over HTTP: an exam stops once the
 * ability's standard error reaches 0.30 (on a bank calibrated with steep items) or at its maximum
 * length, and its report gives the ability estimate once it has ended.
 */
@HttpTest
class AdaptiveExamHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate template;

    @Autowired
    CalibratedBank bank;

    @Autowired
    ItemResponseTraining training;

    @Autowired
    ModelStatus status;

    private PracticeClient student;
    private HttpProbe studentHttp;
    private final List<Integer> versions = new ArrayList<>();

    @BeforeEach
    void student(CapturedOutput output) {
        var identity = new IdentityClient(port, output::getAll);
        var email = IdentityClient.uniqueEmail("cat");
        identity.verifiedAccount(email, "STUDENT");
        studentHttp = new HttpProbe(port).withBearer(identity.accessToken(email));
        student = new PracticeClient(studentHttp, catalog);
    }

    @AfterEach
    void dropVersions() {
        versions.forEach(v -> jdbc.sql("delete from mastery.model_versions where version = ?")
                .param(v)
                .update());
        bank.refresh();
    }

    @Test
    void calibrateItemsPublishesAVersionThatServes() {
        var random = new Random(4);
        var truth = new IrtItem[12];
        var items = new UUID[truth.length];
        for (int j = 0; j < truth.length; j++) {
            truth[j] = new IrtItem(Math.exp(0.4 * random.nextGaussian()), random.nextGaussian());
            items[j] = UUID.randomUUID();
        }
        var rows = new ArrayList<Object[]>();
        var start = Instant.parse("2026-03-01T09:00:00Z");
        for (int s = 0; s < 400; s++) {
            var id = UUID.randomUUID();
            double theta = random.nextGaussian();
            for (int j = 0; j < truth.length; j++) {
                rows.add(new Object[] {
                    id,
                    items[j],
                    "{" + UUID.randomUUID() + "}",
                    random.nextDouble() < truth[j].probability(theta),
                    Timestamp.from(start.plusSeconds(60L * j))
                });
            }
        }
        template.batchUpdate("""
                insert into mastery.evidence (student_id, item_id, skill_ids, correct, credit, hints_used, hints_available,
                    elapsed_ms, answered_at, mode, predicted, rating)
                values (?, ?, ?::uuid[], ?, 1, 0, 0, 20000, ?, 'EXAM', 0.5, 3)""", rows);

        assertThat(training.calibrate(Integer.MAX_VALUE, 200).trained()).isFalse();
        var outcome = training.calibrate(1_000, 200);
        versions.add(outcome.version());
        assertThat(outcome.trained()).as(outcome.summary()).isTrue();
        assertThat(outcome.summary()).contains("held_out_auc_1pl=0.", "held_out_auc_2pl=0.");
        assertThat(bank.version()).isEqualTo(outcome.version());
        double squared = 0;
        for (int j = 0; j < truth.length; j++) {
            var fitted = bank.item(new ItemId(items[j]), 0);
            squared += Math.pow(fitted.difficulty() - truth[j].difficulty(), 2) / truth.length;
        }
        assertThat(Math.sqrt(squared)).as("RMSE of the difficulties").isLessThan(0.3);
        var ownSlopes = jdbc.sql(
                        "select count(*) from mastery.irt_items where version = ? and own_slope and item_id = any(?::uuid[])")
                .params(
                        outcome.version(),
                        "{"
                                + String.join(
                                        ",",
                                        java.util.Arrays.stream(items)
                                                .map(UUID::toString)
                                                .toList()) + "}")
                .query(Integer.class)
                .single();
        assertThat(ownSlopes).isEqualTo(truth.length);

        var calibration = status.status().itemCalibration();
        assertThat(calibration).isNotNull();
        assertThat(calibration).containsEntry("name", "irt").containsEntry("version", outcome.version());
        assertThat(calibration.get("metrics").toString()).contains("auc1pl", "auc2pl", "logloss2pl");
    }

    @Test
    void anAdaptiveExamStopsWhenTheStandardErrorReachesTheTarget() {
        var course = course("sat-math-algebra");
        calibrateSteeply(course);
        var exam = start(course, 30);
        int answered = answerUntilStopped(exam, 30);
        assertThat(answered)
                .as("stopped by the standard error, before 30 items")
                .isLessThan(30);

        var ability = HttpProbe.json(student.finish(exam.path("sessionId").asString()))
                .path("ability");
        assertThat(ability.path("standardError").asDouble()).isLessThanOrEqualTo(0.30);
        assertThat(ability.path("stopped").asBoolean()).isTrue();
        assertThat(ability.path("items").asInt()).isEqualTo(answered);
        assertThat(ability.path("estimate").asDouble()).isBetween(-4.0, 4.0);
    }

    @Test
    void anAdaptiveExamStopsAtItsMaximumLength() {
        var course = course("ielts-grammar-vocabulary");
        var exam = start(course, 4);
        assertThat(absent(exam.path("items"))).as("no fixed plan").isTrue();
        assertThat(answerUntilStopped(exam, 10)).isEqualTo(4);

        var sessionId = exam.path("sessionId").asString();
        var report = HttpProbe.json(student.finish(sessionId));
        var ability = report.path("ability");
        assertThat(ability.path("items").asInt()).isEqualTo(4);
        assertThat(ability.path("maxItems").asInt()).isEqualTo(4);
        assertThat(ability.path("stopped").asBoolean()).isTrue();
        assertThat(ability.path("standardError").asDouble()).isGreaterThan(0.30);
        assertThat(report.path("answered").asInt()).isEqualTo(4);
    }

    @Test
    void onlyAnExamIsAdaptive() {
        var course = course("sat-math-algebra");
        var quiz = student.start(
                Map.of("mode", "QUIZ", "courseId", course.courseId().value(), "adaptive", true));
        assertThat(quiz.statusCode()).isEqualTo(400);
        assertThat(quiz.body()).contains("adaptive");
        var tooLong = student.start(
                Map.of("mode", "EXAM", "courseId", course.courseId().value(), "adaptive", true, "maxItems", 500));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("maxItems");
    }

    private JsonNode start(CourseOutline course, int maxItems) {
        var started = student.start(
                Map.of("mode", "EXAM", "courseId", course.courseId().value(), "adaptive", true, "maxItems", maxItems));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        return HttpProbe.json(started);
    }

    /** Answers right and wrong in turn until the exam gives no next item; gives the answers given. */
    private int answerUntilStopped(JsonNode exam, int atMost) {
        var sessionId = exam.path("sessionId").asString();
        var next = exam.path("nextItem");
        int answered = 0;
        while (!absent(next) && answered < atMost) {
            var itemId = next.path("itemId").asString();
            var response = answered % 2 == 0 ? student.rightResponse(itemId) : student.wrongResponse(itemId);
            var result = student.answer(sessionId, itemId, response);
            assertThat(result.statusCode()).as(result.body()).isEqualTo(200);
            var body = HttpProbe.json(result);
            assertThat(body.path("correct").isNull())
                    .as("an exam hides the grade")
                    .isTrue();
            answered++;
            next = body.path("nextItem");
        }
        var open = HttpProbe.json(studentSession(sessionId));
        assertThat(absent(open.path("ability")))
                .as("hidden until the exam ends")
                .isTrue();
        return answered;
    }

    private java.net.http.HttpResponse<String> studentSession(String sessionId) {
        return studentHttp.get("/api/v1/practice/sessions/" + sessionId);
    }

    /** A calibration of the course's items with discrimination 3 and the authors' difficulties. */
    private void calibrateSteeply(CourseOutline course) {
        int version = jdbc.sql("""
                        insert into mastery.model_versions (name, trained_at, training_rows, metrics, params)
                        values ('irt', now(), 0, '{}', '{"sharedDiscrimination": 1.0}') returning version""").query(Integer.class).single();
        versions.add(version);
        var rows = new ArrayList<Object[]>();
        var ids = catalog.itemsForSkills(
                course.skills().stream().map(CourseOutline.Skill::skillId).toList());
        for (var id : ids) {
            var item = catalog.item(id).orElseThrow();
            var b = item.difficulty();
            rows.add(new Object[] {version, id.value(), 3.0, b == null ? 0.0 : b, 500, true});
        }
        template.batchUpdate("""
                insert into mastery.irt_items (version, item_id, discrimination, difficulty, answers, own_slope)
                values (?, ?, ?, ?, ?, ?)""", rows);
        bank.refresh();
        assertThat(bank.version()).isEqualTo(version);
    }

    private static boolean absent(JsonNode node) {
        return node.isNull() || node.isMissingNode();
    }

    private CourseOutline course(String key) {
        return catalog.courses().stream()
                .map(catalog::course)
                .flatMap(java.util.Optional::stream)
                .filter(c -> c.key().equals(key))
                .findFirst()
                .orElseThrow();
    }
}
