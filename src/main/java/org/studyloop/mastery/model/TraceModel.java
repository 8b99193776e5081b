package org.studyloop.mastery.model;

import java.util.Arrays;
import java.util.List;

/**
 * The online learner model: logistic regression over features that a {@link LearnerTrace} and the
 * {@link SkillTrace}s of an item's skills hold, so that both a prediction and an update cost
 * O(skills of the item). It keeps the groups of {@link LogisticKnowledgeModel} that are worth
 * keeping online (its ablation in {@code bench/README.md}): the Elo ability, global and per skill
 * (Pelánek, "Applications of the Elo rating system in adaptive educational systems", Computers
 * &amp; Education 98, 2016), the item's Elo difficulty, log-counts of successes and failures on the
 * skills (PFA, Pavlik, Cen and Koedinger, AIED 2009, on Best-LR's log scale, Gervet et al. 2020),
 * counts decayed per answer (R-PFA, Galyardt and Goldin 2015) and counts decayed by elapsed time,
 * DAS3H's time windows as exponential decay (Choffin et al., EDM 2019).
 *
 * <p>Per-item one-hot weights and per-item counts of Best-LR are left out: they need a row per
 * student and item. The item enters through its Elo difficulty, calibrated online.
 *
 * <p>Every weight on a student's evidence has a sign fixed by {@link #SIGNS}: a success can only
 * raise the prediction and a failure only lower it, so a student's mastery always moves with the
 * answer. The batch fit ({@link TraceKnowledgeModel}) keeps to those signs.
 */
public final class TraceModel {

    static final double LN2 = Math.log(2);
    /** Decay per answer of the fast and the slow recency counts, as {@link LogisticKnowledgeModel#DECAYS}. */
    static final double FAST = 0.5;

    static final double SLOW = 0.85;
    /** Half-lives of the time-decayed counts, in seconds: a day and 30 days. */
    static final double DAY = 86_400;

    static final double MONTH = 30 * 86_400;
    /** Elo step K = α / (1 + β·n), as in {@link EloKnowledgeModel}. */
    static final double ELO_ALPHA = 1.0;

    static final double ELO_BETA = 0.05;
    /** Answers on a skill at which its confidence reaches one half. */
    static final double CONFIDENCE_HALF = 4;

    public static final int INTERCEPT = 0;
    public static final int ABILITY = 1;
    public static final int LOCAL = 2;
    public static final int EASINESS = 3;
    public static final int WINS = 4;
    public static final int FAILS = 5;
    public static final int FAST_WINS = 6;
    public static final int FAST_FAILS = 7;
    public static final int SLOW_WINS = 8;
    public static final int SLOW_FAILS = 9;
    public static final int DAY_WINS = 10;
    public static final int DAY_FAILS = 11;
    public static final int MONTH_WINS = 12;
    public static final int MONTH_FAILS = 13;
    /** The number of shared weights. */
    public static final int SIZE = 14;

    /** The weights' names, as stored with a model version. */
    public static final List<String> NAMES = List.of(
            "intercept",
            "ability",
            "local_ability",
            "item_easiness",
            "log_wins",
            "log_fails",
            "fast_wins",
            "fast_fails",
            "slow_wins",
            "slow_fails",
            "day_wins",
            "day_fails",
            "month_wins",
            "month_fails");

    /** The sign each weight must have: +1 not negative, -1 not positive, 0 free. */
    static final int[] SIGNS = {0, 1, 1, 1, 1, -1, 1, -1, 1, -1, 1, -1, 1, -1};

    /**
     * The weights used until a fit on this deployment's own evidence exists: the shared weights of
     * {@code learner-eval --model online} fitted on the training file of ASSISTments 2009–2010
     * (Gervet et al. split, Q-matrix skills, bench/README.md; penalty 1e-5 chosen on validation
     * students), which has no times, so the time windows start at 0. They say how answers on a skill
     * predict the next one, not anything about that dataset's items or skills, whose own parameters
     * are not carried over.
     */
    static final double[] DEFAULTS = {0.4634, 0.6826, 0.2837, 0.0668, 0.0823, 0, 0.2497, 0, 0, -0.0104, 0, 0, 0, 0};

    private final double[] weights;

