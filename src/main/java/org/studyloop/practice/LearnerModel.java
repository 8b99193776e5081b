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

    /**
     * The next item of an adaptive exam (computerized adaptive testing) and the ability estimate
     * from the answers so far; no item once the test should stop (standard error at the target,
     * maximum length, or nothing left to give). Runs inside the answer's transaction, like {@link
     * #next}.
     */
    AdaptiveStep adaptiveTest(AdaptiveExam exam);

    /** What is due for review now, soonest first, at most {@code limit}. */
    List<DueReview> dueReviews(UserId student, Instant now, int limit);

    /** The student's mastery of these skills (all skills with evidence when empty), for dashboards. */
    List<SkillLevel> mastery(UserId student, Collection<SkillId> skills);

    /**
     * One graded answer.
     *
     * @param itemId the item answered (for a template, the instance served)
     * @param family the item the answer is evidence about: the item answered, or for an instance of
     *     a template, the template, whose instances are calibrated as one item
     * @param credit the score after the hint penalty, in [0, 1]
     * @param hintsAvailable the length of the item's hint ladder
     * @param difficulty the author's prior for the item, on the logit scale, when given
     */
    record Evidence(
            UserId student,
            ItemId itemId,
            ItemId family,
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

    /**
     * An adaptive exam so far.
     *
     * @param areas the blueprint's sections, each to get its share of the items
     * @param responses the graded answers given in the exam, in order
     * @param seen items not to give again (those served in the exam, answered or not)
     * @param targetStandardError stop once the ability's standard error is at most this
     * @param maxItems stop after this many answers
     */
    record AdaptiveExam(
            UserId student,
            List<Area> areas,
            List<Response> responses,
            Set<ItemId> seen,
            double targetStandardError,
            int maxItems) {

        public AdaptiveExam {
            areas = List.copyOf(areas);
            responses = List.copyOf(responses);
            seen = Set.copyOf(seen);
        }
    }

    /** A section of an adaptive exam: its skills and its share of the items (a weight). */
    record Area(String title, List<SkillId> skills, int share) {
        public Area {
            skills = List.copyOf(skills);
        }
    }

    /** A graded answer of an adaptive exam. */
    record Response(ItemId itemId, boolean correct) {}

    /**
     * The ability estimate after the answers so far (logit scale, 0 = an average student) with its
     * standard error, and the next item unless the test stops.
     */
    record AdaptiveStep(Optional<ItemId> next, double ability, double standardError) {}

    /** A skill's mastery before and after an answer, each in [0, 1]. */
    record MasteryChange(SkillId skillId, double before, double after) {}

    /** A review that is due: a skill, or an item of it when the model schedules items. */
    record DueReview(SkillId skillId, Optional<ItemId> itemId, Instant dueAt) {}

    /** A student's mastery of a skill in [0, 1], with its confidence in [0, 1] and the answers seen. */
    record SkillLevel(SkillId skillId, double mastery, double confidence, int answers) {}
}
