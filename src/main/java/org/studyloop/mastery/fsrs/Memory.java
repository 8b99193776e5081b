package org.studyloop.mastery.fsrs;

import java.time.Instant;

/**
 * The FSRS memory state of one student on one skill after at least one review.
 *
 * @param stability S, in days: the interval at which recall probability falls to 90%
 * @param difficulty D, in [1, 10]
 * @param lastReview when it was last reviewed
 * @param reviews reviews so far
 * @param lapses reviews rated Again
 */
public record Memory(double stability, double difficulty, Instant lastReview, int reviews, int lapses) {}
