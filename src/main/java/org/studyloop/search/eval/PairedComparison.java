package org.studyloop.search.eval;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Whether one ranker's per-question scores differ from another's on the same questions by more
 * than the questions' own spread explains: the mean difference, a 95 % paired bootstrap
 * percentile interval (Efron & Tibshirani, "An Introduction to the Bootstrap", 1993, ch. 13;
 * Sakai, SIGIR 2006), and the two-sided p-value of the paired randomization test, which Smucker,
 * Allan and Carterette (CIKM 2007, "A comparison of statistical significance tests for
 * information retrieval evaluation") recommend over the t, sign and Wilcoxon tests for IR
 * measures. Both resample with a fixed seed, so a run prints the same figures every time.
 *
 * @param questions paired questions
 * @param difference mean of a − b
 * @param low lower end of the 95 % interval of the mean difference
 * @param high upper end
 * @param p two-sided p-value of "a and b are exchangeable on each question"
 */
record PairedComparison(int questions, double difference, double low, double high, double p) {

    static final int RESAMPLES = 20_000;

    static PairedComparison of(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired scores need as many of each: " + a.length + " and " + b.length);
        }
        var n = a.length;
        var d = new double[n];
        for (var i = 0; i < n; i++) {
            d[i] = a[i] - b[i];
        }
        var observed = mean(d);
        if (n == 0) {
            return new PairedComparison(0, 0, 0, 0, 1);
        }
        var random = new SplittableRandom(20071106);
        var means = new double[RESAMPLES];
        for (var r = 0; r < RESAMPLES; r++) {
            var sum = 0.0;
            for (var i = 0; i < n; i++) {
                sum += d[random.nextInt(n)];
            }
            means[r] = sum / n;
        }
        Arrays.sort(means);
        // Under the null hypothesis each question's two scores could have come from either ranker:
        // flip each difference's sign at random and count means at least as far from zero. The
        // small tolerance keeps ties that only rounding separates (e.g. all differences zero) as ties.
        var atLeast = 0;
        var threshold = Math.abs(observed) - 1e-12;
        for (var r = 0; r < RESAMPLES; r++) {
            var sum = 0.0;
            for (var i = 0; i < n; i++) {
                sum += random.nextBoolean() ? d[i] : -d[i];
            }
            if (Math.abs(sum / n) >= threshold) {
                atLeast++;
            }
        }
        return new PairedComparison(
                n,
                observed,
                means[(int) Math.floor(0.025 * (RESAMPLES - 1))],
                means[(int) Math.ceil(0.975 * (RESAMPLES - 1))],
                (atLeast + 1.0) / (RESAMPLES + 1.0));
    }

    private static double mean(double[] values) {
        return values.length == 0 ? 0 : Arrays.stream(values).sum() / values.length;
    }

    /** "+0.0176 [−0.0031, +0.0385], p = 0.098" */
    String describe() {
        return String.format(Locale.ROOT, "%+.4f [%+.4f, %+.4f], ", difference, low, high)
                + (p < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", p));
    }
}
