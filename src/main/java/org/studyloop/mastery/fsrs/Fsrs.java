package org.studyloop.mastery.fsrs;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * FSRS-6, the Free Spaced Repetition Scheduler (Ye, Su and Cao, "A Stochastic Shortest Path
 * Algorithm for Optimizing Spaced Repetition Scheduling", KDD 2022; Su, Ye et al., "Optimizing
 * Spaced Repetition Schedule by Capturing the Dynamics of Memory", IEEE TKDE 2023; version 6 as
 * specified by the open-spaced-repetition project, whose reference implementations are py-fsrs 6
 * and fsrs-rs). Memory is a stability S (days until recall falls to 90%) and a difficulty D in
 * [1, 10]; recall after t days is R(t, S) = (1 + F·t/S)^(−w20) with F = 0.9^(−1/w20) − 1, and the
 * next interval is the t at which R falls to the desired retention.
 *
 * <p>Scheduling follows py-fsrs's scheduler with no learning or relearning steps (a skill is
 * reviewed by answering its items, not by minutes-apart drills) and no fuzz: the first review sets
 * S and D from the rating; a review less than a whole day after the previous one uses the
 * short-term stability formula (w17–w19); later reviews use the recall or forget stability;
 * elapsed time counts whole days as py-fsrs does; intervals are rounded half to even (Python's
 * round), at least one day and at most {@code maximumInterval} days.
 */
public final class Fsrs {

    /**
     * FSRS-6's published default parameters w0..w20 (py-fsrs 6 {@code DEFAULT_PARAMETERS}, equal to
     * fsrs-rs's FSRS-6 defaults), fitted by the project on a large set of Anki review logs.
     */
    public static final double[] DEFAULT_PARAMETERS = {
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629,
        1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542
    };

    static final double STABILITY_MIN = 0.001;
    static final double DIFFICULTY_MIN = 1;
    static final double DIFFICULTY_MAX = 10;

    private final double[] w;
    private final double desiredRetention;
    private final int maximumInterval;
    private final double decay;
    private final double factor;

    public Fsrs(double[] parameters, double desiredRetention, int maximumInterval) {
        if (parameters.length != 21) {
            throw new IllegalArgumentException("FSRS-6 has 21 parameters, not " + parameters.length);
        }
        if (!(desiredRetention > 0 && desiredRetention < 1) || maximumInterval < 1) {
            throw new IllegalArgumentException("desired retention must be in (0, 1) and the maximum interval positive");
        }
        this.w = parameters.clone();
        this.desiredRetention = desiredRetention;
        this.maximumInterval = maximumInterval;
        this.decay = -w[20];
        this.factor = Math.pow(0.9, 1 / decay) - 1;
    }

    public static Fsrs withDefaults(double desiredRetention) {
        return new Fsrs(DEFAULT_PARAMETERS, desiredRetention, 36_500);
    }

    /** A review's outcome: the memory after it and when the next review is due. */
    public record Review(Memory memory, int intervalDays, Instant due) {}

    /** Reviews a skill (first review when {@code memory} is null) with a rating at a time. */
    public Review review(@Nullable Memory memory, Rating rating, Instant at) {
        int g = rating.grade();
        double stability;
        double difficulty;
        if (memory == null) {
            stability = initialStability(g);
            difficulty = clampDifficulty(initialDifficulty(g));
        } else {
            long days = elapsedDays(memory.lastReview(), at);
            stability = days < 1
                    ? shortTermStability(memory.stability(), g)
                    : nextStability(
                            memory.difficulty(), memory.stability(), retrievability(days, memory.stability()), g);
            difficulty = nextDifficulty(memory.difficulty(), g);
        }
        int interval = nextInterval(stability);
        var next = new Memory(
                stability,
                difficulty,
                at,
                memory == null ? 1 : memory.reviews() + 1,
                (memory == null ? 0 : memory.lapses()) + (rating == Rating.AGAIN ? 1 : 0));
        return new Review(next, interval, at.plus(Duration.ofDays(interval)));
    }

    /** Recall probability at a time, from whole days elapsed as py-fsrs counts them. */
    public double retrievability(Memory memory, Instant at) {
        return retrievability(Math.max(0, elapsedDays(memory.lastReview(), at)), memory.stability());
    }

    double retrievability(long elapsedDays, double stability) {
        return Math.pow(1 + factor * elapsedDays / stability, decay);
    }

    /** Whole days from one instant to another, rounded down (Python's timedelta.days). */
    static long elapsedDays(Instant from, Instant to) {
        return Math.floorDiv(Duration.between(from, to).getSeconds(), 86_400L);
    }

    double initialStability(int g) {
        return Math.max(w[g - 1], STABILITY_MIN);
    }

    double initialDifficulty(int g) {
        return w[4] - Math.exp(w[5] * (g - 1)) + 1;
    }

    double nextDifficulty(double d, int g) {
        double delta = -w[6] * (g - 3);
        double damped = d + (10 - d) * delta / 9;
        return clampDifficulty(w[7] * initialDifficulty(4) + (1 - w[7]) * damped);
    }

    double shortTermStability(double s, int g) {
        double increase = Math.exp(w[17] * (g - 3 + w[18])) * Math.pow(s, -w[19]);
        if (g >= 3) {
            increase = Math.max(increase, 1);
        }
        return Math.max(s * increase, STABILITY_MIN);
    }

    double nextStability(double d, double s, double r, int g) {
        double next = g == 1 ? forgetStability(d, s, r) : recallStability(d, s, r, g);
        return Math.max(next, STABILITY_MIN);
    }

    private double recallStability(double d, double s, double r, int g) {
        double hard = g == 2 ? w[15] : 1;
        double easy = g == 4 ? w[16] : 1;
        return s * (1 + Math.exp(w[8]) * (11 - d) * Math.pow(s, -w[9]) * (Math.exp((1 - r) * w[10]) - 1) * hard * easy);
    }

    private double forgetStability(double d, double s, double r) {
        double longTerm = w[11] * Math.pow(d, -w[12]) * (Math.pow(s + 1, w[13]) - 1) * Math.exp((1 - r) * w[14]);
        double shortTerm = s / Math.exp(w[17] * w[18]);
        return Math.min(longTerm, shortTerm);
    }

    /** Days until recall falls to the desired retention, rounded half to even, in [1, maximum]. */
    int nextInterval(double stability) {
        double days = stability / factor * (Math.pow(desiredRetention, 1 / decay) - 1);
        return (int) Math.min(Math.max(Math.rint(days), 1), maximumInterval);
    }

    private static double clampDifficulty(double d) {
        return Math.min(Math.max(d, DIFFICULTY_MIN), DIFFICULTY_MAX);
    }

    @Override
    public String toString() {
        return "FSRS-6 w=" + Arrays.toString(w) + " retention=" + desiredRetention;
    }
}
