package org.studyloop.practice.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.studyloop.HttpTest;
import org.studyloop.catalog.Catalog;
import org.studyloop.catalog.CatalogTestSupport;
import org.studyloop.catalog.Grading;
import org.studyloop.catalog.Response;
import org.studyloop.classroom.Classroom;
import org.studyloop.identity.Actor;
import org.studyloop.mastery.LearnerOutlook;
import org.studyloop.mastery.RiskReason;
import org.studyloop.practice.LearnerModel;
import org.studyloop.practice.Practice;
import org.studyloop.practice.assignment.Assigning;
import org.studyloop.practice.assignment.Assignment;

/**
 * The demo cohort of issue 9: sixteen students with three weeks of answers made by the real answer
 * loop at simulated moments. The test context runs on an external database, where demo mode is
 * off, so the runner is made here with demo mode on, after the accounts identity's demo runner
 * would have made; it runs twice, as two starts would.
 */
@HttpTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoCohortTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    Catalog catalog;

    @Autowired
    Practice practice;

    @Autowired
    LearnerModel model;

    @Autowired
    LearnerOutlook outlook;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    Classroom classroom;

    @Autowired
    Assigning assigning;

    private final List<Actor> students = new ArrayList<>();
    private Actor teacher;
    private long answersAfterFirstStart;

    @BeforeAll
    void twoStarts() throws Exception {
        var demo = DemoCohortFixture.ensure(context);
        teacher = demo.teacher();
        students.addAll(demo.students());
        answersAfterFirstStart = answers();
        DemoCohortFixture.runner(context).run(new DefaultApplicationArguments());
    }

    private long answers() {
        return jdbc.sql("select count(*) from practice.attempts where student_id = any(?)")
                .param(students.stream().map(s -> s.userId().value()).toArray(UUID[]::new))
                .query(Long.class)
                .single();
    }

    @Test
    void aSecondStartChangesNothing() {
        assertThat(answersAfterFirstStart).isBetween(1_000L, 6_000L);
        assertThat(answers()).isEqualTo(answersAfterFirstStart);
    }

    @Test
    void everyStudentPractisedOnDaysSpreadOverTheLastThreeWeeksAndNeverToday() {
        var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (var student : students) {
            var days = jdbc.sql("""
                            select distinct (answered_at at time zone 'UTC')::date from practice.attempts
                            where student_id = ?""")
                    .param(student.userId().value())
                    .query(LocalDate.class)
                    .list();
            assertThat(days).as("days of %s", student.userId()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(days)
                    .allSatisfy(day -> assertThat(day)
                            .isAfterOrEqualTo(today.minusDays(SimulatedStudy.DAYS))
                            .isBefore(today));
        }
        var sam = practice.activity(students.getFirst().userId(), SimulatedStudy.DAYS + 1);
        assertThat(sam.stream().filter(d -> d.answers() > 0)).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void theAnswersMixRightAndWrongWithHintsAndAbleStudentsDoBetter() {
        var outcomes = jdbc.sql("""
                        select count(*) filter (where outcome = 'CORRECT')::float / count(*),
                               count(*) filter (where hints_used > 0)
                        from practice.attempts where student_id = any(?)""")
                .param(students.stream().map(s -> s.userId().value()).toArray(UUID[]::new))
                .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)})
                .single();
        assertThat(outcomes[0]).as("share right").isBetween(0.4, 0.95);
        assertThat(outcomes[1]).as("answers after a hint").isPositive();

        var profiles = DemoCohort.profiles();
        var byAbility = new ArrayList<Integer>();
        for (var i = 1; i < profiles.size(); i++) {
            byAbility.add(i);
        }
        byAbility.sort((a, b) ->
                Double.compare(profiles.get(a).ability(), profiles.get(b).ability()));
        var weakest = byAbility.subList(0, 5);
        var ablest = byAbility.subList(byAbility.size() - 5, byAbility.size());
        assertThat(meanMastery(ablest))
                .as("learner model's mastery, ablest vs weakest five")
                .isGreaterThan(meanMastery(weakest));
    }

    @Test
    void theStudentsWhoStoppedAreSeenAsInactive() {
        var profiles = DemoCohort.profiles();
        var quitters = 0;
        for (var i = 0; i < profiles.size(); i++) {
            if (profiles.get(i).lastDay() >= SimulatedStudy.DAYS - 1) {
                continue;
            }
            quitters++;
            var student = students.get(i).userId();
            var last = practice.totals(student).lastAnswerAt().orElseThrow();
            var quietDays = SimulatedStudy.DAYS - profiles.get(i).lastDay() - 1;
            assertThat(Duration.between(last, clock.instant()).toDays()).isGreaterThanOrEqualTo(quietDays);
            assertThat(outlook.risk(student).reasons())
                    .extracting(RiskReason::signal)
                    .contains(RiskReason.Signal.INACTIVE);
        }
        assertThat(quitters).isEqualTo(3);
    }

    @Test
    void simulatedResponsesGradeAsIntendedOnEveryBundledItemOfTheCourse() {
        var course =
                CatalogTestSupport.bundledCourse(catalog, DemoCohort.COURSE).courseId();
        var random = new Random(3);
        var checked = 0;
        for (var published : catalog.publishedItems(course)) {
            var item = published.item();
            var concrete = item.isTemplate() ? catalog.instantiate(item.itemId(), 42) : item;
            for (var right : List.of(true, false)) {
                var response = Responses.answer(concrete, right, random);
                assertThat(response)
                        .as("%s answered %s", concrete.stem(), right)
                        .isPresent();
                assertThat(Grading.grade(concrete, Response.of(response.get())).correct())
                        .isEqualTo(right);
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(150);
    }

    @Test
    void theTeacherSetTwoQuizzesOneDoneByMostOfTheClassTheOtherStillOpen() {
        var classId = classroom.classesOf(students.getFirst().userId()).stream()
                .filter(c -> classroom.teaches(teacher.userId(), c))
                .findFirst()
                .orElseThrow();
        var set = assigning.ofClass(teacher, classId);
        assertThat(set).extracting(Assignment::title).contains("Linear equations check", "Functions warm-up");
        var past = set.stream()
                .filter(a -> a.title().equals("Linear equations check"))
                .findFirst()
                .orElseThrow();
        assertThat(past.dueAt()).isBefore(clock.instant());
        var finished = assigning.results(teacher, past.id()).students().stream()
                .filter(r -> r.status() == Assigning.Status.FINISHED)
                .toList();
        assertThat(finished).hasSizeGreaterThanOrEqualTo(8);
        assertThat(finished).allSatisfy(r -> assertThat(r.score()).isBetween(0.0, 1.0));
        var open = set.stream()
                .filter(a -> a.title().equals("Functions warm-up"))
                .findFirst()
                .orElseThrow();
        assertThat(open.dueAt()).isAfter(clock.instant());
    }

    private double meanMastery(List<Integer> indexes) {
        return indexes.stream()
                .mapToDouble(i -> model.mastery(students.get(i).userId(), List.of()).stream()
                        .mapToDouble(LearnerModel.SkillLevel::mastery)
                        .average()
                        .orElse(0))
                .average()
                .orElseThrow();
    }
}
