package org.studyloop.mastery.cat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.studyloop.mastery.irt.AbilityPosterior;
import org.studyloop.mastery.irt.IrtItem;

/**
 * Simulated examinees (abilities from N(0, 1), answers drawn from the 2PL) taking a CAT and fixed
 * forms on the same bank, in the manner of the simulation studies of adaptive testing (Weiss and
 * Kingsbury 1984): how many items the CAT needs to reach the target SE, how long a fixed form must
 * be for the same examinees to reach it as often, and the bias and RMSE of the ability estimates.
 * The "best" fixed form is the bank's most informative items at θ = 0 (the best a non-adaptive
 * test can do for an average examinee); the random form draws items at random for each examinee.
 */
public final class CatSimulation {

    /**
     * What a test design achieved over the examinees.
     *
     * @param reachLength the length after which the design's share of examinees with SE at most the
     *     target is at least the CAT's: the CAT's longest test, a fixed form's length for that
     */
    public record Outcome(
            String design,
            int reachLength,
            double meanLength,
            double medianLength,
            double reachedShare,
            double bias,
            double rmse,
            double meanStandardError,
            double maxExposure) {}

    /** The CAT and the two fixed forms, each fixed form at the length matching the CAT's reach. */
    public record Report(Outcome cat, Outcome bestForm, Outcome randomForm, int bankSize, int examinees) {}

    private final IrtItem[] bank;
    private final int[] areas;
    private final double[] shares;
    private final AdaptiveTest.Rules rules;

    public CatSimulation(IrtItem[] bank, int[] areas, double[] shares, AdaptiveTest.Rules rules) {
        this.bank = bank;
        this.areas = areas;
        this.shares = shares;
        this.rules = rules;
    }

    public Report run(int examinees, long seed) {
        var random = new SplittableRandom(seed);
        var theta = new double[examinees];
        for (int e = 0; e < examinees; e++) {
            theta[e] = random.nextGaussian();
        }
        var answers = random.split();
        var lengths = new double[examinees];
        var estimates = new double[examinees];
        var errors = new double[examinees];
        var exposure = new int[bank.length];
        int reached = 0;
        for (int e = 0; e < examinees; e++) {
            var test = new AdaptiveTest(bank, areas, shares, rules);
            for (var next = test.next(answers); next.isPresent(); next = test.next(answers)) {
                int item = next.getAsInt();
                exposure[item]++;
                test.record(item, answers.nextDouble() < bank[item].probability(theta[e]));
            }
            lengths[e] = test.length();
            estimates[e] = test.ability();
            errors[e] = test.standardError();
            reached += test.standardError() <= rules.targetStandardError() ? 1 : 0;
        }
        double share = (double) reached / examinees;
        var cat = outcome(
                "cat",
                (int) Arrays.stream(lengths).max().orElse(0),
                lengths,
                share,
                theta,
                estimates,
                errors,
                Arrays.stream(exposure).max().orElse(0) / (double) examinees);
        double meanError = cat.meanStandardError();
        var best = bestOrder();
        var bestForm = fixedForm("best fixed form", theta, share, meanError, e -> best, random.split());
        var orderRandom = random.split();
        var randomForm = fixedForm("random form", theta, share, meanError, e -> shuffled(orderRandom), random.split());
        return new Report(cat, bestForm, randomForm, bank.length, examinees);
    }

    /**
     * A fixed form at the shortest length (up to the whole bank) whose mean SE over the examinees is
     * at most the CAT's, with the length at which as many examinees reach the target SE as in the
     * CAT; the form's order per examinee comes from {@code orders}.
     */
    private Outcome fixedForm(
            String design,
            double[] theta,
            double share,
            double meanError,
            java.util.function.IntFunction<int[]> orders,
            SplittableRandom answers) {
        int limit = bank.length;
        int examinees = theta.length;
        var se = new float[examinees][limit];
        var mean = new float[examinees][limit];
        for (int e = 0; e < examinees; e++) {
            var order = orders.apply(e);
            var posterior = new AbilityPosterior();
            for (int l = 0; l < limit; l++) {
                var item = bank[order[l]];
                posterior.update(item, answers.nextDouble() < item.probability(theta[e]));
                se[e][l] = (float) posterior.standardError();
                mean[e][l] = (float) posterior.mean();
            }
        }
        int length = limit;
        int reachLength = limit;
        for (int l = limit - 1; l >= 0; l--) {
            int reached = 0;
            double meanSe = 0;
            for (int e = 0; e < examinees; e++) {
                reached += se[e][l] <= rules.targetStandardError() ? 1 : 0;
                meanSe += se[e][l] / examinees;
            }
            if (reached >= share * examinees - 1e-9) {
                reachLength = l + 1;
            }
            if (meanSe <= meanError) {
                length = l + 1;
            }
        }
        var lengths = new double[examinees];
        var estimates = new double[examinees];
        var errors = new double[examinees];
        int reached = 0;
        for (int e = 0; e < examinees; e++) {
            lengths[e] = length;
            estimates[e] = mean[e][length - 1];
            errors[e] = se[e][length - 1];
            reached += errors[e] <= rules.targetStandardError() ? 1 : 0;
        }
        return outcome(design, reachLength, lengths, (double) reached / examinees, theta, estimates, errors, 1);
    }

    private int[] bestOrder() {
        var order = java.util.stream.IntStream.range(0, bank.length)
                .boxed()
                .sorted((x, y) -> Double.compare(bank[y].information(0), bank[x].information(0)))
                .mapToInt(Integer::intValue)
                .toArray();
        return order;
    }

    private int[] shuffled(SplittableRandom random) {
        var order = java.util.stream.IntStream.range(0, bank.length).toArray();
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static Outcome outcome(
            String design,
            int reachLength,
            double[] lengths,
            double reachedShare,
            double[] theta,
            double[] estimates,
            double[] errors,
            double maxExposure) {
        int n = theta.length;
        double bias = 0;
        double squared = 0;
        for (int e = 0; e < n; e++) {
            bias += (estimates[e] - theta[e]) / n;
            squared += (estimates[e] - theta[e]) * (estimates[e] - theta[e]) / n;
        }
        var sorted = lengths.clone();
        Arrays.sort(sorted);
        return new Outcome(
                design,
                reachLength,
                Arrays.stream(lengths).average().orElse(0),
                n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2,
                reachedShare,
                bias,
                Math.sqrt(squared),
                Arrays.stream(errors).average().orElse(0),
                maxExposure);
    }
}
