package org.studyloop.practice.session;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The answer of API.md's {@code POST …/answers}. During an exam the grade, feedback and solution
 * are null until it ends; a response that could not be read is not recorded and leaves the item
 * open ({@code recorded} false).
 *
 * @param score the grade of the response, from 0 to 1
 * @param credit the score after the hint penalty
 * @param outcome CORRECT, PARTIAL, INCORRECT, UNREADABLE or PENDING (an essay)
 * @param remainingSeconds for an exam, the time left
 */
public record AnswerResult(
        @Nullable Boolean correct,
        @Nullable Double score,
        @Nullable Double credit,
        @Nullable String outcome,
        @Nullable String feedback,
        @Nullable String solution,
        List<MasteryChangeView> masteryChanges,
        @Nullable StudentItem nextItem,
        boolean recorded,
        int hintsUsed,
        int answers,
        @Nullable Long remainingSeconds) {

    public record MasteryChangeView(UUID skillId, double before, double after) {}
}
