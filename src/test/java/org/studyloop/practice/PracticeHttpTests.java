package org.studyloop.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.studyloop.HttpProbe;
import org.studyloop.HttpTest;
import org.studyloop.catalog.Catalog;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.ItemId;
import org.studyloop.identity.IdentityClient;
import tools.jackson.databind.JsonNode;

/** The practice calls of API.md over HTTP, on the bundled courses. */
@HttpTest
class PracticeHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcClient jdbc;

    private PracticeClient student;
    private String studentId;

    @BeforeEach
    void student(CapturedOutput output) {
        var identity = new IdentityClient(port, output::getAll);
        var email = IdentityClient.uniqueEmail("practiser");
        studentId = identity.verifiedAccount(email, "STUDENT");
        student = new PracticeClient(new HttpProbe(port).withBearer(identity.accessToken(email)), catalog);
    }

    private String course(String key) {
        return catalog.courses().stream()
                .map(catalog::course)
                .flatMap(java.util.Optional::stream)
                .filter(c -> c.key().equals(key))
                .map(c -> c.courseId().value().toString())
                .findFirst()
                .orElseThrow();
    }

    @Test
    void anAdaptiveSessionOfThirtyAnswersOnEachPracticeCourse() {
        var total = 0;
        for (var key : List.of("sat-math-algebra", "alevel-differentiation", "ielts-grammar-vocabulary")) {
            var started = student.start(Map.of("mode", "ADAPTIVE", "courseId", course(key)));
            assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
            var session = HttpProbe.json(started);
            var sessionId = session.path("sessionId").asString();
            var next = session.path("nextItem");
            var served = new ArrayList<String>();
            for (var i = 0; i < 30; i++) {
                assertThat(next.isObject()).as("answer %d of %s", i, key).isTrue();
                var itemId = next.path("itemId").asString();
                served.add(itemId);
                assertThat(next.path("stem").asString()).isNotBlank();
                assertThat(next.has("answerKey") || next.has("solution")).isFalse();
                var right = i % 3 != 2;
                var response = right ? student.rightResponse(itemId) : student.wrongResponse(itemId);
                var answered = student.answer(sessionId, itemId, response);
                assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
                var result = HttpProbe.json(answered);
                assertThat(result.path("correct").asBoolean())
                        .as("%s: %s", itemId, answered.body())
                        .isEqualTo(right);
                assertThat(result.path("recorded").asBoolean()).isTrue();
                assertThat(result.path("masteryChanges").size()).isPositive();
                var change = result.path("masteryChanges").get(0);
                if (right) {
                    assertThat(change.path("after").asDouble())
                            .isGreaterThan(change.path("before").asDouble());
                } else {
                    assertThat(change.path("after").asDouble())
                            .isLessThan(change.path("before").asDouble());
                }
                next = result.path("nextItem");
            }
            assertThat(served).as("no item twice in a session of 30").doesNotHaveDuplicates();
            total += 30;
            var finished = HttpProbe.json(student.finish(sessionId));
            assertThat(finished.path("answered").asInt()).isEqualTo(30);
            assertThat(finished.path("correct").asInt()).isEqualTo(20);
        }
        var dashboard = student.dashboard(studentId);
        assertThat(dashboard.path("totalAnswers").asInt()).isEqualTo(total);
        assertThat(dashboard.path("correctAnswers").asInt()).isEqualTo(60);
        assertThat(dashboard.path("sessions").asInt()).isEqualTo(3);
        assertThat(dashboard.path("streakDays").asInt()).isEqualTo(1);
        assertThat(dashboard.path("masteryAverage").asDouble()).isBetween(0.0, 1.0);
        // The risk watch reacts after the answers' commits, without a durable publication each.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("select count(*) from mastery.risk_states where student_id = ?::uuid")
                        .param(studentId)
                        .query(Integer.class)
                        .single()
                        .equals(1));
        assertThat(jdbc.sql("""
                        select count(*) from modulith.event_publication
                        where event_type like '%AnswerRecorded' and serialized_event like ?""")
                        .param("%" + studentId + "%")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void anAnswerToATemplatesInstanceIsEvidenceAboutTheTemplate() {
        var outline = catalog.course(new CourseId(UUID.fromString(course("sat-math-algebra"))))
                .orElseThrow();
        var template = catalog
                .itemsForSkills(outline.skills().stream().map(s -> s.skillId()).toList())
                .stream()
                .filter(id -> catalog.item(id).orElseThrow().isTemplate())
                .findFirst()
                .orElseThrow();
        var quiz = HttpProbe.json(student.start(Map.of("mode", "QUIZ", "itemIds", List.of(template.value()))));
        var instance = quiz.path("nextItem").path("itemId").asString();
        assertThat(instance).isNotEqualTo(template.value().toString());
        assertThat(catalog.item(new ItemId(UUID.fromString(instance)))
                        .orElseThrow()
                        .templateId())
                .isEqualTo(template);

        var answered = student.answer(quiz.path("sessionId").asString(), instance, student.rightResponse(instance));

        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        assertThat(jdbc.sql("select item_id::text from practice.attempts where student_id = ?::uuid")
                        .param(studentId)
                        .query(String.class)
                        .list())
                .as("the attempt keeps the instance answered")
                .containsExactly(instance);
        assertThat(jdbc.sql("select item_id from mastery.evidence where student_id = ?::uuid")
                        .param(studentId)
                        .query(UUID.class)
                        .list())
                .as("the learner model learns about the template, which next-item choices pick among")
                .containsExactly(template.value());
    }

    @Test
    void anIdempotencyKeyGivesTheSameBodyAndRecordsNothingTwiceEvenConcurrently() throws Exception {
        var session = HttpProbe.json(student.start(Map.of("mode", "ADAPTIVE", "courseId", course("sat-math-algebra"))));
        var sessionId = session.path("sessionId").asString();
        var itemId = session.path("nextItem").path("itemId").asString();
        var key = UUID.randomUUID().toString();
        var first = student.answer(sessionId, itemId, student.rightResponse(itemId), key);
        assertThat(first.statusCode()).isEqualTo(200);
        var again = student.answer(sessionId, itemId, student.rightResponse(itemId), key);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(student.dashboard(studentId).path("totalAnswers").asInt()).isEqualTo(1);

        var nextItem = HttpProbe.json(first).path("nextItem").path("itemId").asString();
        var concurrentKey = UUID.randomUUID().toString();
        var response = student.rightResponse(nextItem);
        List<Callable<java.net.http.HttpResponse<String>>> calls = new ArrayList<>();
        for (var i = 0; i < 8; i++) {
            calls.add(() -> student.answer(sessionId, nextItem, response, concurrentKey));
        }
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var bodies = pool.invokeAll(calls).stream()
                    .map(f -> {
                        try {
                            return f.get();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .toList();
            assertThat(bodies)
                    .allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(200));
            assertThat(bodies.stream().map(r -> r.body()).distinct()).hasSize(1);
        }
        assertThat(student.dashboard(studentId).path("totalAnswers").asInt()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from practice.attempts where session_id = ?::uuid")
                        .param(sessionId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);

        var reused = student.answer(sessionId, nextItem, "something else", concurrentKey);
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(HttpProbe.json(reused).path("errors").get(0).path("field").asString())
                .isEqualTo("idempotencyKey");
    }

    @Test
    void hintsComeInOrderAndLowerTheCredit() {
        var session = HttpProbe.json(student.start(Map.of("mode", "ADAPTIVE", "courseId", course("sat-math-algebra"))));
        var sessionId = session.path("sessionId").asString();
        var item = session.path("nextItem");
        var itemId = item.path("itemId").asString();
        var ladder = item.path("hints").asInt();
        assertThat(ladder).isPositive();
        var first = HttpProbe.json(student.hint(sessionId, itemId));
        assertThat(first.path("level").asInt()).isEqualTo(1);
        assertThat(first.path("hint").asString()).isNotBlank();
        assertThat(first.path("remaining").asInt()).isEqualTo(ladder - 1);
        var result = HttpProbe.json(student.answer(sessionId, itemId, student.rightResponse(itemId)));
        assertThat(result.path("correct").asBoolean()).isTrue();
        assertThat(result.path("score").asDouble()).isEqualTo(1.0);
        assertThat(result.path("credit").asDouble()).isEqualTo(1 - 1.0 / (ladder + 1));
        assertThat(result.path("hintsUsed").asInt()).isEqualTo(1);
        assertThat(result.path("solution").asString()).isNotBlank();

        var answeredAgain = student.hint(sessionId, itemId);
        assertThat(answeredAgain.statusCode()).isEqualTo(409);
        assertThat(HttpProbe.json(answeredAgain).path("type").asString()).endsWith("/not-the-current-item");
    }

    @Test
    void anUnreadableAnswerIsNotRecordedAndCostsNothing() {
        var session =
                HttpProbe.json(student.start(Map.of("mode", "ADAPTIVE", "courseId", course("alevel-differentiation"))));
        var sessionId = session.path("sessionId").asString();
        var itemId = session.path("nextItem").path("itemId").asString();
        var unreadable = HttpProbe.json(student.answer(sessionId, itemId, "((x"));
        assertThat(unreadable.path("outcome").asString()).isEqualTo("UNREADABLE");
        assertThat(unreadable.path("feedback").asString()).isEqualTo("Could not read your answer.");
        assertThat(unreadable.path("recorded").asBoolean()).isFalse();
        assertThat(unreadable.path("nextItem").path("itemId").asString()).isEqualTo(itemId);
        assertThat(student.dashboard(studentId).path("totalAnswers").asInt()).isZero();
        var right = HttpProbe.json(student.answer(sessionId, itemId, student.rightResponse(itemId)));
        assertThat(right.path("credit").asDouble()).isEqualTo(1.0);
    }

    @Test
    void essaysAreRecordedAsPendingForTheWritingModule() {
        var session =
                HttpProbe.json(student.start(Map.of("mode", "ADAPTIVE", "courseId", course("ielts-writing-task2"))));
        var item = session.path("nextItem");
        assertThat(item.path("type").asString()).isEqualTo("ESSAY");
        var itemId = item.path("itemId").asString();
        var result = HttpProbe.json(
                student.answer(session.path("sessionId").asString(), itemId, student.rightResponse(itemId)));
        assertThat(result.path("outcome").asString()).isEqualTo("PENDING");
        assertThat(result.path("recorded").asBoolean()).isTrue();
        assertThat(result.path("masteryChanges").size()).isZero();
        assertThat(result.path("nextItem").path("itemId").asString()).isNotEqualTo(itemId);
        assertThat(jdbc.sql("select outcome from practice.attempts where item_id = ?::uuid and student_id = ?::uuid")
                        .params(itemId, studentId)
                        .query(String.class)
                        .single())
                .isEqualTo("PENDING");
        assertThat(student.dashboard(studentId).path("totalAnswers").asInt()).isEqualTo(1);
    }

    @Test
    void badRequestsNameTheirField() {
        var noMode = student.start(Map.of("courseId", course("sat-math-algebra")));
        assertThat(noMode.statusCode()).isEqualTo(400);
        assertThat(noMode.body()).contains("\"field\":\"mode\"");
        var noScope = student.start(Map.of("mode", "ADAPTIVE"));
        assertThat(noScope.statusCode()).isEqualTo(400);
        assertThat(noScope.body()).contains("\"field\":\"courseId\"");
        var session = HttpProbe.json(student.start(Map.of("mode", "ADAPTIVE", "courseId", course("sat-math-algebra"))));
        var sessionId = session.path("sessionId").asString();
        var itemId = session.path("nextItem").path("itemId").asString();
        var noKey = student.answer(sessionId, itemId, "a", "");
        assertThat(noKey.statusCode()).isEqualTo(400);
        assertThat(noKey.body()).contains("\"field\":\"idempotencyKey\"").doesNotContain("Exception");
        var objectResponse = student.answer(sessionId, itemId, Map.of("x", 1));
        assertThat(objectResponse.statusCode()).isEqualTo(400);
        assertThat(objectResponse.body()).contains("\"field\":\"response\"");
        var otherItem = student.answer(sessionId, UUID.randomUUID().toString(), "a");
        assertThat(otherItem.statusCode()).isEqualTo(409);
        var unknownSession = student.answer(UUID.randomUUID().toString(), itemId, "a");
        assertThat(unknownSession.statusCode()).isEqualTo(404);
    }

    static JsonNode first(JsonNode array) {
        return array.get(0);
    }
}
