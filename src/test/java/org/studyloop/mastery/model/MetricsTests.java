package org.studyloop.mastery.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricsTests {

    private final double[] p = {0.1, 0.4, 0.4, 0.8};
    private final boolean[] y = {false, true, false, true};

    @Test
    void aucCountsATieAsOneHalf() {
        // pairs (positive, negative): (0.4, 0.1) 1, (0.4, 0.4) 0.5, (0.8, 0.1) 1, (0.8, 0.4) 1
        assertThat(Metrics.auc(p, y)).isCloseTo(3.5 / 4, within(1e-12));
    }

    @Test
    void aucOfConstantScoresIsOneHalfAndOfOneClassUndefined() {
        assertThat(Metrics.auc(new double[] {0.3, 0.3, 0.3}, new boolean[] {true, false, true}))
                .isCloseTo(0.5, within(1e-12));
        assertThat(Metrics.auc(new double[] {0.2, 0.9}, new boolean[] {true, true}))
                .isNaN();
        assertThat(Metrics.auc(new double[] {0.9, 0.2, 0.5}, new boolean[] {true, false, false}))
                .isEqualTo(1.0);
    }

    @Test
    void rmseAccuracyAndLogLossMatchHandComputedValues() {
        assertThat(Metrics.rmse(p, y)).isCloseTo(Math.sqrt(0.57 / 4), within(1e-12));
        assertThat(Metrics.accuracy(p, y)).isEqualTo(0.75);
        double expected = -(Math.log(0.9) + Math.log(0.4) + Math.log(0.6) + Math.log(0.8)) / 4;
        assertThat(Metrics.logLoss(p, y)).isCloseTo(expected, within(1e-12));
        assertThat(Metrics.logLoss(new double[] {0.0}, new boolean[] {true})).isCloseTo(-Math.log(1e-15), within(1e-9));
    }

    @Test
    void reliabilityBinsAndExpectedCalibrationError() {
        var table = Metrics.reliability(p, y, 10);
        assertThat(table).hasSize(10);
        assertThat(table[1].count()).isEqualTo(1);
        assertThat(table[4].count()).isEqualTo(2);
        assertThat(table[4].meanPredicted()).isCloseTo(0.4, within(1e-9));
        assertThat(table[4].observed()).isEqualTo(0.5);
        assertThat(table[8].observed()).isEqualTo(1.0);
        assertThat(table[0].count()).isZero();
        // (1 * |0.1 - 0| + 2 * |0.4 - 0.5| + 1 * |0.8 - 1|) / 4
        assertThat(Metrics.ece(table)).isCloseTo(0.5 / 4, within(1e-9));
        assertThat(Metrics.reliability(new double[] {1.0}, new boolean[] {true}, 10)[9].count())
                .isEqualTo(1);
    }
}
