package org.studyloop.mastery.model;

import java.util.Arrays;

/**
 * Mean logistic loss over sparse rows plus an L2 penalty {@code (lambda / 2) * sum(penalty[j] *
 * w[j]^2)}; the per-weight factor lets the bias go unpenalised and feature groups take their own
 * strength.
 */
public final class LogisticObjective implements DifferentiableFunction {

    private static final int PARTS =
            Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

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
        int n = rows.rows();
        int parts = n < 20_000 ? 1 : PARTS;
        var losses = new double[parts];
        var gradients = new double[parts][];
        java.util.stream.IntStream.range(0, parts).parallel().forEach(part -> {
            var g = new double[w.length];
            losses[part] =
                    lossAndGradient(w, g, (int) ((long) n * part / parts), (int) ((long) n * (part + 1) / parts));
            gradients[part] = g;
        });
        Arrays.fill(gradient, 0);
        double loss = 0;
        for (int part = 0; part < parts; part++) {
            loss += losses[part];
            for (int j = 0; j < w.length; j++) {
                gradient[j] += gradients[part][j] / n;
            }
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

    /** The summed log loss of rows {@code [from, to)}, its gradient added to {@code gradient}. */
    private double lossAndGradient(double[] w, double[] gradient, int from, int to) {
        double loss = 0;
        for (int r = from; r < to; r++) {
            double z = rows.dot(r, w);
            boolean y = rows.label(r);
            // log(1 + e^-z) for y = 1, log(1 + e^z) for y = 0, computed stably
            double m = y ? -z : z;
            loss += m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m));
            rows.addTo(r, sigmoid(z) - (y ? 1 : 0), gradient);
        }
        return loss;
    }

    public static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }
}
