package org.studyloop.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.studyloop.identity.IdentityClient;
import tools.jackson.databind.JsonNode;

/** Timed mock exams, quizzes assigned to a class, and review sessions, over HTTP. */
@HttpTest
class ExamAndQuizHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcClient jdbc;

    private IdentityClient identity;
    private PracticeClient student;
    private HttpProbe studentHttp;

    @BeforeEach
    void student(CapturedOutput output) {
        identity = new IdentityClient(port, output::getAll);
        studentHttp = signedIn("examinee", "STUDENT");
        student = new PracticeClient(studentHttp, catalog);
    }

    private HttpProbe signedIn(String who, String role) {
        var email = IdentityClient.uniqueEmail(who);
        identity.verifiedAccount(email, role);
        return new HttpProbe(port).withBearer(identity.accessToken(email));
    }

    private org.studyloop.catalog.CourseOutline course(String key) {
        return catalog.courses().stream()
                .map(catalog::course)
                .flatMap(java.util.Optional::stream)
                .filter(c -> c.key().equals(key))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void anExamHidesGradesRefusesHintsAndLateAnswersAndReportsBySectionAndSkill() {
        var course = course("sat-math-algebra");
        var started = student.start(
                Map.of("mode", "EXAM", "courseId", course.courseId().value()));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        var exam = HttpProbe.json(started);
        var sessionId = exam.path("sessionId").asString();
        var items = exam.path("items");
        assertThat(items.size()).isEqualTo(course.skills().size());
        assertThat(exam.path("sections").size()).isEqualTo(course.units().size());
        assertThat(exam.path("remainingSeconds").asLong()).isPositive();

        var first = exam.path("nextItem").path("itemId").asString();
        var hint = student.hint(sessionId, first);
        assertThat(hint.statusCode()).isEqualTo(409);
        assertThat(HttpProbe.json(hint).path("type").asString()).endsWith("/not-during-exam");
        assertThat(HttpProbe.json(hint).path("detail").asString()).contains("not available during an exam");

        var answered = HttpProbe.json(student.answer(sessionId, first, student.rightResponse(first)));
        assertThat(answered.path("recorded").asBoolean()).isTrue();
        assertThat(answered.path("correct").isNull()).isTrue();
        assertThat(answered.path("solution").isNull()).isTrue();
        assertThat(answered.path("feedback").isNull()).isTrue();
        assertThat(answered.path("masteryChanges").size()).isZero();
        // The student may move between items: answer the last planned one next.
        var last = items.get(items.size() - 1).path("itemId").asString();
        var wrong = student.answer(sessionId, last, student.wrongResponse(last));
        assertThat(wrong.statusCode()).isEqualTo(200);
        var twice = student.answer(sessionId, first, student.rightResponse(first));
        assertThat(twice.statusCode()).isEqualTo(409);

        // A disconnect: the session reads back with its items, what is answered and the time left.
        var resumed = HttpProbe.json(studentHttp.get("/api/v1/practice/sessions/" + sessionId));
        assertThat(resumed.path("answered").asInt()).isEqualTo(2);
        assertThat(resumed.path("remainingSeconds").asLong()).isPositive();
        assertThat(resumed.path("correct").isNull()).isTrue();
        assertThat(resumed.path("items").size()).isEqualTo(items.size());
        assertThat(resumed.path("items").get(0).path("answered").asBoolean()).isTrue();
        assertThat(resumed.path("answers").get(0).path("outcome").isNull()).isTrue();
        assertThat(resumed.path("answers").get(0).path("solution").isNull()).isTrue();

        jdbc.sql("update practice.sessions set deadline = now() - interval '1 minute' where id = ?::uuid")
                .param(sessionId)
                .update();
        var third = items.get(1).path("itemId").asString();
        var late = student.answer(sessionId, third, student.rightResponse(third));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(HttpProbe.json(late).path("type").asString()).endsWith("/time-up");

        var report = HttpProbe.json(student.finish(sessionId));
        assertThat(report.path("finishedAt").isNull()).isFalse();
        assertThat(report.path("answered").asInt()).isEqualTo(2);
        assertThat(report.path("correct").asInt()).isEqualTo(1);
        assertThat(report.path("score").asDouble()).isEqualTo(1.0 / items.size());
        var sections = report.path("sections");
        assertThat(sections.size()).isEqualTo(course.units().size());
        var sectionItems = 0;
        var sectionAnswers = 0;
        for (var section : sections) {
            assertThat(section.path("title").asString()).isNotBlank();
            sectionItems += section.path("items").asInt();
            sectionAnswers += section.path("answered").asInt();
        }
        assertThat(sectionItems).isEqualTo(items.size());
        assertThat(sectionAnswers).isEqualTo(2);
        var skills = report.path("skills");
        assertThat(skills.size()).isEqualTo(course.skills().size());
        assertThat(skills.get(0).path("name").asString()).isNotBlank();
        assertThat(sum(skills, "answered")).isEqualTo(2);
        assertThat(sum(skills, "correct")).isEqualTo(1);
        assertThat(report.path("answers").get(0).path("solution").asString()).isNotBlank();
        assertThat(report.path("answers").get(0).path("outcome").asString()).isEqualTo("CORRECT");
    }

    private static int sum(JsonNode rows, String field) {
        var total = 0;
        for (var row : rows) {
            total += row.path(field).asInt();
        }
        return total;
    }

    @Test
    void anExamFollowsTheBlueprintGiven() {
        var course = course("alevel-differentiation");
        var skills = course.skills().stream().map(s -> s.skillId().value()).toList();
        var blueprint = Map.of(
                "timeLimitMinutes",
                5,
                "sections",
                List.of(
                        Map.of("title", "Warm-up", "skills", List.of(Map.of("skillId", skills.get(0), "count", 2))),
                        Map.of(
                                "title",
                                "Main",
                                "skills",
                                List.of(
                                        Map.of("skillId", skills.get(1), "count", 1),
                                        Map.of("skillId", skills.get(2), "count", 1)))));
        var exam = HttpProbe.json(student.start(
                Map.of("mode", "EXAM", "courseId", course.courseId().value(), "blueprint", blueprint)));
        assertThat(exam.path("items").size()).isEqualTo(4);
        assertThat(exam.path("sections").get(0).path("items").asInt()).isEqualTo(2);
        assertThat(exam.path("sections").get(1).path("title").asString()).isEqualTo("Main");
        assertThat(exam.path("remainingSeconds").asLong()).isBetween(290L, 300L);
        for (var i = 0; i < 2; i++) {
            assertThat(exam.path("items").get(i).path("skillIds").toString())
                    .contains(skills.get(0).toString());
        }

        var foreign = course("sat-math-algebra").skills().getFirst().skillId().value();
        var wrongSkill = student.start(Map.of(
                "mode",
                "EXAM",
                "courseId",
                course.courseId().value(),
                "blueprint",
                Map.of(
                        "sections",
                        List.of(Map.of("title", "X", "skills", List.of(Map.of("skillId", foreign, "count", 1)))))));
        assertThat(wrongSkill.statusCode()).isEqualTo(400);
        assertThat(wrongSkill.body()).contains("blueprint.sections[0].skills[0].skillId");
        var tooLong = student.start(Map.of(
                "mode",
                "EXAM",
                "courseId",
                course.courseId().value(),
                "blueprint",
                Map.of("timeLimitMinutes", 100_000, "sections", List.of())));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("blueprint.timeLimitMinutes").contains("blueprint.sections");
    }

    @Test
    void aTeacherAssignsAQuizToAClassAndReadsTheResults() {
        var teacher = signedIn("quiz-teacher", "TEACHER");
        var created = HttpProbe.json(teacher.post("/api/v1/classes", HttpProbe.toJson(Map.of("name", "Algebra 1"))));
        var classId = created.path("classId").asString();
        var joined = studentHttp.post(
                "/api/v1/classes/join",
                HttpProbe.toJson(Map.of("joinCode", created.path("joinCode").asString())));
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
        var skill = course("sat-math-algebra").skills().getFirst().skillId();
        var items = catalog.itemsForSkills(List.of(skill)).stream()
                .filter(i -> !catalog.item(i).orElseThrow().isTemplate())
                .limit(3)
                .map(i -> i.value().toString())
                .toList();
        var due = Instant.now().plus(2, ChronoUnit.DAYS).toString();
        var assigned = teacher.post(
                "/api/v1/classes/" + classId + "/assignments",
                HttpProbe.toJson(Map.of("title", "Linear equations", "itemIds", items, "dueAt", due)));
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(201);
        var assignmentId = HttpProbe.json(assigned).path("assignmentId").asString();

        var listed = HttpProbe.json(studentHttp.get("/api/v1/classes/" + classId + "/assignments"));
        assertThat(listed.get(0).path("assignmentId").asString()).isEqualTo(assignmentId);
        var before = HttpProbe.json(teacher.get("/api/v1/assignments/" + assignmentId + "/results"));
        assertThat(before.path("students").get(0).path("status").asString()).isEqualTo("NOT_STARTED");

        var quiz = HttpProbe.json(student.start(Map.of("mode", "QUIZ", "assignmentId", assignmentId)));
        var sessionId = quiz.path("sessionId").asString();
        assertThat(quiz.path("items").size()).isEqualTo(3);
        var next = quiz.path("nextItem");
        for (var i = 0; i < 3; i++) {
            var itemId = next.path("itemId").asString();
            assertThat(items).contains(itemId);
            var result = HttpProbe.json(student.answer(
                    sessionId, itemId, i < 2 ? student.rightResponse(itemId) : student.wrongResponse(itemId)));
            assertThat(result.path("solution").asString()).isNotBlank();
            next = result.path("nextItem");
        }
        assertThat(next.isNull()).isTrue();
        student.finish(sessionId);

        var results = HttpProbe.json(teacher.get("/api/v1/assignments/" + assignmentId + "/results"));
        var row = results.path("students").get(0);
        assertThat(row.path("status").asString()).isEqualTo("FINISHED");
        assertThat(row.path("answered").asInt()).isEqualTo(3);
        assertThat(row.path("score").asDouble()).isEqualTo(2.0 / 3);
        assertThat(row.path("late").asBoolean()).isFalse();

        var outsider = new PracticeClient(signedIn("outsider", "STUDENT"), catalog);
        assertThat(outsider.start(Map.of("mode", "QUIZ", "assignmentId", assignmentId))
                        .statusCode())
                .isEqualTo(404);
        var pastDue = teacher.post(
                "/api/v1/classes/" + classId + "/assignments",
                HttpProbe.toJson(Map.of("title", "Late", "itemIds", items, "dueAt", "2020-01-01T00:00:00Z")));
        assertThat(pastDue.statusCode()).isEqualTo(400);
        assertThat(pastDue.body()).contains("\"field\":\"dueAt\"");
    }

    @Test
    void aQuizOfChosenItemsOrDrawnFromSkills() {
        var course = course("ielts-grammar-vocabulary");
        var skills =
                course.skills().stream().limit(3).map(s -> s.skillId().value()).toList();
        var drawn = HttpProbe.json(student.start(Map.of("mode", "QUIZ", "skillIds", skills, "count", 6)));
        assertThat(drawn.path("items").size()).isEqualTo(6);
        var perSkill = new java.util.HashMap<String, Integer>();
        for (var item : drawn.path("items")) {
            var skill = item.path("item").isMissingNode()
                    ? item.path("skillIds").get(0).asString()
                    : item.path("item").path("skillIds").get(0).asString();
            perSkill.merge(skill, 1, Integer::sum);
        }
        assertThat(perSkill.values())
                .as("content balance: two items of each skill")
                .containsOnly(2);

        var unknown = student.start(Map.of("mode", "QUIZ", "itemIds", List.of(UUID.randomUUID())));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"field\":\"itemIds\"");
    }

    @Test
    void aReviewWithNothingDueSaysSo() {
        var review = student.start(Map.of("mode", "REVIEW"));
        assertThat(review.statusCode()).isEqualTo(422);
        assertThat(HttpProbe.json(review).path("type").asString()).endsWith("/nothing-to-practise");
    }
}
