package org.studyloop.mastery.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.studyloop.HttpProbe;
import org.studyloop.HttpTest;
import org.studyloop.catalog.Catalog;
import org.studyloop.catalog.CatalogTestSupport;
import org.studyloop.catalog.CourseOutline;
import org.studyloop.catalog.PublishedItem;
import org.studyloop.identity.IdentityClient;
import org.studyloop.practice.PracticeClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 6's "must show" over HTTP: a student of a teacher's class answers 30 items of an adaptive
 * session; then mastery, focus areas, recommendations and predictions are present and agree with
 * each other; the teacher reads them all and sees the student on the class dashboard; another
 * teacher gets 404 on each.
 */
@HttpTest
class LearnerOutlookHttpTests {

    static final double GOAL = 0.8;

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcClient jdbc;

    private String studentId;
    private String classId;
    private CourseOutline course;
    private PracticeClient student;
    private HttpProbe studentHttp;
    private HttpProbe teacher;
    private HttpProbe otherTeacher;

    @BeforeEach
    void people(CapturedOutput output) {
        course = CatalogTestSupport.bundledCourse(catalog, "sat-math-algebra");
        var identity = new IdentityClient(port, output::getAll);
        var studentEmail = IdentityClient.uniqueEmail("outlook-learner");
        studentId = identity.verifiedAccount(studentEmail, "STUDENT");
        studentHttp = new HttpProbe(port).withBearer(identity.accessToken(studentEmail));
        student = new PracticeClient(studentHttp, catalog);
        var teacherEmail = IdentityClient.uniqueEmail("outlook-teacher");
        identity.verifiedAccount(teacherEmail, "TEACHER");
        teacher = new HttpProbe(port).withBearer(identity.accessToken(teacherEmail));
        var otherEmail = IdentityClient.uniqueEmail("outlook-other-teacher");
        identity.verifiedAccount(otherEmail, "TEACHER");
        otherTeacher = new HttpProbe(port).withBearer(identity.accessToken(otherEmail));
        var created = HttpProbe.json(teacher.post(
                "/api/v1/classes",
                HttpProbe.toJson(Map.of(
                        "name", "Algebra", "courseId", course.courseId().value().toString()))));
        classId = created.path("classId").asString();
        var joined = studentHttp.post(
                "/api/v1/classes/join",
                HttpProbe.toJson(Map.of("joinCode", created.path("joinCode").asString())));
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
    }

    private void practise(int answers) {
        var session = HttpProbe.json(student.start(
                Map.of("mode", "ADAPTIVE", "courseId", course.courseId().value().toString())));
        var sessionId = session.path("sessionId").asString();
        var next = session.path("nextItem");
        for (int i = 0; i < answers; i++) {
            var itemId = next.path("itemId").asString();
            var right = i % 3 != 2;
            var result = HttpProbe.json(student.answer(
                    sessionId, itemId, right ? student.rightResponse(itemId) : student.wrongResponse(itemId)));
            assertThat(result.path("recorded").asBoolean())
                    .as(result.toString())
                    .isTrue();
            next = result.path("nextItem");
        }
        student.finish(sessionId);
    }

    private JsonNode get(HttpProbe as, String path) {
        var response = as.get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return HttpProbe.json(response);
    }

    private JsonNode learner(HttpProbe as, String what) {
        return get(as, "/api/v1/users/" + studentId + "/" + what);
    }

