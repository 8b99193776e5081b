package org.studyloop.mastery.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LbfgsTests {

    @Test
    void minimisesAnIllConditionedQuadratic() {
        // f(x) = sum c_i (x_i - t_i)^2 with c from 1 to 1000
        double[] c = {1, 10, 100, 1000};
        double[] t = {3, -2, 0.5, 7};
        DifferentiableFunction f = (x, g) -> {
            double value = 0;
            for (int i = 0; i < x.length; i++) {
                value += c[i] * (x[i] - t[i]) * (x[i] - t[i]);
                g[i] = 2 * c[i] * (x[i] - t[i]);
            }
            return value;
        };
        var result = new Lbfgs(5, 200, 1e-14).minimize(f, new double[4]);
        for (int i = 0; i < 4; i++) {
            assertThat(result.x()[i]).isCloseTo(t[i], within(1e-4));
        }
        assertThat(result.value()).isLessThan(1e-6);
    }

    @Test
    void logisticRegressionRecoversTheWeightsThatGeneratedTheData() {
        double[] truth = {-0.5, 1.0, -2.0, 0.7};
        var random = new Random(3);
        var rows = new SparseRows();
        for (int n = 0; n < 40_000; n++) {
            double[] x = {1, random.nextGaussian(), random.nextGaussian(), random.nextDouble() < 0.3 ? 1 : 0};
            double z = 0;
            for (int j = 0; j < 4; j++) {
                z += truth[j] * x[j];
            }
            rows.beginRow(random.nextDouble() < LogisticObjective.sigmoid(z));
            for (int j = 0; j < 4; j++) {
                rows.put(j, x[j]);
            }
        }
        var penalty = new double[4];
        Arrays.fill(penalty, 1);
        penalty[0] = 0;
        var result = new Lbfgs(10, 300, 1e-12).minimize(new LogisticObjective(rows, 1e-6, penalty), new double[4]);
        for (int j = 0; j < 4; j++) {
            assertThat(result.x()[j]).as("weight %d", j).isCloseTo(truth[j], within(0.06));
        }
    }

    @Test
    void theGradientOfTheLogisticObjectiveMatchesFiniteDifferences() {
        var rows = new SparseRows();
        rows.beginRow(true);
        rows.put(0, 1);
        rows.put(2, 0.5);
        rows.beginRow(false);
        rows.put(0, 1);
        rows.put(1, -1.5);
        rows.put(1, 0.25); // a repeated column adds up
        var objective = new LogisticObjective(rows, 0.1, new double[] {0, 1, 2});
        double[] w = {0.3, -0.2, 0.8};
        var g = new double[3];
        objective.valueAndGradient(w, g);
        for (int j = 0; j < 3; j++) {
            double[] up = w.clone();
            double[] down = w.clone();
            up[j] += 1e-6;
            down[j] -= 1e-6;
            double numeric =
                    (objective.valueAndGradient(up, new double[3]) - objective.valueAndGradient(down, new double[3]))
                            / 2e-6;
            assertThat(g[j]).isCloseTo(numeric, within(1e-6));
        }
    }
}