    public TraceModel(double[] weights) {
        if (weights.length != SIZE) {
            throw new IllegalArgumentException("the online model has " + SIZE + " weights, not " + weights.length);
        }
        for (int j = 0; j < SIZE; j++) {
            if (!Double.isFinite(weights[j]) || weights[j] * SIGNS[j] < 0) {
                throw new IllegalArgumentException("weight " + NAMES.get(j) + " = " + weights[j] + " breaks its sign");
            }
        }
        this.weights = weights.clone();
    }

    public static TraceModel defaults() {
        return new TraceModel(DEFAULTS);
    }

    public double[] weights() {
        return weights.clone();
    }

    /** Receives the shared features of one answer. */
    @FunctionalInterface
    interface Sink {
        void put(int column, double value);
    }

    /**
     * The shared features of the student's next answer at {@code time} to an item with Elo
     * difficulty {@code difficulty} and these skills' traces; skill easiness is added by the caller.
     */
    static void features(LearnerTrace learner, SkillTrace[] skills, double difficulty, long time, Sink sink) {
        sink.put(INTERCEPT, 1);
        sink.put(ABILITY, learner.ability());
        sink.put(LOCAL, meanLocal(skills));
        sink.put(EASINESS, -difficulty);
        for (var s : skills) {
            if (s.answers() == 0) {
                continue;
            }
            sink.put(WINS, Math.log1p(s.wins()));
            sink.put(FAILS, Math.log1p(s.fails()));
            sink.put(FAST_WINS, s.fastWins());
            sink.put(FAST_FAILS, s.fastFails());
            sink.put(SLOW_WINS, s.slowWins());
            sink.put(SLOW_FAILS, s.slowFails());
            sink.put(DAY_WINS, s.dayWinsAt(time));
            sink.put(DAY_FAILS, s.dayFailsAt(time));
            sink.put(MONTH_WINS, s.monthWinsAt(time));
            sink.put(MONTH_FAILS, s.monthFailsAt(time));
        }
    }

    /**
     * The log-odds of a right answer as the batch fit sees an item: {@code easiness} is the sum of
     * the skills' and the item's fitted easiness, {@code difficulty} the item's Elo difficulty.
     */
    public double logit(LearnerTrace learner, SkillTrace[] skills, double easiness, double difficulty, long time) {
        var sum = new double[] {easiness};
        features(learner, skills, difficulty, time, (column, value) -> sum[0] += weights[column] * value);
        return sum[0];
    }

    /**
     * The part of the log-odds that comes from the student: intercept, abilities and counts, all
     * but the item's terms. The online model adds the skills' easiness and its own calibrated item
     * term, {@code -difficulty}, which a fit sets to {@code easiness - w·eloDifficulty} and answers
     * move (see {@code mastery.online}).
     */
    public double evidence(LearnerTrace learner, SkillTrace[] skills, long time) {
        var sum = new double[1];
        features(learner, skills, 0, time, (column, value) -> sum[0] += weights[column] * value);
        return sum[0];
    }

    /** The weight of the Elo difficulty in a fitted item's term. */
    public double eloDifficultyWeight() {
        return weights[EASINESS];
    }

    /**
     * Mastery of a skill: P(correct) at {@code time} on an item of it of average difficulty, whose
     * own terms are zero, given the skill's easiness.
     */
    public double mastery(LearnerTrace learner, SkillTrace skill, double easiness, long time) {
        return LogisticObjective.sigmoid(easiness + evidence(learner, new SkillTrace[] {skill}, time));
    }

    /** How much evidence stands behind a mastery, in [0, 1). */
    public static double confidence(int answers) {
        return answers / (answers + CONFIDENCE_HALF);
    }

    /** The Elo model's own prediction, σ(θ + mean θ_k − b), which drives the Elo updates. */
    public static double eloProbability(LearnerTrace learner, SkillTrace[] skills, double difficulty) {
        return LogisticObjective.sigmoid(learner.ability() + meanLocal(skills) - difficulty);
    }

    /** The Elo step size after {@code n} answers: K = α / (1 + β·n). */
    public static double eloStep(int n) {
        return ELO_ALPHA / (1 + ELO_BETA * n);
    }

    private static double meanLocal(SkillTrace[] skills) {
        if (skills.length == 0) {
            return 0;
        }
        double sum = 0;
        for (var s : skills) {
            sum += s.local();
        }
        return sum / skills.length;
    }

    @Override
    public String toString() {
        return "TraceModel" + Arrays.toString(weights);
    }
}
