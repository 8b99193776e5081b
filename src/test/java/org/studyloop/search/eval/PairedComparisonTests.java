package org.studyloop.search.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PairedComparisonTests {

    @Test
    void identicalScoresDifferByNothingAndNotSignificantly() {
        double[] a = {0.5, 1, 0, 0.25, 0.75};

        var comparison = PairedComparison.of(a, a.clone());

        assertThat(comparison.difference()).isZero();
        assertThat(comparison.low()).isZero();
        assertThat(comparison.high()).isZero();
        assertThat(comparison.p()).isEqualTo(1.0);
    }

    @Test
    void aRankerBetterOnMostQuestionsIsSeparatedFromItsRival() {
        var random = new Random(7);
        var a = new double[200];
        var b = new double[200];
        for (var i = 0; i < a.length; i++) {
            b[i] = random.nextDouble() * 0.8;
            a[i] = b[i] + 0.05 + random.nextGaussian() * 0.05;
        }

        var comparison = PairedComparison.of(a, b);

        assertThat(comparison.difference()).isCloseTo(0.05, within(0.01));
        assertThat(comparison.low()).isPositive().isLessThan(comparison.difference());
        assertThat(comparison.high()).isGreaterThan(comparison.difference());
        assertThat(comparison.p()).isLessThan(0.001);
    }

    @Test
    void aSmallDifferenceWithinTheQuestionsSpreadIsNotSignificant() {
        // 0.02 better on average, but each question's difference spreads by 0.4: the interval
        // must straddle zero and the test must not reject.
        var random = new Random(11);
        var a = new double[100];
        var b = new double[100];
        for (var i = 0; i < a.length; i++) {
            b[i] = 0.5;
            a[i] = 0.5 + (i % 2 == 0 ? 0.42 : -0.38) + random.nextGaussian() * 0.01;
        }

        var comparison = PairedComparison.of(a, b);

        assertThat(comparison.low()).isNegative();
        assertThat(comparison.high()).isPositive();
        assertThat(comparison.p()).isGreaterThan(0.3);
    }

    @Test
    void theSameInputGivesTheSameFigures() {
        double[] a = {0.1, 0.9, 0.4, 0.3, 0.8, 0.6};
        double[] b = {0.2, 0.7, 0.4, 0.1, 0.5, 0.6};

        assertThat(PairedComparison.of(a, b)).isEqualTo(PairedComparison.of(a, b));
        assertThat(PairedComparison.of(a, b).describe()).startsWith("+0.1000 [");
    }

    @Test
    void unpairedScoresAreRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PairedComparison.of(new double[3], new double[2]))
                .withMessageContaining("3 and 2");
    }
}
