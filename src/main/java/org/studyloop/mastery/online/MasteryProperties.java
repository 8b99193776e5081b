package org.studyloop.mastery.online;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the learner model under {@code studyloop.mastery}.
 *
 * @param masteryThreshold the mastery at which a skill counts as mastered: its dependants open up
 *     and focus areas stop listing it. 0.8 is the usual bar of mastery learning (Bloom 1968 asked
 *     80–90% on formative tests; Corbett and Anderson's tutors 95% on a BKT estimate, which is
 *     stricter than a P(correct) on an average item).
 * @param targetSuccess the predicted success the next item should be nearest to: about 0.75 keeps
 *     practice desirably difficult without discouraging (Bjork 1994; the "85% rule" of Wilson et
 *     al. 2019 is an upper bound for learning speed in simple tasks)
 * @param nearBest how many of the items nearest the target the choice is drawn from at random
 *     (randomesque exposure control, Kingsbury and Zara 1989)
 * @param maxRun answers in a row on one skill before another ready skill gets a turn
 *     (interleaving, Rohrer and Taylor 2007)
 * @param desiredRetention FSRS's target recall probability when a review falls due
 * @param quickAnswer a right answer without hints faster than this is rated Easy for FSRS
 * @param calibrationFlush how often the items' calibration is written to the database
 * @param cachedLearners how many students' states are kept in memory
 * @param outlook the forecast of course mastery and the risk rules
 */
@ConfigurationProperties("studyloop.mastery")
public record MasteryProperties(
        @DefaultValue("0.8") double masteryThreshold,
        @DefaultValue("0.75") double targetSuccess,
        @DefaultValue("3") int nearBest,
        @DefaultValue("3") int maxRun,
        @DefaultValue("0.9") double desiredRetention,
        @DefaultValue("10s") Duration quickAnswer,
        @DefaultValue("5s") Duration calibrationFlush,
        @DefaultValue("100000") int cachedLearners,
        @DefaultValue Outlook outlook) {

    public MasteryProperties {
        if (!(masteryThreshold > 0 && masteryThreshold < 1) || !(targetSuccess > 0 && targetSuccess < 1)) {
            throw new IllegalArgumentException(
                    "studyloop.mastery.mastery-threshold and target-success must be in (0, 1)");
        }
        if (!(desiredRetention >= 0.7 && desiredRetention <= 0.99)) {
            throw new IllegalArgumentException("studyloop.mastery.desired-retention must be in [0.7, 0.99]");
        }
        if (nearBest < 1 || maxRun < 1 || cachedLearners < 1) {
            throw new IllegalArgumentException(
                    "studyloop.mastery.near-best, max-run and cached-learners must be positive");
        }
    }

    /**
     * The forecast of a student's course mastery and the risk rules, under {@code
     * studyloop.mastery.outlook}.
     *
     * @param recentWeeks the weeks of activity the forecast resamples (answers and active days of
     *     each): recent enough to reflect the student's current habits
     * @param priorAnswers how many answers' worth of weight the cohort's learning rate has against
     *     the student's own (empirical Bayes shrinkage, Efron and Morris 1975): a student with this
     *     many answers is weighted half on their own rate. 10 was better than 50 in the backtest on
     *     the training students (bench/README, "Forecast backtest")
     * @param forgettingHalfLife how long course mastery takes to halve without practice; applied per
     *     idle day (the exponential forgetting curve of Ebbinghaus 1885, as in Pimsleur 1967 and the
     *     half-life regression of Settles and Meeder 2016)
     * @param interval the central probability of the forecast's interval (0.8 gives the 10th and
     *     90th percentiles of the simulations)
     * @param samples how many futures the forecast simulates
     * @param rateSpreadScale the factor on the learning rate's spread that makes the interval cover
     *     what it claims to: 1.7 gave 80% coverage on the training students of the ASSISTments
     *     backtest at a cut half-way (1.0 gave 65%, 2.0 gave 84%; bench/README, "Forecast backtest")
     * @param targetMastery the course mastery a student should reach at {@code targetDays}
     * @param targetDays the forecast horizon compared with {@code targetMastery}
     * @param inactiveDays days without an answer that make the risk MEDIUM
     * @param inactiveDaysHigh days without an answer that make the risk HIGH
     * @param fallingMastery a fall of course mastery over about two weeks that makes the risk MEDIUM
     * @param fallingMasteryHigh a fall that makes it HIGH
     * @param reassessAfter how long a stored risk stays fresh before answers assess it again
     */
    public record Outlook(
            @DefaultValue("4") int recentWeeks,
            @DefaultValue("10") int priorAnswers,
            @DefaultValue("90d") Duration forgettingHalfLife,
            @DefaultValue("0.8") double interval,
            @DefaultValue("400") int samples,
            @DefaultValue("1.7") double rateSpreadScale,
            @DefaultValue("0.6") double targetMastery,
            @DefaultValue("90") int targetDays,
            @DefaultValue("7") int inactiveDays,
            @DefaultValue("14") int inactiveDaysHigh,
            @DefaultValue("0.05") double fallingMastery,
            @DefaultValue("0.15") double fallingMasteryHigh,
            @DefaultValue("1h") Duration reassessAfter) {

        public Outlook {
            if (recentWeeks < 1 || priorAnswers < 1 || samples < 10 || targetDays < 1 || !(rateSpreadScale > 0)) {
                throw new IllegalArgumentException(
                        "studyloop.mastery.outlook: recent-weeks, prior-answers, target-days, rate-spread-scale must be positive,"
                                + " samples at least 10");
            }
            if (!(interval > 0 && interval < 1) || !(targetMastery > 0 && targetMastery < 1)) {
                throw new IllegalArgumentException(
                        "studyloop.mastery.outlook.interval and target-mastery must be in (0, 1)");
            }
            if (inactiveDaysHigh < inactiveDays || fallingMasteryHigh < fallingMastery || fallingMastery <= 0) {
                throw new IllegalArgumentException(
                        "studyloop.mastery.outlook: the HIGH thresholds must not be below the MEDIUM ones");
            }
            if (forgettingHalfLife.isNegative() || forgettingHalfLife.isZero()) {
                throw new IllegalArgumentException("studyloop.mastery.outlook.forgetting-half-life must be positive");
            }
        }

        /** The settings as their defaults: for commands and tests that run without Spring. */
        public static Outlook defaults() {
            return new Outlook(
                    4, 50, Duration.ofDays(90), 0.8, 400, 1.0, 0.6, 90, 7, 14, 0.05, 0.15, Duration.ofHours(1));
        }
    }
}
