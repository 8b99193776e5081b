package org.studyloop.practice.session;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.studyloop.catalog.SkillId;
import org.studyloop.practice.LearnerModel;

/**
 * The rules of an adaptive exam (EXAM with {@code "adaptive": true}) and its latest ability
 * estimate: the learner model chooses each item (computerized adaptive testing) until the
 * estimate's standard error reaches the target or {@code maxItems} are answered.
 *
 * @param sections the blueprint's sections, each with its skills and its share of the items
 * @param ability the estimate after the answers so far, on the logit scale; null before the first
 *     choice
 */
public record AdaptivePlan(
        int maxItems,
        double targetStandardError,
        List<Section> sections,
        @Nullable Double ability,
        @Nullable Double standardError) {

    /** The standard error an adaptive exam stops at by default, as in issue #6 and common CAT practice. */
    static final double DEFAULT_TARGET_STANDARD_ERROR = 0.30;

    /** Items an adaptive exam gives at most by default. */
    static final int DEFAULT_MAX_ITEMS = 30;

    public AdaptivePlan {
        sections = List.copyOf(sections);
    }

    /** A section: its title, skills and share (the item count its blueprint asked for). */
    public record Section(String title, List<UUID> skills, int share) {
        public Section {
            skills = List.copyOf(skills);
        }
    }

    AdaptivePlan estimated(double estimate, double error) {
        return new AdaptivePlan(maxItems, targetStandardError, sections, estimate, error);
    }

    List<LearnerModel.Area> areas() {
        return sections.stream()
                .map(s -> new LearnerModel.Area(
                        s.title(), s.skills().stream().map(SkillId::new).toList(), s.share()))
                .toList();
    }
}