    @Test
    void afterThirtyAnswersTheOutlookIsPresentConsistentAndTheTeachersAlone() {
        practise(30);

        var mastery = new HashMap<String, Double>();
        learner(studentHttp, "mastery")
                .forEach(s -> mastery.put(
                        s.path("skillId").asString(), s.path("mastery").asDouble()));
        assertThat(mastery).isNotEmpty();
        double lowest =
                mastery.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();

        // Focus areas: ranked, with reasons; the weakest of them is the weakest skill.
        var focus = learner(studentHttp, "focus-areas");
        assertThat(focus.size()).isPositive();
        focus.forEach(f -> assertThat(f.path("reason").asString()).contains("goal"));
        double weakestFocus = 1;
        for (var f : focus) {
            weakestFocus = Math.min(weakestFocus, f.path("mastery").asDouble());
        }
        assertThat(weakestFocus).isCloseTo(lowest, within(1e-9));

        // Recommendations: each with a reason; a frontier skill is not mastered, its prerequisites are.
        var recommendations = learner(studentHttp, "recommendations");
        assertThat(recommendations.size()).isPositive();
        int skills = 0;
        for (var r : recommendations) {
            assertThat(r.path("kind").asString()).isIn("SKILL", "LESSON", "ITEM");
            assertThat(r.path("title").asString()).isNotBlank();
            assertThat(r.path("reason").asString()).isNotBlank();
            if (r.path("kind").asString().equals("SKILL")) {
                skills++;
                var skill = course.skills().stream()
                        .filter(s -> s.skillId()
                                .value()
                                .toString()
                                .equals(r.path("id").asString()))
                        .findFirst()
                        .orElseThrow();
                assertThat(mastery.getOrDefault(skill.skillId().value().toString(), 0.0))
                        .isLessThan(GOAL);
                skill.prerequisites()
                        .forEach(p -> assertThat(mastery.getOrDefault(p.value().toString(), 0.0))
                                .as("a prerequisite of a frontier skill is mastered")
                                .isGreaterThanOrEqualTo(GOAL));
                assertThat(r.path("reason").asString()).startsWith("Ready to learn");
            }
            if (r.path("kind").asString().equals("LESSON")) {
                assertThat(r.path("reason").asString()).contains("goal");
            }
        }
        assertThat(skills).as("the course has a frontier").isPositive();

        // Predictions: an interval around each expectation, a risk with reasons, and the course mastery
        // the mastery endpoint gives.
        var predictions = learner(studentHttp, "predictions");
        double courseMastery = course.skills().stream()
                        .mapToDouble(
                                s -> mastery.getOrDefault(s.skillId().value().toString(), 0.0))
                        .sum()
                / course.skills().size();
        assertThat(predictions.path("courseMastery").asDouble()).isCloseTo(courseMastery, within(1e-3));
        assertThat(predictions.path("answers").asInt()).isEqualTo(30);
        var forecast = predictions.path("forecast");
        assertThat(forecast.size()).isEqualTo(3);
        int[] days = {30, 60, 90};
        for (int i = 0; i < 3; i++) {
            var point = forecast.get(i);
            assertThat(point.path("days").asInt()).isEqualTo(days[i]);
            double expected = point.path("expectedMastery").asDouble();
            assertThat(point.path("low").asDouble()).isBetween(0.0, expected);
            assertThat(point.path("high").asDouble()).isBetween(expected, 1.0);
        }
        var risk = predictions.path("risk");
        assertThat(risk.path("level").asString()).isIn("LOW", "MEDIUM", "HIGH");
        assertThat(risk.path("reasons").size()).isPositive();
        boolean belowTarget = forecast.get(2).path("expectedMastery").asDouble() < 0.6;
        assertThat(risk.path("reasons").toString().contains("below the 60% target"))
                .as("the risk names the forecast when it is below target")
                .isEqualTo(belowTarget);
        assertThat(risk.path("reasons").toString()).doesNotContain("No practice for");

        // The teacher of the class reads the same; another teacher gets 404.
        for (var what : new String[] {"mastery", "focus-areas", "recommendations", "predictions"}) {
            var path = "/api/v1/users/" + studentId + "/" + what;
            assertThat(teacher.get(path).statusCode()).as(what).isEqualTo(200);
            var other = otherTeacher.get(path);
            assertThat(other.statusCode()).as(what).isEqualTo(404);
            assertThat(other.body()).doesNotContain("forecast", "reason\"");
        }
        assertThat(learner(teacher, "predictions").path("risk").path("level").asString())
                .isEqualTo(risk.path("level").asString());

        // The class dashboard shows the student's row of mastery over the course's skills.
        var dashboard = get(teacher, "/api/v1/classes/" + classId + "/dashboard");
        assertThat(dashboard.path("students").get(0).path("userId").asString()).isEqualTo(studentId);
        assertThat(dashboard.path("skills").size()).isEqualTo(course.skills().size());
        var row = dashboard.path("cells").get(0);
        for (int c = 0; c < course.skills().size(); c++) {
            var skillId = dashboard.path("skills").get(c).path("skillId").asString();
            var cell = row.get(c);
            if (mastery.containsKey(skillId)) {
                assertThat(cell.asDouble()).isCloseTo(mastery.get(skillId), within(1e-3));
            } else {
                assertThat(cell.isNull()).as("no evidence, no colour").isTrue();
            }
        }
        var atRisk = dashboard.path("atRisk");
        assertThat(atRisk.size()).isEqualTo(risk.path("level").asString().equals("LOW") ? 0 : 1);
        atRisk.forEach(r -> assertThat(r.path("interventions").size())
                .isEqualTo(r.path("reasons").size()));
        assertThat(otherTeacher.get("/api/v1/classes/" + classId + "/dashboard").statusCode())
                .isEqualTo(404);
        assertThat(studentHttp.get("/api/v1/classes/" + classId + "/dashboard").statusCode())
                .isEqualTo(404);
    }

