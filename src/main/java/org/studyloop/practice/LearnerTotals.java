package org.studyloop.practice;

import java.time.Instant;
import java.util.Optional;

/**
 * A student's practice counters for the dashboard.
 *
 * @param credit the credit earned, summed over answers
 * @param sessions sessions in which the student answered at least once
 * @param streakDays consecutive UTC days with an answer, ending today or yesterday
 */
public record LearnerTotals(
        int totalAnswers,
        int correctAnswers,
        double credit,
        int sessions,
        int streakDays,
        Optional<Instant> lastAnswerAt) {

    public static final LearnerTotals NONE = new LearnerTotals(0, 0, 0, 0, 0, Optional.empty());
}
