package org.studyloop.practice;

import java.time.Instant;
import java.util.List;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.SkillId;
import org.studyloop.identity.UserId;

/**
 * A graded answer, published in the transaction that records the attempt: listeners (streaks,
 * read models, exports) run after commit from the event publication registry.
 *
 * @param score the grade of the response, from 0 to 1
 * @param credit the score after the hint penalty, what the learner model learns from
 */
public record AnswerRecorded(
        UserId studentId,
        SessionId sessionId,
        SessionMode mode,
        ItemId itemId,
        int itemVersion,
        List<SkillId> skillIds,
        boolean correct,
        double score,
        double credit,
        int hintsUsed,
        long elapsedMs,
        Instant answeredAt) {

    public AnswerRecorded {
        skillIds = List.copyOf(skillIds);
    }
}
