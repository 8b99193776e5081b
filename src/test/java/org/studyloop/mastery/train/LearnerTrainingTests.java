package org.studyloop.mastery.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.studyloop.HttpTest;
import org.studyloop.catalog.ItemId;
import org.studyloop.mastery.SyntheticAnswers;
import org.studyloop.mastery.online.ItemCalibration;
import org.studyloop.mastery.online.ModelParameters;

/**
 * The batch fit from the evidence log: simulated answers in, a new version with held-out metrics
 * out, served at once, the items' terms written; and the status the administrators read.
 */
@HttpTest
class LearnerTrainingTests {

    @Autowired
    LearnerTraining training;

    @Autowired
    ModelParameters parameters;

    @Autowired
    ItemCalibration calibration;

    @Autowired
    ModelStatus status;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate template;

    private final List<Integer> versions = new ArrayList<>();

    @AfterEach
    void servingDefaultsAgain() {
        versions.forEach(v -> jdbc.sql("delete from mastery.model_versions where version = ?")
                .param(v)
                .update());
        parameters.refresh();
    }

    @Test
    void aFitOnTheEvidenceLogIsPublishedWithHeldOutMetricsAndServes() {
        var data = new SyntheticAnswers(200, 40, 4, 30, 0.1, 9);
        var students = new UUID[data.students];
        var items = new UUID[data.items];
        var skills = new UUID[data.skills];
        java.util.Arrays.setAll(students, i -> UUID.randomUUID());
        java.util.Arrays.setAll(items, i -> UUID.randomUUID());
        java.util.Arrays.setAll(skills, i -> UUID.randomUUID());
        var rows = new ArrayList<Object[]>();
        var start = Instant.parse("2026-02-01T09:00:00Z");
        var perStudent = new int[data.students];
        for (var a : data.answers) {
            int s = a[0];
            rows.add(new Object[] {
                students[s],
                items[a[1]],
                "{" + skills[data.skillOfItem[a[1]]] + "}",
                a[2] == 1,
                Timestamp.from(start.plusSeconds(3600L * s + 60L * perStudent[s]++))
            });
        }
        template.batchUpdate("""
                insert into mastery.evidence (student_id, item_id, skill_ids, correct, credit, hints_used, hints_available,
                    elapsed_ms, answered_at, mode, predicted, rating)
                values (?, ?, ?::uuid[], ?, 1, 0, 0, 20000, ?, 'ADAPTIVE', 0.5, 3)""", rows);

        assertThat(training.fit(Integer.MAX_VALUE).trained()).isFalse();
        var outcome = training.fit(1_000);
        versions.add(outcome.version());
        assertThat(outcome.trained()).as(outcome.summary()).isTrue();
        assertThat(outcome.summary()).contains("version=" + outcome.version(), "held_out_auc=0.");
        assertThat(parameters.current().version()).isEqualTo(outcome.version());
        assertThat(parameters.current().skillEasiness()).containsKeys(new org.studyloop.catalog.SkillId(skills[0]));

        var item = calibration.get(new ItemId(items[0]), 0);
        assertThat(item.answers()).isPositive();

        var current = status.status();
        assertThat(current.serving().version()).isEqualTo(outcome.version());
        var newest = current.versions().getFirst();
        assertThat(newest.get("version")).isEqualTo(outcome.version());
        assertThat((Integer) newest.get("trainingRows")).isGreaterThanOrEqualTo(data.answers.length);
        @SuppressWarnings("unchecked")
        var metrics = (java.util.Map<String, Object>) newest.get("metrics");
        assertThat((Double) metrics.get("auc"))
                .as("held-out students of a Rasch simulation")
                .isGreaterThan(0.65);
        assertThat(current.live().rows()).isPositive();
    }
}
