package org.studyloop.mastery.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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
import org.studyloop.practice.PracticeClient;
import tools.jackson.databind.JsonNode;

/**
 * The learner model over HTTP, after a student's 30 answers in an adaptive session: mastery, focus
 * areas and due reviews agree with each other and with the dashboard, a review session serves the
 * due skills, the teacher of the student's class reads them all and another teacher gets 404.
 */
@HttpTest
class MasteryHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcClient jdbc;

    private String studentId;
    private PracticeClient student;
    private HttpProbe studentHttp;
    private HttpProbe teacher;
    private HttpProbe otherTeacher;

    @BeforeEach
    void people(CapturedOutput output) {
        var identity = new IdentityClient(port, output::getAll);
        var studentEmail = IdentityClient.uniqueEmail("learner");
        studentId = identity.verifiedAccount(studentEmail, "STUDENT");
        studentHttp = new HttpProbe(port).withBearer(identity.accessToken(studentEmail));
        student = new PracticeClient(studentHttp, catalog);
        var teacherEmail = IdentityClient.uniqueEmail("teacher");
        identity.verifiedAccount(teacherEmail, "TEACHER");
        teacher = new HttpProbe(port).withBearer(identity.accessToken(teacherEmail));
        var otherEmail = IdentityClient.uniqueEmail("other-teacher");
        identity.verifiedAccount(otherEmail, "TEACHER");
        otherTeacher = new HttpProbe(port).withBearer(identity.accessToken(otherEmail));
        var created = HttpProbe.json(teacher.post("/api/v1/classes", "{\"name\":\"Algebra\"}"));
        var joined = studentHttp.post(
                "/api/v1/classes/join",
                HttpProbe.toJson(Map.of("joinCode", created.path("joinCode").asString())));
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
    }

    private String course(String key) {
        return catalog.courses().stream()
                .map(catalog::course)
                .flatMap(Optional::stream)
                .filter(c -> c.key().equals(key))
                .map(c -> c.courseId().value().toString())
                .findFirst()
                .orElseThrow();
    }

    private void practise(int answers) {
        var session = HttpProbe.json(student.start(Map.of("mode", "ADAPTIVE", "courseId", course("sat-math-algebra"))));
        var sessionId = session.path("sessionId").asString();
        var next = session.path("nextItem");
        for (int i = 0; i < answers; i++) {
            var itemId = next.path("itemId").asString();
            var right = i % 3 != 2;
            var result = HttpProbe.json(student.answer(
                    sessionId, itemId, right ? student.rightResponse(itemId) : student.wrongResponse(itemId)));
            assertThat(result.path("recorded").asBoolean()).isTrue();
            next = result.path("nextItem");
        }
        student.finish(sessionId);
    }

    private JsonNode get(HttpProbe as, String what) {
        var response = as.get("/api/v1/users/" + studentId + "/" + what);
        assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(200);
        return HttpProbe.json(response);
    }

    @Test
    void afterThirtyAnswersMasteryFocusAreasAndReviewsAgree() {
        practise(30);

        var mastery = get(studentHttp, "mastery");
        assertThat(mastery.size()).isPositive();
        var bySkill = new HashMap<String, JsonNode>();
        int attempts = 0;
        for (var skill : mastery) {
            bySkill.put(skill.path("skillId").asString(), skill);
            assertThat(skill.path("name").asString()).isNotBlank();
            assertThat(skill.path("mastery").asDouble()).isBetween(0.0, 1.0);
            assertThat(skill.path("confidence").asDouble()).isBetween(0.0, 1.0);
            attempts += skill.path("attempts").asInt();
        }
        assertThat(attempts).as("every answer counts on each of its skills").isGreaterThanOrEqualTo(30);

        var dashboard = get(studentHttp, "dashboard");
        assertThat(dashboard.path("skills").size()).isEqualTo(mastery.size());
        for (var line : dashboard.path("skills")) {
            var same = bySkill.get(line.path("skillId").asString());
            assertThat(same).isNotNull();
            assertThat(line.path("mastery").asDouble())
                    .isCloseTo(same.path("mastery").asDouble(), within(1e-9));
            assertThat(line.path("attempts").asInt())
                    .isEqualTo(same.path("attempts").asInt());
        }

        var focus = get(studentHttp, "focus-areas");
        assertThat(focus.size()).as("a third of the answers were wrong").isPositive();
        double previous = Double.MAX_VALUE;
        for (var area : focus) {
            var same = bySkill.get(area.path("skillId").asString());
            assertThat(same).as("a focus area is a skill with evidence").isNotNull();
            double m = area.path("mastery").asDouble();
            assertThat(m)
                    .isCloseTo(same.path("mastery").asDouble(), within(1e-9))
                    .isLessThan(0.8);
            double score = area.path("score").asDouble();
            assertThat(score).isCloseTo((0.8 - m) * (1 + area.path("dependents").asInt()), within(1e-9));
            assertThat(score).as("ranked by deficit × importance").isLessThanOrEqualTo(previous);
            previous = score;
            assertThat(area.path("reason").asString()).startsWith("Mastery ").contains("goal");
        }
        // A skill the student did not reach the goal on is a focus area; a mastered one is not.
        long below = 0;
        for (var skill : mastery) {
            below += skill.path("mastery").asDouble() < 0.8 ? 1 : 0;
        }
        assertThat((long) focus.size()).isEqualTo(below);

        assertThat(get(studentHttp, "reviews/due").size())
                .as("FSRS schedules the first review at least a day later")
                .isZero();
        assertThat(dashboard.path("dueReviews").asInt()).isZero();
    }

    @Test
    void dueSkillsAreListedAndAReviewSessionServesThem() {
        practise(6);
        var skills = new ArrayList<String>();
        get(studentHttp, "mastery").forEach(s -> skills.add(s.path("skillId").asString()));
        var due = skills.getFirst();
        jdbc.sql(
                        "update mastery.skill_states set due_at = now() - interval '1 hour' where student_id = ? and skill_id = ?")
                .params(UUID.fromString(studentId), UUID.fromString(due))
                .update();

        var reviews = get(studentHttp, "reviews/due");
        assertThat(reviews.size()).isEqualTo(1);
        assertThat(reviews.get(0).path("skillId").asString()).isEqualTo(due);
        assertThat(reviews.get(0).path("name").asString()).isNotBlank();
        assertThat(get(studentHttp, "dashboard").path("dueReviews").asInt()).isEqualTo(1);

        var started = student.start(Map.of("mode", "REVIEW"));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        var session = HttpProbe.json(started);
        var itemId = session.path("nextItem").path("itemId").asString();
        var item = catalog.item(org.studyloop.catalog.ItemId.of(itemId)).orElseThrow();
        assertThat(item.skillIds().stream().map(Object::toString)).contains(due);
        var result = HttpProbe.json(
                student.answer(session.path("sessionId").asString(), itemId, student.rightResponse(itemId)));
        assertThat(result.path("nextItem").isNull() || result.path("nextItem").isMissingNode())
                .as("one due skill, reviewed: the session has nothing more")
                .isTrue();
        assertThat(get(studentHttp, "reviews/due").size()).isZero();
    }

    @Test
    void theTeacherOfTheClassReadsThemAndAnotherTeacherGetsNotFound() {
        practise(3);
        for (var what : new String[] {"mastery", "focus-areas", "reviews/due"}) {
            var own = studentHttp.get("/api/v1/users/" + studentId + "/" + what);
            var teachers = teacher.get("/api/v1/users/" + studentId + "/" + what);
            assertThat(teachers.statusCode()).as(what).isEqualTo(200);
            assertThat(teachers.body()).isEqualTo(own.body());
            var other = otherTeacher.get("/api/v1/users/" + studentId + "/" + what);
            assertThat(other.statusCode()).as(what).isEqualTo(404);
            assertThat(HttpProbe.json(other).path("type").asString()).endsWith("/not-found");
            assertThat(other.body()).doesNotContain("\"mastery\"", "\"name\"");
        }
    }
}
