package org.studyloop.mastery.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.studyloop.HttpTest;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.SkillId;
import org.studyloop.identity.UserId;
import org.studyloop.mastery.bank.ItemIndex;
import org.studyloop.mastery.online.ItemCalibration;
import org.studyloop.mastery.online.LearnerStates;
import org.studyloop.practice.LearnerModel;
import org.studyloop.practice.SessionMode;

/**
 * The port's writes against the database: concurrent answers of one student lose nothing, a state
 * another instance changed is noticed, and a rolled-back answer leaves no trace in memory.
 */
@HttpTest
class OnlineLearnerModelTests {

    @Autowired
    LearnerModel model;

    @Autowired
    LearnerStates states;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    private static final SkillId A = new SkillId(UUID.randomUUID());
    private static final SkillId B = new SkillId(UUID.randomUUID());
    private final AtomicInteger clock = new AtomicInteger();

    private LearnerModel.Evidence answer(UserId student, List<SkillId> skills, boolean correct) {
        var item = new ItemId(UUID.randomUUID());
        return new LearnerModel.Evidence(
                student,
                item,
                item,
                skills,
                Optional.of(0.5),
                correct,
                correct ? 1 : 0,
                0,
                1,
                Duration.ofSeconds(15),
                Instant.parse("2026-04-01T10:00:00Z").plusSeconds(clock.incrementAndGet()),
                SessionMode.ADAPTIVE);
    }

    private int answers(UserId student, String table) {
        return jdbc.sql("select coalesce(sum(answers), 0)::int from mastery." + table + " where student_id = ?")
                .param(student.value())
                .query(Integer.class)
                .single();
    }

    @Test
    void concurrentAnswersOfOneStudentAreAllCounted() throws Exception {
        var student = new UserId(UUID.randomUUID());
        List<Callable<Void>> calls = new ArrayList<>();
        for (int n = 0; n < 40; n++) {
            var evidence = answer(student, n % 2 == 0 ? List.of(A) : List.of(A, B), n % 3 != 0);
            calls.add(() -> {
                transactions.executeWithoutResult(status -> model.record(evidence));
                return null;
            });
        }
        try (var pool = Executors.newFixedThreadPool(4)) {
            for (var done : pool.invokeAll(calls)) {
                done.get();
            }
        }
        assertThat(answers(student, "learners")).isEqualTo(40);
        assertThat(jdbc.sql("select answers from mastery.skill_states where student_id = ? and skill_id = ?")
                        .params(student.value(), A.value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(40);
        assertThat(jdbc.sql("select count(*)::int from mastery.evidence where student_id = ?")
                        .param(student.value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(40);
        assertThat(states.get(student).learner().answers()).isEqualTo(40);
    }

    @Test
    void aStateChangedElsewhereIsReloadedBeforeTheAnswerIsWritten() {
        var student = new UserId(UUID.randomUUID());
        transactions.executeWithoutResult(status -> model.record(answer(student, List.of(A), true)));
        assertThat(states.get(student).learner().answers()).isEqualTo(1);
        // Another instance recorded two answers: this one's cache still says 1.
        jdbc.sql("update mastery.learners set answers = answers + 2 where student_id = ?")
                .param(student.value())
                .update();
        transactions.executeWithoutResult(status -> model.record(answer(student, List.of(A), false)));
        assertThat(answers(student, "learners")).isEqualTo(4);
        assertThat(states.get(student).learner().answers()).isEqualTo(4);
    }

    @Test
    void aRolledBackAnswerLeavesTheCachedStateAsCommitted() {
        var student = new UserId(UUID.randomUUID());
        transactions.executeWithoutResult(status -> model.record(answer(student, List.of(B), true)));
        var committed = states.get(student);
        transactions.executeWithoutResult(status -> {
            var changes = model.record(answer(student, List.of(B), true));
            assertThat(changes.getFirst().after())
                    .isGreaterThan(changes.getFirst().before());
            assertThat(states.get(student).learner().answers())
                    .as("seen inside its transaction")
                    .isEqualTo(2);
            status.setRollbackOnly();
        });
        assertThat(states.get(student)).isEqualTo(committed);
        assertThat(answers(student, "learners")).isEqualTo(1);
        assertThat(model.mastery(student, List.of(B)).getFirst().answers()).isEqualTo(1);
    }

    @Autowired
    ItemCalibration calibration;

    @Autowired
    ItemIndex index;

    @Test
    void anInstancesAnswerCalibratesItsTemplateAndKeepsTheInstancesSkills() {
        var student = new UserId(UUID.randomUUID());
        var template = new ItemId(UUID.randomUUID());
        var instance = new ItemId(UUID.randomUUID());
        var evidence = new LearnerModel.Evidence(
                student,
                instance,
                template,
                List.of(A),
                Optional.of(0.5),
                false,
                0,
                0,
                1,
                Duration.ofSeconds(15),
                Instant.parse("2026-04-01T10:00:00Z"),
                SessionMode.ADAPTIVE);

        transactions.executeWithoutResult(status -> model.record(evidence));

        assertThat(calibration.get(template, 0.5).answers()).isEqualTo(1);
        assertThat(calibration.get(template, 0.5).difficulty())
                .as("a wrong answer makes the template harder")
                .isGreaterThan(0.5);
        assertThat(calibration.get(instance, 0.5).answers()).isZero();
        assertThat(jdbc.sql("select item_id from mastery.evidence where student_id = ?")
                        .param(student.value())
                        .query(UUID.class)
                        .list())
                .containsExactly(template.value());
        assertThat(index.item(instance))
                .as("the session's recent items are instances: their skills stay known")
                .hasValueSatisfying(meta -> assertThat(meta.skills()).containsExactly(A));
    }
}
