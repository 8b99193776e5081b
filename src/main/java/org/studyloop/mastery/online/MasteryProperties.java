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
        @DefaultValue("100000") int cachedLearners) {

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
}
