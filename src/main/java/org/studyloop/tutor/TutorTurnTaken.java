package org.studyloop.tutor;

import java.time.Instant;
import java.util.List;
import org.studyloop.catalog.SkillId;
import org.studyloop.identity.UserId;

/**
 * A tutor turn was answered, published in the transaction that stores it: what was asked
 * (the intent), by which engine it was answered, and how far up the hint ladder it went.
 */
public record TutorTurnTaken(
        ConversationId conversationId,
        UserId studentId,
        String intent,
        String engine,
        int hintLevel,
        List<SkillId> skillIds,
        Instant at) {

    public TutorTurnTaken {
        skillIds = List.copyOf(skillIds);
    }
}
