package org.studyloop.practice.session;

import java.util.List;
import java.util.Optional;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.SkillId;
import org.studyloop.practice.AssignmentId;
import org.studyloop.practice.SessionMode;

/**
 * What a student asks to practise. ADAPTIVE takes a course (optionally narrowed to some of its
 * skills) or a set of skills; QUIZ an assignment, a list of items, or a course or skills to draw
 * {@code count} items from; EXAM a course and optionally a blueprint, and with {@code adaptive}
 * its items chosen one by one by computerized adaptive testing, at most {@code maxItems}; REVIEW
 * nothing more.
 */
public record Start(
        SessionMode mode,
        Optional<CourseId> courseId,
        List<SkillId> skillIds,
        Optional<AssignmentId> assignmentId,
        List<ItemId> itemIds,
        Optional<Integer> count,
        Optional<Blueprint> blueprint,
        boolean adaptive,
        Optional<Integer> maxItems) {

    public Start {
        skillIds = List.copyOf(skillIds);
        itemIds = List.copyOf(itemIds);
    }

    /** A session that is not an adaptive exam. */
    public Start(
            SessionMode mode,
            Optional<CourseId> courseId,
            List<SkillId> skillIds,
            Optional<AssignmentId> assignmentId,
            List<ItemId> itemIds,
            Optional<Integer> count,
            Optional<Blueprint> blueprint) {
        this(mode, courseId, skillIds, assignmentId, itemIds, count, blueprint, false, Optional.empty());
    }

    /** A mock exam's form: sections drawing a number of items per skill, and a time limit. */
    public record Blueprint(Optional<Integer> timeLimitMinutes, List<Section> sections) {
        public Blueprint {
            sections = List.copyOf(sections);
        }
    }

    public record Section(String title, List<SkillCount> skills) {
        public Section {
            skills = List.copyOf(skills);
        }
    }

    public record SkillCount(SkillId skillId, int count) {}
}
