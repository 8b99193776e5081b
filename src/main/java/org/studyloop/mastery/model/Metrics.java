package org.studyloop.mastery.model;

import java.util.Arrays;

/** Evaluation metrics of probabilistic predictions of binary outcomes. */
public final class Metrics {

    private static final double EPSILON = 1e-15;

    private Metrics() {}

    /**
     * Area under the ROC curve by the rank statistic (Mann–Whitney U): the probability that a
     * random positive scores above a random negative, ties counting one half. NaN when one class
     * is absent.
     */
    public static double auc(double[] scores, boolean[] labels) {
        int n = scores.length;
        var order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double positiveRankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1; // ranks are 1-based; a tie shares the mean rank
            for (int k = i; k <= j; k++) {
                if (labels[order[k]]) {
                    positiveRankSum += midRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    public static double rmse(double[] p, boolean[] labels) {
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            double e = p[i] - (labels[i] ? 1 : 0);
            sum += e * e;
        }
        return Math.sqrt(sum / p.length);
    }

    /** Share of predictions on the right side of 0.5 (0.5 itself counts as predicting correct). */
    public static double accuracy(double[] p, boolean[] labels) {
        int right = 0;
        for (int i = 0; i < p.length; i++) {
            if ((p[i] >= 0.5) == labels[i]) {
                right++;
            }
        }
        return (double) right / p.length;
    }

    /** Mean negative log-likelihood in nats, probabilities clipped to [1e-15, 1 - 1e-15]. */
    public static double logLoss(double[] p, boolean[] labels) {
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            double q = Math.min(1 - EPSILON, Math.max(EPSILON, p[i]));
            sum -= labels[i] ? Math.log(q) : Math.log(1 - q);
        }
        return sum / p.length;
    }

    /** One bin of a reliability diagram. */
    public record Bin(double low, double high, int count, double meanPredicted, double observed) {}

    /**
     * Reliability table over equal-width bins of the predicted probability; bin {@code b} holds
     * {@code [b/bins, (b+1)/bins)}, the last one including 1.
     */
    public static Bin[] reliability(double[] p, boolean[] labels, int bins) {
        var count = new int[bins];
        var predicted = new double[bins];
        var observed = new double[bins];
        for (int i = 0; i < p.length; i++) {
            int b = Math.min(bins - 1, Math.max(0, (int) (p[i] * bins)));
            count[b]++;
            predicted[b] += p[i];
            observed[b] += labels[i] ? 1 : 0;
        }
        var table = new Bin[bins];
        for (int b = 0; b < bins; b++) {
            table[b] = new Bin(
                    (double) b / bins,
                    (double) (b + 1) / bins,
                    count[b],
                    count[b] == 0 ? Double.NaN : predicted[b] / count[b],
                    count[b] == 0 ? Double.NaN : observed[b] / count[b]);
        }
        return table;
    }

    /** Expected calibration error: the count-weighted mean of |mean predicted − observed| over the bins. */
    public static double ece(Bin[] table) {
        long total = 0;
        double sum = 0;
        for (var bin : table) {
            if (bin.count() > 0) {
                total += bin.count();
                sum += bin.count() * Math.abs(bin.meanPredicted() - bin.observed());
            }
        }
        return total == 0 ? Double.NaN : sum / total;
    }
}
