package org.studyloop.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;
import org.studyloop.catalog.Catalog;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.ItemId;
import org.studyloop.identity.Actor;
import org.studyloop.identity.Role;
import org.studyloop.identity.UserId;
import org.studyloop.practice.session.Answers;
import org.studyloop.practice.session.SessionStarted;
import org.studyloop.practice.session.SessionStarts;
import org.studyloop.practice.session.Start;
import org.studyloop.shared.ProblemException;
import tools.jackson.databind.json.JsonMapper;

/** The practice module with its dependencies and a clock the test moves. */
@PracticeModuleTest
class PracticeModuleTests {

    @Autowired
    SessionStarts starts;

    @Autowired
    Answers answers;

    @Autowired
    Practice practice;

    @Autowired
    LearnerModel model;

    @Autowired
    Catalog catalog;

    @Autowired
    MutableClock clock;

    @Autowired
    JsonMapper json;

    private Actor student;

    @BeforeEach
    void newStudent() {
        clock.set(Instant.now());
        student = new Actor(new UserId(UUID.randomUUID()), Set.of(Role.STUDENT));
    }

    private CourseId course(String key) {
        return catalog.courses().stream()
                .filter(id -> catalog.course(id).orElseThrow().key().equals(key))
                .findFirst()
                .orElseThrow();
    }

    private SessionStarted start(SessionMode mode, String course) {
        return starts.start(
                student,
                new Start(
                        mode,
                        Optional.of(course(course)),
                        List.of(),
                        Optional.empty(),
                        List.of(),
                        Optional.empty(),
                        Optional.empty()));
    }

    private String answer(SessionStarted session, UUID itemId, boolean right) {
        var response = right
                ? PracticeClient.rightResponse(catalog, itemId.toString())
                : PracticeClient.wrongResponse(catalog, itemId.toString());
        return answers.submit(
                student,
                new SessionId(session.sessionId()),
                new Answers.Submission(
                        new ItemId(itemId), response, UUID.randomUUID().toString(), 5_000L));
    }

    private UUID nextItem(String body) {
        return UUID.fromString(
                json.readTree(body).path("nextItem").path("itemId").asString());
    }

    @Test
    void anAnswerPublishesAnswerRecorded(Scenario scenario) {
        var session = start(SessionMode.ADAPTIVE, "sat-math-algebra");
        var itemId = session.nextItem().itemId();

        scenario.stimulate(() -> answer(session, itemId, true))
                .andWaitForEventOfType(AnswerRecorded.class)
                .matching(event -> event.studentId().equals(student.userId()))
                .toArriveAndVerify(event -> {
                    assertThat(event.itemId()).isEqualTo(new ItemId(itemId));
                    assertThat(event.sessionId().value()).isEqualTo(session.sessionId());
                    assertThat(event.correct()).isTrue();
                    assertThat(event.credit()).isEqualTo(1.0);
                    assertThat(event.elapsedMs()).isEqualTo(5_000L);
                    assertThat(event.skillIds()).isNotEmpty();
                });
    }

    @Test
    void theStreakCountsConsecutiveDaysAndBreaksAfterADayWithout() {
        var first = start(SessionMode.ADAPTIVE, "sat-math-algebra");
        answer(first, first.nextItem().itemId(), true);
        assertThat(practice.totals(student.userId()).streakDays()).isEqualTo(1);

        clock.advance(Duration.ofDays(1));
        var second = start(SessionMode.ADAPTIVE, "sat-math-algebra");
        var body = answer(second, second.nextItem().itemId(), false);
        answer(second, nextItem(body), true);
        var totals = practice.totals(student.userId());
        assertThat(totals.streakDays()).isEqualTo(2);
        assertThat(totals.totalAnswers()).isEqualTo(3);
        assertThat(totals.correctAnswers()).isEqualTo(2);
        assertThat(totals.sessions()).isEqualTo(2);

        clock.advance(Duration.ofDays(2));
        assertThat(practice.totals(student.userId()).streakDays()).isZero();
        var third = start(SessionMode.ADAPTIVE, "sat-math-algebra");
        answer(third, third.nextItem().itemId(), true);
        assertThat(practice.totals(student.userId()).streakDays()).isEqualTo(1);
    }

    @Test
    void aReviewServesItemsOfTheSkillsTheModelSaysAreDue() {
        var session = start(SessionMode.ADAPTIVE, "alevel-differentiation");
        var item = session.nextItem().itemId();
        for (var i = 0; i < 4; i++) {
            item = nextItem(answer(session, item, i % 2 == 0));
        }
        assertThat(model.dueReviews(student.userId(), clock.instant(), 10)).isEmpty();

        clock.advance(Duration.ofDays(30));
        var due = model.dueReviews(student.userId(), clock.instant(), 10);
        assertThat(due).isNotEmpty();
        var review = starts.start(
                student,
                new Start(
                        SessionMode.REVIEW,
                        Optional.empty(),
                        List.of(),
                        Optional.empty(),
                        List.of(),
                        Optional.empty(),
                        Optional.empty()));
        var dueSkills = due.stream().map(d -> d.skillId().value()).toList();
        assertThat(review.nextItem().skillIds()).containsAnyElementsOf(dueSkills);
    }

    @Test
    void anExamTakesAnswersUntilItsDeadlineAndAGraceOfTwoSeconds() {
        var exam = start(SessionMode.EXAM, "ielts-grammar-vocabulary");
        assertThat(exam.deadline()).isNotNull();
        var items = exam.items();
        clock.set(exam.deadline().plusMillis(1_500));
        answer(exam, items.get(0).itemId(), true);
        clock.set(exam.deadline().plusSeconds(3));
        assertThatThrownBy(() -> answer(exam, items.get(1).itemId(), true))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.type()).isEqualTo(PracticeProblems.TIME_UP));
    }

    @Test
    void theFallbackModelRunsAnAdaptiveExamOnTheAuthorsPriors() {
        assertThat(model.getClass().getName()).contains(".plain.");
        var exam = starts.start(
                student,
                new Start(
                        SessionMode.EXAM,
                        Optional.of(course("sat-math-algebra")),
                        List.of(),
                        Optional.empty(),
                        List.of(),
                        Optional.empty(),
                        Optional.empty(),
                        true,
                        Optional.of(6)));
        assertThat(exam.items()).as("no fixed plan").isNull();
        var difficulties = new java.util.ArrayList<Double>();
        var item = exam.nextItem().itemId();
        var body = "";
        for (int n = 0; n < 6; n++) {
            var prior = catalog.item(new ItemId(item)).orElseThrow().difficulty();
            difficulties.add(prior == null ? 0 : prior);
            body = answer(exam, item, true);
            if (n < 5) {
                item = nextItem(body);
            }
        }
        var last = json.readTree(body).path("nextItem");
        assertThat(last.isNull() || last.isMissingNode())
                .as("stopped at maxItems")
                .isTrue();
        assertThat(difficulties.getLast())
                .as("right answers lead to harder items: %s", difficulties)
                .isGreaterThan(difficulties.getFirst());
    }
}
