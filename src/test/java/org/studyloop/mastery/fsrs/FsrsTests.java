package org.studyloop.mastery.fsrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Parity of {@link Fsrs} with FSRS-6 on scripted review sequences. The expected stability,
 * difficulty and interval of each step were computed outside Java, by a separate transcription of
 * the FSRS-6 formulas (py-fsrs 6's scheduler with no learning steps and no fuzz: initial S = w[G-1],
 * D0(G) = w4 − e^(w5(G−1)) + 1, linear damping and mean reversion of D towards D0(4), recall
 * stability with the hard penalty w15 and easy bonus w16, forget stability capped by S/e^(w17·w18),
 * short-term stability for reviews less than a day apart, R = (1 + F·t/S)^(−w20), intervals rounded
 * half to even), with the published default parameters.
 */
class FsrsTests {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    private record Step(double stability, double difficulty, int interval) {}

    private static final Step[] GOOD_ON_TIME = {
        new Step(2.306500, 2.118104, 2),
        new Step(10.964332, 2.111214, 11),
        new Step(46.280217, 2.104331, 46),
        new Step(162.862202, 2.097455, 163),
        new Step(497.447194, 2.090586, 497)
    };

    private static final Step[] MIXED_ON_TIME = {
        new Step(2.306500, 2.118104, 2),
        new Step(0.607580, 7.394503, 1),
        new Step(2.400404, 7.382337, 2),
        new Step(4.529005, 8.247501, 5),
        new Step(15.017398, 7.647126, 15),
        new Step(32.276973, 7.634708, 32)
    };

    private static final Step[] GOOD_AT_80_PERCENT = {
        new Step(2.306500, 2.118104, 8),
        new Step(22.768180, 2.111214, 75),
        new Step(157.239067, 2.104331, 521),
        new Step(832.824426, 2.097455, 2762)
    };

    /** Reviews each time on the day it falls due. */
    private static List<Fsrs.Review> onTime(Fsrs fsrs, Rating... ratings) {
        var reviews = new ArrayList<Fsrs.Review>();
        @Nullable Memory memory = null;
        var at = T0;
        for (var rating : ratings) {
            var review = fsrs.review(memory, rating, at);
            reviews.add(review);
            memory = review.memory();
            at = review.due();
        }
        return reviews;
    }

    private static void assertSteps(List<Fsrs.Review> reviews, Step[] expected) {
        assertThat(reviews).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            var review = reviews.get(i);
            assertThat(review.memory().stability())
                    .as("S of review %d", i)
                    .isCloseTo(expected[i].stability(), within(1e-6));
            assertThat(review.memory().difficulty())
                    .as("D of review %d", i)
                    .isCloseTo(expected[i].difficulty(), within(1e-6));
            assertThat(review.intervalDays()).as("interval of review %d", i).isEqualTo(expected[i].interval());
            assertThat(review.due())
                    .isEqualTo(review.memory().lastReview().plus(Duration.ofDays(expected[i].interval())));
        }
    }

    @Test
    void goodReviewsOnTheirDueDates() {
        assertSteps(
                onTime(Fsrs.withDefaults(0.9), Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD),
                GOOD_ON_TIME);
    }

    @Test
    void aLapseThenRecoveryOnTheirDueDates() {
        var reviews = onTime(
                Fsrs.withDefaults(0.9), Rating.GOOD, Rating.AGAIN, Rating.GOOD, Rating.HARD, Rating.EASY, Rating.GOOD);
        assertSteps(reviews, MIXED_ON_TIME);
        assertThat(reviews.getLast().memory().lapses()).isEqualTo(1);
        assertThat(reviews.getLast().memory().reviews()).isEqualTo(6);
    }

    @Test
    void aLowerDesiredRetentionGivesLongerIntervals() {
        assertSteps(
                onTime(Fsrs.withDefaults(0.8), Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD), GOOD_AT_80_PERCENT);
    }

    @Test
    void sameDayReviewsUseTheShortTermStabilityAndOverdueOnesTheLongTerm() {
        var fsrs = Fsrs.withDefaults(0.9);
        long day = 86_400;
        long[] seconds = {0, 3600, 7200, 5 * day, 40 * day, 41 * day + 10, 100 * day};
        Rating[] ratings = {Rating.GOOD, Rating.AGAIN, Rating.GOOD, Rating.GOOD, Rating.HARD, Rating.EASY, Rating.AGAIN
        };
        Step[] expected = {
            new Step(2.306500, 2.118104, 2),
            new Step(0.775084, 7.394503, 1),
            new Step(0.828165, 7.382337, 1),
            new Step(4.984783, 7.370183, 5),
            new Step(18.109788, 8.239433, 18),
            new Step(20.539449, 7.636362, 21),
            new Step(2.204957, 9.208317, 2)
        };
        var reviews = new ArrayList<Fsrs.Review>();
        @Nullable Memory memory = null;
        for (int i = 0; i < seconds.length; i++) {
            var review = fsrs.review(memory, ratings[i], T0.plusSeconds(seconds[i]));
            reviews.add(review);
            memory = review.memory();
        }
        assertSteps(reviews, expected);
    }

    @Test
    void firstReviewsTakeTheInitialStabilityOfTheirRating() {
        var fsrs = Fsrs.withDefaults(0.9);
        double[][] expected = {{0.212, 6.4133, 1}, {1.2931, 5.112171, 1}, {2.3065, 2.118104, 2}, {8.2956, 1.0, 8}};
        for (var rating : Rating.values()) {
            var review = fsrs.review(null, rating, T0);
            var e = expected[rating.grade() - 1];
            assertThat(review.memory().stability()).isCloseTo(e[0], within(1e-6));
            assertThat(review.memory().difficulty()).isCloseTo(e[1], within(1e-6));
            assertThat(review.intervalDays()).isEqualTo((int) e[2]);
        }
    }

    @Test
    void recallIsNinetyPercentAfterOneStabilityAndFallsWithTime() {
        var fsrs = Fsrs.withDefaults(0.9);
        var memory = new Memory(10, 5, T0, 3, 0);
        assertThat(fsrs.retrievability(memory, T0)).isEqualTo(1.0);
        assertThat(fsrs.retrievability(memory, T0.plus(Duration.ofDays(10)))).isCloseTo(0.9, within(1e-12));
        assertThat(fsrs.retrievability(memory, T0.plus(Duration.ofDays(30)))).isLessThan(0.9);
    }

    @Test
    void answersMapToRatings() {
        var quick = Duration.ofSeconds(10);
        assertThat(Rating.of(false, 0, Duration.ofSeconds(3), quick)).isEqualTo(Rating.AGAIN);
        assertThat(Rating.of(true, 1, Duration.ofSeconds(3), quick)).isEqualTo(Rating.HARD);
        assertThat(Rating.of(true, 0, Duration.ofSeconds(30), quick)).isEqualTo(Rating.GOOD);
        assertThat(Rating.of(true, 0, Duration.ZERO, quick)).isEqualTo(Rating.GOOD);
        assertThat(Rating.of(true, 0, Duration.ofSeconds(4), quick)).isEqualTo(Rating.EASY);
    }
}
