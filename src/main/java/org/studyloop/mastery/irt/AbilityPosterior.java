package org.studyloop.mastery.irt;

/**
 * A student's ability posterior on an equally spaced grid under the N(0, 1) prior, updated answer by
 * answer: the expected a posteriori estimate (EAP) and its posterior standard deviation, which is
 * the standard error adaptive tests stop on (Bock and Mislevy 1982). Unlike maximum likelihood it
 * is finite after all-right or all-wrong answers, so it serves from the first answer of a test.
 * Kept in log space; O(grid) per answer.
 */
public final class AbilityPosterior {

    /** 81 points on [−4, 4]: steps of 0.1, fine against posterior SDs of 0.3 and more. */
    public static final Quadrature GRID = Quadrature.grid(81, -4, 4);

    private final Quadrature grid;
    private final double[] logDensity;
    private final double[] weights;
    private boolean stale = true;
    private int answers;

    public AbilityPosterior() {
        this(GRID);
    }

    public AbilityPosterior(Quadrature grid) {
        this.grid = grid;
        this.logDensity = new double[grid.size()];
        this.weights = new double[grid.size()];
        for (int k = 0; k < grid.size(); k++) {
            logDensity[k] = Math.log(grid.weights()[k]);
        }
    }

    /** Takes the answer to an item into the posterior. */
    public void update(IrtItem item, boolean correct) {
        double sign = correct ? 1 : -1;
        for (int k = 0; k < logDensity.length; k++) {
            logDensity[k] += IrtItem.logSigmoid(sign * item.discrimination() * (grid.points()[k] - item.difficulty()));
        }
        answers++;
        stale = true;
    }

    public int answers() {
        return answers;
    }

    /** The posterior mean of ability. */
    public double mean() {
        var w = weights();
        double mean = 0;
        for (int k = 0; k < w.length; k++) {
            mean += w[k] * grid.points()[k];
        }
        return mean;
    }

    /** The posterior standard deviation: the EAP's standard error. */
    public double standardError() {
        var w = weights();
        double mean = mean();
        double variance = 0;
        for (int k = 0; k < w.length; k++) {
            double d = grid.points()[k] - mean;
            variance += w[k] * d * d;
        }
        return Math.sqrt(variance);
    }

    /** P(correct) on the item, averaged over the posterior (the posterior predictive). */
    public double predict(IrtItem item) {
        var w = weights();
        double p = 0;
        for (int k = 0; k < w.length; k++) {
            p += w[k] * item.probability(grid.points()[k]);
        }
        return p;
    }

    private double[] weights() {
        if (stale) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : logDensity) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (int k = 0; k < logDensity.length; k++) {
                weights[k] = Math.exp(logDensity[k] - max);
                sum += weights[k];
            }
            for (int k = 0; k < weights.length; k++) {
                weights[k] /= sum;
            }
            stale = false;
        }
        return weights;
    }
}
