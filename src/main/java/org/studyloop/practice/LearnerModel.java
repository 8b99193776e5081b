package org.studyloop.practice;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.SkillId;
import org.studyloop.identity.UserId;

/**
 * The port practice calls on the learner model (DESIGN.md, "The answer loop"): it learns from each
 * answer, picks each next item of an adaptive or review session, and says which reviews are due.
 * The mastery module implements it; until one is present, practice's plain model serves.
 *
 * <p>{@link #record} and {@link #next} run inside the answer's transaction: what they write
 * commits or rolls back with the attempt. They must stay cheap — O(skills of the item) for
 * {@link #record}, no scan of the student's history — since every answer waits for them.
 */
public interface LearnerModel {

    /** Learns from an answer; gives the item's skills' mastery before and after it. */
    List<MasteryChange> record(Evidence evidence);

    /**
     * The next item for an adaptive or review session, or empty when there is nothing left to
     * offer (a review session whose due items are done). The item may be a template: practice
     * serves an instance of it.
     */
    Optional<ItemId> next(Scope scope);

    /** What is due for review now, soonest first, at most {@code limit}. */
    List<DueReview> dueReviews(UserId student, Instant now, int limit);

    /** The student's mastery of these skills (all skills with evidence when empty), for dashboards. */
    List<SkillLevel> mastery(UserId student, Collection<SkillId> skills);

    /**
     * One graded answer.
     *
     * @param credit the score after the hint penalty, in [0, 1]
     * @param hintsAvailable the length of the item's hint ladder
     * @param difficulty the author's prior for the item, on the logit scale, when given
     */
    record Evidence(
            UserId student,
            ItemId itemId,
            List<SkillId> skills,
            Optional<Double> difficulty,
            boolean correct,
            double credit,
            int hintsUsed,
            int hintsAvailable,
            Duration elapsed,
            Instant answeredAt,
            SessionMode mode) {

        public Evidence {
            skills = List.copyOf(skills);
        }
    }

    /**
     * What a session practises and what it has shown.
     *
     * @param skills the skills in scope, in the course's prerequisite order
     * @param seen items the student answered before the session and those served in it
     * @param recent this session's items, oldest first
     */
    record Scope(
            UserId student,
            SessionMode mode,
            Optional<CourseId> courseId,
            List<SkillId> skills,
            Set<ItemId> seen,
            List<ItemId> recent,
            Instant now) {

        public Scope {
            skills = List.copyOf(skills);
            seen = Set.copyOf(seen);
            recent = List.copyOf(recent);
        }
    }

    /** A skill's mastery before and after an answer, each in [0, 1]. */
    record MasteryChange(SkillId skillId, double before, double after) {}

    /** A review that is due: a skill, or an item of it when the model schedules items. */
    record DueReview(SkillId skillId, Optional<ItemId> itemId, Instant dueAt) {}

    /** A student's mastery of a skill in [0, 1], with its confidence in [0, 1] and the answers seen. */
    record SkillLevel(SkillId skillId, double mastery, double confidence, int answers) {}
}
