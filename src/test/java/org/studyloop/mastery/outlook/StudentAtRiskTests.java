package org.studyloop.mastery.outlook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.Scenario;
import org.springframework.transaction.support.TransactionTemplate;
import org.studyloop.catalog.Catalog;
import org.studyloop.catalog.CatalogTestSupport;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.SkillId;
import org.studyloop.identity.UserId;
import org.studyloop.mastery.RiskLevel;
import org.studyloop.mastery.StudentAtRisk;
import org.studyloop.practice.LearnerModel;
import org.studyloop.practice.MutableClock;
import org.studyloop.practice.SessionMode;

/**
 * The mastery module publishes {@link StudentAtRisk} once when a student's risk rises to HIGH: here
 * by inactivity, which the nightly assessment catches; assessed again, still HIGH, it stays quiet.
 */
@ApplicationModuleTest(
        mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES,
        webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(StudentAtRiskTests.TestClock.class)
class StudentAtRiskTests {

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {

        @Bean
        MutableClock clock() {
            return new MutableClock(Instant.now());
        }
    }

    @Autowired
    LearnerModel model;

    @Autowired
    RiskWatch watch;

    @Autowired
    Catalog catalog;

    @Autowired
    MutableClock clock;

    @Autowired
    TransactionTemplate transactions;

    private SkillId firstSkill() {
        return CatalogTestSupport.bundledCourse(catalog, "sat-math-algebra")
                .skills()
                .getFirst()
                .skillId();
    }

    private void answer(UserId student, SkillId skill, boolean correct) {
        var item = new ItemId(UUID.randomUUID());
        var evidence = new LearnerModel.Evidence(
                student,
                item,
                item,
                List.of(skill),
                Optional.of(0.0),
                correct,
                correct ? 1 : 0,
                0,
                2,
                Duration.ofSeconds(20),
                clock.instant(),
                SessionMode.ADAPTIVE);
        transactions.executeWithoutResult(status -> model.record(evidence));
    }

    @Test
    void aStudentWhoStopsPractisingIsRaisedOnceByTheNightlyAssessment(
            Scenario scenario, AssertablePublishedEvents events) {
        clock.set(Instant.now());
        var student = new UserId(UUID.randomUUID());
        var skill = firstSkill();
        for (int i = 0; i < 12; i++) {
            answer(student, skill, i % 4 != 0);
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(watch.assess(student)).as("active today: not at high risk").isFalse();
        assertThat(watch.stored(student)).isPresent().get().isNotEqualTo(RiskLevel.HIGH);

        clock.advance(Duration.ofDays(15));
        scenario.stimulate(() -> watch.nightly())
                .andWaitForEventOfType(StudentAtRisk.class)
                .matching(e -> e.studentId().equals(student))
                .toArriveAndVerify(e -> {
                    assertThat(e.reasons()).contains("No practice for 15 days.");
                    assertThat(e.assessedAt()).isEqualTo(clock.instant());
                });
        assertThat(watch.stored(student)).contains(RiskLevel.HIGH);

        clock.advance(Duration.ofDays(1));
        assertThat(watch.assess(student)).as("still HIGH: not raised again").isFalse();
        assertThat(events.ofType(StudentAtRisk.class)
                        .matching(e -> e.studentId().equals(student)))
                .hasSize(1);
    }
}
