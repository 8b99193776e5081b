package org.studyloop.mastery.irt;

import java.util.ArrayList;
import org.studyloop.mastery.AttemptLog;

/**
 * Calibrates items by marginal maximum likelihood with the EM algorithm of Bock and Aitkin (1981):
 * abilities are integrated out over a Gauss–Hermite quadrature of their N(0, 1) prior; the E-step
 * gives each item the expected number of answers and of right answers at each quadrature point,
 * the M-step fits each item to those counts by Fisher scoring, independently of the others.
 *
 * <p>Weak priors make it a posterior mode (Mislevy 1986; BILOG's defaults): log a ~ N(0, 0.5²) and
 * b ~ N(author's prior, 2²). They keep an item that everyone got right, or that few answered,
 * finite and near its author's prior, and barely move an item with hundreds of answers.
 *
 * <p>Which items get their own discrimination is {@code minAnswersForSlope}: the standard error of
 * a 2PL slope estimated from n answers is roughly 1 / √(n · a² · E[P(1−P)] · Var θ), which is
 * about 0.2 only past a couple of hundred answers, and simulation studies ask for 200–500
 * examinees per item before 2PL estimates are stable (Drasgow 1989; De Ayala 2009, ch. 5). Items
 * with fewer answers share one slope, estimated from all of them: 1PL is the case where no item
 * has enough ({@link Integer#MAX_VALUE}).
 */
public final class MarginalMaximumLikelihood {

    /** Answers an item needs for its own discrimination by default (see the class comment). */
    public static final int DEFAULT_MIN_ANSWERS_FOR_SLOPE = 200;

    static final double LOG_SLOPE_SD = 0.5;
    static final double DIFFICULTY_SD = 2;
    static final double MAX_LOG_SLOPE = Math.log(6);
    static final double MIN_LOG_SLOPE = Math.log(0.1);

    private final Quadrature quadrature;
    private final int minAnswersForSlope;
    private final int maxIterations;
    private final double tolerance;

    public MarginalMaximumLikelihood(int points, int minAnswersForSlope, int maxIterations, double tolerance) {
        this.quadrature = Quadrature.gaussHermite(points);
        this.minAnswersForSlope = minAnswersForSlope;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
    }

    /** One slope for all items (1PL). */
    public static MarginalMaximumLikelihood onePl() {
        return new MarginalMaximumLikelihood(31, Integer.MAX_VALUE, 300, 1e-3);
    }

    /** Own slopes for items with {@code minAnswers} answers or more (2PL), the shared one for the others. */
    public static MarginalMaximumLikelihood twoPl(int minAnswers) {
        return new MarginalMaximumLikelihood(31, minAnswers, 300, 1e-3);
    }

    /**
     * Calibrates {@code items} items on the log's answers (rows grouped by student, as {@link
     * AttemptLog} keeps them).
     *
     * @param priors the authors' difficulties by item, 0 where none
     */
    public Calibration fit(AttemptLog log, int items, double[] priors) {
        int q = quadrature.size();
        var answers = new int[items];
        for (int r = 0; r < log.size(); r++) {
            answers[log.item(r)]++;
        }
        var free = new boolean[items];
        var logSlope = new double[items];
        var difficulty = new double[items];
        for (int j = 0; j < items; j++) {
            free[j] = answers[j] >= minAnswersForSlope;
            difficulty[j] = priors[j];
        }
        double sharedLogSlope = 0;
        var expected = new double[items * q];
        var right = new double[items * q];
        var logP = new double[items * q];
        var logQ = new double[items * q];
        double logLikelihood = Double.NEGATIVE_INFINITY;
        int iteration = 0;
        boolean converged = false;
        while (iteration < maxIterations && !converged) {
            iteration++;
            for (int j = 0; j < items; j++) {
                double a = Math.exp(free[j] ? logSlope[j] : sharedLogSlope);
                for (int k = 0; k < q; k++) {
                    double z = a * (quadrature.points()[k] - difficulty[j]);
                    logP[j * q + k] = IrtItem.logSigmoid(z);
                    logQ[j * q + k] = IrtItem.logSigmoid(-z);
                }
            }
            logLikelihood = expectation(log, logP, logQ, expected, right);
            double change = 0;
            var step = new ItemScoring(quadrature, expected, right);
            for (int j = 0; j < items; j++) {
                double a = free[j] ? logSlope[j] : sharedLogSlope;
                var fitted = step.fit(j, free[j] ? a : Double.NaN, Math.exp(a), difficulty[j], priors[j]);
                change = Math.max(change, Math.abs(fitted[1] - difficulty[j]));
                difficulty[j] = fitted[1];
                if (free[j]) {
                    change = Math.max(change, Math.abs(fitted[0] - logSlope[j]));
                    logSlope[j] = fitted[0];
                }
            }
            double shared = step.sharedLogSlope(free, sharedLogSlope, difficulty);
            change = Math.max(change, Math.abs(shared - sharedLogSlope));
            sharedLogSlope = shared;
            converged = change < tolerance;
        }
        var fitted = new ArrayList<IrtItem>(items);
        for (int j = 0; j < items; j++) {
            fitted.add(new IrtItem(Math.exp(free[j] ? logSlope[j] : sharedLogSlope), difficulty[j]));
        }
        return new Calibration(fitted, answers, free, Math.exp(sharedLogSlope), logLikelihood, iteration, converged);
    }

    /**
     * The E-step: each student's posterior over the quadrature points, added to the expected counts
     * of the items they answered. Gives the marginal log-likelihood of the answers.
     */
    private double expectation(AttemptLog log, double[] logP, double[] logQ, double[] expected, double[] right) {
        int q = quadrature.size();
        java.util.Arrays.fill(expected, 0);
        java.util.Arrays.fill(right, 0);
        var logPrior = new double[q];
        for (int k = 0; k < q; k++) {
            logPrior[k] = Math.log(quadrature.weights()[k]);
        }
        var posterior = new double[q];
        double total = 0;
        int start = 0;
        while (start < log.size()) {
            int student = log.student(start);
            int end = start;
            System.arraycopy(logPrior, 0, posterior, 0, q);
            while (end < log.size() && log.student(end) == student) {
                int base = log.item(end) * q;
                var table = log.correct(end) ? logP : logQ;
                for (int k = 0; k < q; k++) {
                    posterior[k] += table[base + k];
                }
                end++;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (double v : posterior) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (int k = 0; k < q; k++) {
                posterior[k] = Math.exp(posterior[k] - max);
                sum += posterior[k];
            }
            total += max + Math.log(sum);
            for (int r = start; r < end; r++) {
                int base = log.item(r) * q;
                boolean correct = log.correct(r);
                for (int k = 0; k < q; k++) {
                    double w = posterior[k] / sum;
                    expected[base + k] += w;
                    if (correct) {
                        right[base + k] += w;
                    }
                }
            }
            start = end;
        }
        return total;
    }
}