    @Test
    void withoutAnswersTheFrontierOfTheClassCourseIsRecommendedAndNothingIsForecast() {
        var recommendations = learner(studentHttp, "recommendations");
        assertThat(recommendations.size()).isPositive();
        var first = recommendations.get(0);
        assertThat(first.path("kind").asString()).isEqualTo("SKILL");
        var skill = course.skills().stream()
                .filter(s ->
                        s.skillId().value().toString().equals(first.path("id").asString()))
                .findFirst()
                .orElseThrow();
        assertThat(skill.prerequisites()).as("a first skill of the course").isEmpty();
        assertThat(first.path("reason").asString()).contains("needs no earlier skill");

        var predictions = learner(studentHttp, "predictions");
        assertThat(predictions.path("courseMastery").asDouble()).isZero();
        predictions
                .path("forecast")
                .forEach(p -> assertThat(p.path("high").asDouble()).isZero());
        assertThat(predictions.path("risk").path("level").asString()).isEqualTo("LOW");
        assertThat(predictions.path("risk").path("reasons").get(0).asString()).startsWith("No answers yet");
    }

    @Test
    void studentsWhoMissedTheSameItemsLeadToAnItemRecommendation() {
        practise(12);
        var me = UUID.fromString(studentId);
        var seen = new HashSet<>(jdbc.sql("select item_id from mastery.evidence where student_id = ?")
                .param(me)
                .query(UUID.class)
                .list());
        List<UUID> missed = jdbc.sql(
                        "select distinct item_id from mastery.evidence where student_id = ? and not correct")
                .param(me)
                .query(UUID.class)
                .list();
        assertThat(missed).as("every third answer was wrong").isNotEmpty();
        var candidate = catalog.publishedItems(course.courseId()).stream()
                .filter(p -> p.classId().isEmpty()
                        && !seen.contains(p.item().itemId().value()))
                .map(PublishedItem::item)
                .findFirst()
                .orElseThrow();
        // Twenty students of the cohort missed the same items and the candidate as well.
        for (int peer = 0; peer < 20; peer++) {
            var id = UUID.randomUUID();
            for (var item : missed) {
                wrong(id, item);
            }
            wrong(id, candidate.itemId().value());
        }

        var items = new java.util.ArrayList<JsonNode>();
        learner(studentHttp, "recommendations").forEach(r -> {
            if (r.path("kind").asString().equals("ITEM")) {
                items.add(r);
            }
        });
        assertThat(items).isNotEmpty();
        assertThat(items.getFirst().path("id").asString())
                .isEqualTo(candidate.itemId().value().toString());
        assertThat(items.getFirst().path("reason").asString()).startsWith("Students like you: 20 students");
        items.forEach(i ->
                assertThat(seen).doesNotContain(UUID.fromString(i.path("id").asString())));
    }

    private void wrong(UUID student, UUID item) {
        jdbc.sql("""
                        insert into mastery.evidence (student_id, item_id, skill_ids, correct, credit, hints_used,
                            hints_available, elapsed_ms, answered_at, mode, predicted, rating)
                        values (?, ?, '{}'::uuid[], false, 0, 0, 0, 20000, now() - interval '1 day', 'ADAPTIVE', 0.5, 1)""").params(student, item).update();
    }
}
