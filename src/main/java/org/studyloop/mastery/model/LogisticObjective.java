package org.studyloop.mastery.model;

import java.util.Arrays;

/**
 * Mean logistic loss over sparse rows plus an L2 penalty {@code (lambda / 2) * sum(penalty[j] *
 * w[j]^2)}; the per-weight factor lets the bias go unpenalised and feature groups take their own
 * strength.
 */
public final class LogisticObjective implements DifferentiableFunction {

    private final SparseRows rows;
    private final double lambda;
    private final double[] penalty;

    public LogisticObjective(SparseRows rows, double lambda, double[] penalty) {
        this.rows = rows;
        this.lambda = lambda;
        this.penalty = penalty;
    }

    @Override
    public double valueAndGradient(double[] w, double[] gradient) {
        Arrays.fill(gradient, 0);
        int n = rows.rows();
        double loss = 0;
        for (int r = 0; r < n; r++) {
            double z = rows.dot(r, w);
            boolean y = rows.label(r);
            // log(1 + e^-z) for y = 1, log(1 + e^z) for y = 0, computed stably
            double m = y ? -z : z;
            loss += m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m));
            double p = sigmoid(z);
            rows.addTo(r, (p - (y ? 1 : 0)) / n, gradient);
        }
        loss /= n;
        double reg = 0;
        for (int j = 0; j < w.length; j++) {
            double c = lambda * penalty[j];
            reg += 0.5 * c * w[j] * w[j];
            gradient[j] += c * w[j];
        }
        return loss + reg;
    }

    public static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }
}
