package org.studyloop.tutor.turn;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.CourseOutline;
import org.studyloop.catalog.ItemSnapshot;
import org.studyloop.identity.UserId;
import org.studyloop.practice.LastAttempt;
import org.studyloop.tutor.conversation.Conversation;
import org.studyloop.tutor.conversation.StoredTurn;
import org.studyloop.tutor.memory.Profile;
import org.studyloop.tutor.memory.SkillNote;

/**
 * What one turn knows after retrieval: the message and its diagnosis; for an item conversation the
 * item, its skills and the student's last attempt; the student's mastery of the skills involved
 * (the lowest, when evidence exists); the lesson passages retrieved for the question; the tutor's
 * memory of the student; and the conversation's recent turns.
 */
public record TurnContext(
        UserId student,
        Conversation conversation,
        String message,
        Diagnosis diagnosis,
        Optional<ItemSnapshot> item,
        Optional<CourseId> courseId,
        List<CourseOutline.Skill> skills,
        Optional<LastAttempt> lastAttempt,
        OptionalDouble mastery,
        List<Source> sources,
        List<SkillNote> notes,
        Profile profile,
        List<StoredTurn> recent) {

    public TurnContext {
        skills = List.copyOf(skills);
        sources = List.copyOf(sources);
        notes = List.copyOf(notes);
        recent = List.copyOf(recent);
    }

    /** Whether the student has answered the item (a readable, graded answer): its solution may be shown. */
    public boolean answered() {
        return lastAttempt
                .filter(a -> !a.outcome().equals("UNREADABLE") && !a.outcome().equals("PENDING"))
                .isPresent();
    }

    public int ladder() {
        return item.map(i -> i.hints().size()).orElse(0);
    }

    public String skillNames() {
        return String.join(", ", skills.stream().map(CourseOutline.Skill::name).toList());
    }
}
