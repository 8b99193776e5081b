package org.studyloop.mastery.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.studyloop.mastery.SyntheticAnswers;

/** The online model's weights: their signs, and what a fit does with them. */
class TraceModelTests {

    @Test
    void aWeightOnEvidenceWithTheWrongSignIsRefused() {
        var weights = TraceModel.defaults().weights();
        weights[TraceModel.FAILS] = 0.3;
        assertThatThrownBy(() -> new TraceModel(weights)).hasMessageContaining("log_fails");
        assertThatThrownBy(() -> new TraceModel(new double[3])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFitKeepsEverySignAndMasteryFollowsTheAnswers() {
        var data = new SyntheticAnswers(400, 60, 5, 40, 0.1, 3);
        var model = TraceKnowledgeModel.online();
        model.fit(data.log(0, 400), data.itemSkills());
        var weights = model.lastFit().model().weights();
        for (int j = 0; j < TraceModel.SIZE; j++) {
            assertThat(weights[j] * TraceModel.SIGNS[j])
                    .as(TraceModel.NAMES.get(j))
                    .isGreaterThanOrEqualTo(0);
        }
        assertThat(weights[TraceModel.ABILITY]).isPositive();
        assertThat(model.describe()).contains("lambda=", "no times");
        var state = model.newState();
        double before = model.mastery(state, 0).probability();
        model.update(state, 0, true);
        assertThat(model.mastery(state, 0).probability()).isGreaterThan(before);
        before = model.mastery(state, 0).probability();
        model.update(state, 5, false);
        assertThat(model.mastery(state, 0).probability()).isLessThan(before);
    }
}
