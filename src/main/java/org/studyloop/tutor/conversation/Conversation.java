package org.studyloop.tutor.conversation;

import java.time.Instant;
import java.util.Optional;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.ItemId;
import org.studyloop.identity.UserId;
import org.studyloop.practice.SessionId;
import org.studyloop.tutor.ConversationId;

/**
 * A conversation and its ladder state.
 *
 * @param hintLevel the highest rung of the item's hint ladder shown so far, 0 for none
 * @param checks the "check my answer" requests graded so far
 */
public record Conversation(
        ConversationId id,
        UserId student,
        Optional<CourseId> courseId,
        Optional<ItemId> itemId,
        Optional<SessionId> sessionId,
        String title,
        int hintLevel,
        boolean solutionShown,
        int checks,
        Instant createdAt,
        Instant updatedAt) {

    public Conversation after(int level, boolean solution, int checked, Instant at) {
        return new Conversation(
                id, student, courseId, itemId, sessionId, title, level, solution, checked, createdAt, at);
    }
}
