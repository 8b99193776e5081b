package org.studyloop.mastery.irt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.studyloop.mastery.AttemptLog;

/**
 * Recovery of known parameters from simulated answers: abilities from N(0, 1), every simulated
 * student answers every item. The bounds are what MML is known to achieve with this many
 * examinees (standard errors of b about 0.06–0.1 and of a about 0.1 at 2,000 examinees); a broken
 * E- or M-step misses them by far.
 */
class MarginalMaximumLikelihoodTests {

    private static final int ITEMS = 30;

    @Test
    void gaussHermiteIntegratesTheNormalMoments() {
        var rule = Quadrature.gaussHermite(31);
        double sum = 0;
        double second = 0;
        double fourth = 0;
        for (int k = 0; k < rule.size(); k++) {
            sum += rule.weights()[k];
            second += rule.weights()[k] * Math.pow(rule.points()[k], 2);
            fourth += rule.weights()[k] * Math.pow(rule.points()[k], 4);
        }
        assertThat(sum).isCloseTo(1, within(1e-12));
        assertThat(second).isCloseTo(1, within(1e-9));
        assertThat(fourth).isCloseTo(3, within(1e-9));
    }

    @Test
    void twoPlRecoversDiscriminationsAndDifficulties() {
        var random = new Random(3);
        var truth = new IrtItem[ITEMS];
        for (int j = 0; j < ITEMS; j++) {
            truth[j] = new IrtItem(Math.exp(0.35 * random.nextGaussian()), random.nextGaussian());
        }
        var fit = MarginalMaximumLikelihood.twoPl(200).fit(simulate(truth, 2_000, random), ITEMS, new double[ITEMS]);

        assertThat(fit.converged()).isTrue();
        assertThat(fit.twoParameterItems()).isEqualTo(ITEMS);
        var a = new double[ITEMS][2];
        var b = new double[ITEMS][2];
        for (int j = 0; j < ITEMS; j++) {
            a[j] = new double[] {truth[j].discrimination(), fit.item(j).discrimination()};
            b[j] = new double[] {truth[j].difficulty(), fit.item(j).difficulty()};
        }
        assertThat(correlation(b)).isGreaterThan(0.98);
        assertThat(rmse(b)).isLessThan(0.15);
        assertThat(correlation(a)).isGreaterThan(0.8);
        assertThat(rmse(a)).isLessThan(0.15);
    }

    @Test
    void onePlRecoversDifficultiesAndTheSharedSlope() {
        var random = new Random(5);
        var truth = new IrtItem[ITEMS];
        for (int j = 0; j < ITEMS; j++) {
            truth[j] = new IrtItem(1.4, 1.2 * random.nextGaussian());
        }
        var fit = MarginalMaximumLikelihood.onePl().fit(simulate(truth, 1_500, random), ITEMS, new double[ITEMS]);

        assertThat(fit.twoParameterItems()).isZero();
        assertThat(fit.sharedDiscrimination()).isCloseTo(1.4, within(0.1));
        var b = new double[ITEMS][2];
        for (int j = 0; j < ITEMS; j++) {
            b[j] = new double[] {truth[j].difficulty(), fit.item(j).difficulty()};
        }
        assertThat(correlation(b)).isGreaterThan(0.99);
        assertThat(rmse(b)).isLessThan(0.1);
    }

    @Test
    void sparseItemsStayFiniteNearTheirPriorAndShareTheSlope() {
        var random = new Random(9);
        var truth = new IrtItem[ITEMS];
        for (int j = 0; j < ITEMS; j++) {
            truth[j] = new IrtItem(1, random.nextGaussian());
        }
        var log = AttemptLog.builder();
        var full = simulate(truth, 500, random);
        for (int r = 0; r < full.size(); r++) {
            log.add(full.student(r), full.item(r), full.correct(r));
        }
        // Item 30: three answers, all right. Item 31: never answered. Both have authors' priors.
        log.add(0, 30, true).add(1, 30, true).add(2, 30, true);
        var priors = new double[ITEMS + 2];
        priors[30] = 1.0;
        priors[31] = -1.5;
        var fit = MarginalMaximumLikelihood.twoPl(200).fit(sorted(log.build()), ITEMS + 2, priors);

        assertThat(fit.freeSlope()[30]).isFalse();
        assertThat(fit.item(30).discrimination()).isEqualTo(fit.sharedDiscrimination());
        assertThat(fit.item(30).difficulty()).isBetween(-2.0, 1.0);
        assertThat(fit.item(31).difficulty()).isCloseTo(-1.5, within(1e-6));
        assertThat(fit.freeSlope()[0]).isTrue();
    }

    static AttemptLog simulate(IrtItem[] items, int students, Random random) {
        var log = AttemptLog.builder();
        for (int s = 0; s < students; s++) {
            double theta = random.nextGaussian();
            for (int j = 0; j < items.length; j++) {
                log.add(s, j, random.nextDouble() < items[j].probability(theta));
            }
        }
        return log.build();
    }

    /** Regroups rows by student, as the calibration expects. */
    private static AttemptLog sorted(AttemptLog log) {
        var rows = java.util.stream.IntStream.range(0, log.size())
                .boxed()
                .sorted(java.util.Comparator.comparingInt(log::student))
                .toList();
        var builder = AttemptLog.builder();
        rows.forEach(r -> builder.add(log.student(r), log.item(r), log.correct(r)));
        return builder.build();
    }

    static double correlation(double[][] pairs) {
        double mx = 0;
        double my = 0;
        for (var p : pairs) {
            mx += p[0] / pairs.length;
            my += p[1] / pairs.length;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (var p : pairs) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
            syy += (p[1] - my) * (p[1] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    static double rmse(double[][] pairs) {
        double sum = 0;
        for (var p : pairs) {
            sum += (p[0] - p[1]) * (p[0] - p[1]);
        }
        return Math.sqrt(sum / pairs.length);
    }
}
