package org.studyloop.mastery.irt;

/**
 * The M-step of {@link MarginalMaximumLikelihood}: Fisher scoring of one item's log slope α = log a
 * and difficulty b against the expected counts at the quadrature points, with the log-normal slope
 * and normal difficulty priors. With z = e^α (θ − b), the gradient of the expected complete-data
 * log-likelihood is Σ (r − nP) ∂z, with ∂z/∂α = a (θ − b) and ∂z/∂b = −a, and the expected
 * information Σ n P (1 − P) ∂z ∂zᵀ; each step is capped at one logit so that a poorly determined
 * item cannot jump.
 */
final class ItemScoring {

    private static final int STEPS = 4;

    private final Quadrature quadrature;
    private final double[] expected;
    private final double[] right;

    ItemScoring(Quadrature quadrature, double[] expected, double[] right) {
        this.quadrature = quadrature;
        this.expected = expected;
        this.right = right;
    }

    /**
     * Scores item j; {@code logSlope} is NaN when the slope is shared (then only b moves, at slope
     * {@code slope}). Gives {α, b}.
     */
    double[] fit(int j, double logSlope, double slope, double difficulty, double prior) {
        boolean free = !Double.isNaN(logSlope);
        double alpha = free ? logSlope : Math.log(slope);
        double b = difficulty;
        int q = quadrature.size();
        for (int s = 0; s < STEPS; s++) {
            double a = Math.exp(alpha);
            double gA = free ? -alpha / sq(MarginalMaximumLikelihood.LOG_SLOPE_SD) : 0;
            double gB = -(b - prior) / sq(MarginalMaximumLikelihood.DIFFICULTY_SD);
            double iAA = free ? 1 / sq(MarginalMaximumLikelihood.LOG_SLOPE_SD) : 0;
            double iAB = 0;
            double iBB = 1 / sq(MarginalMaximumLikelihood.DIFFICULTY_SD);
            for (int k = 0; k < q; k++) {
                double n = expected[j * q + k];
                if (n == 0) {
                    continue;
                }
                double d = quadrature.points()[k] - b;
                double p = IrtItem.sigmoid(a * d);
                double residual = right[j * q + k] - n * p;
                double info = n * p * (1 - p);
                gB += -a * residual;
                iBB += info * a * a;
                if (free) {
                    gA += a * d * residual;
                    iAA += info * a * a * d * d;
                    iAB += -info * a * a * d;
                }
            }
            double dA;
            double dB;
            if (free) {
                double det = iAA * iBB - iAB * iAB;
                dA = (iBB * gA - iAB * gB) / det;
                dB = (iAA * gB - iAB * gA) / det;
            } else {
                dA = 0;
                dB = gB / iBB;
            }
            alpha = clamp(
                    alpha + cap(dA), MarginalMaximumLikelihood.MIN_LOG_SLOPE, MarginalMaximumLikelihood.MAX_LOG_SLOPE);
            b = clamp(b + cap(dB), -10, 10);
            if (Math.abs(dA) < 1e-6 && Math.abs(dB) < 1e-6) {
                break;
            }
        }
        return new double[] {alpha, b};
    }

    /** One scoring step of the slope shared by the items without their own, over all of them. */
    double sharedLogSlope(boolean[] free, double logSlope, double[] difficulty) {
        int q = quadrature.size();
        double a = Math.exp(logSlope);
        double gradient = -logSlope / sq(MarginalMaximumLikelihood.LOG_SLOPE_SD);
        double information = 1 / sq(MarginalMaximumLikelihood.LOG_SLOPE_SD);
        for (int j = 0; j < free.length; j++) {
            if (free[j]) {
                continue;
            }
            for (int k = 0; k < q; k++) {
                double n = expected[j * q + k];
                if (n == 0) {
                    continue;
                }
                double d = quadrature.points()[k] - difficulty[j];
                double p = IrtItem.sigmoid(a * d);
                gradient += a * d * (right[j * q + k] - n * p);
                information += n * p * (1 - p) * a * a * d * d;
            }
        }
        return clamp(
                logSlope + cap(gradient / information),
                MarginalMaximumLikelihood.MIN_LOG_SLOPE,
                MarginalMaximumLikelihood.MAX_LOG_SLOPE);
    }

    private static double cap(double step) {
        return Math.max(-1, Math.min(1, step));
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static double sq(double v) {
        return v * v;
    }
}
