package org.studyloop.mastery.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.studyloop.classroom.Classroom;
import org.studyloop.identity.Actor;
import org.studyloop.identity.UserId;

/**
 * API.md's learner model calls on one student: mastery per skill, focus areas and due reviews. Each
 * asks the classroom's access policy first; anyone else gets 404.
 */
@RestController
@Validated
@Tag(name = "Learner model")
class LearnerModelController {

    /** A skill's mastery in [0, 1], with its confidence and the answers behind it. */
    record SkillMasteryView(UUID skillId, String name, double mastery, double confidence, int attempts) {}

    /**
     * A skill to focus on, ranked by {@code score} = (goal − mastery) × (1 + dependents).
     *
     * @param dependents how many skills of the course build on it, directly or through others
     */
    record FocusAreaView(
            UUID skillId,
            String name,
            double mastery,
            double confidence,
            int attempts,
            int dependents,
            double score,
            String reason) {}

    /** A due review: the skill is scheduled (FSRS-6); {@code itemId} is null for a skill review. */
    record DueReviewView(UUID skillId, @Nullable UUID itemId, String name, Instant dueAt) {}

    private final LearnerViews views;
    private final Classroom classroom;

    LearnerModelController(LearnerViews views, Classroom classroom) {
        this.views = views;
        this.classroom = classroom;
    }

    @GetMapping("/api/v1/users/{userId}/mastery")
    List<SkillMasteryView> mastery(Actor actor, @PathVariable UUID userId) {
        var student = allowed(actor, userId);
        return views.skills(student).stream()
                .map(s ->
                        new SkillMasteryView(s.skillId().value(), s.name(), s.mastery(), s.confidence(), s.attempts()))
                .toList();
    }

    @GetMapping("/api/v1/users/{userId}/focus-areas")
    List<FocusAreaView> focusAreas(Actor actor, @PathVariable UUID userId) {
        var student = allowed(actor, userId);
        return views.focusAreas(student).stream()
                .map(f -> new FocusAreaView(
                        f.skill().skillId().value(),
                        f.skill().name(),
                        f.skill().mastery(),
                        f.skill().confidence(),
                        f.skill().attempts(),
                        f.skill().dependents(),
                        f.score(),
                        f.reason()))
                .toList();
    }

    @GetMapping("/api/v1/users/{userId}/reviews/due")
    List<DueReviewView> dueReviews(
            Actor actor, @PathVariable UUID userId, @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        var student = allowed(actor, userId);
        return views.dueReviews(student, limit).stream()
                .map(d -> new DueReviewView(d.skillId().value(), null, d.name(), d.dueAt()))
                .toList();
    }

    private UserId allowed(Actor actor, UUID userId) {
        var student = new UserId(userId);
        classroom.requireLearnerAccess(actor, student);
        return student;
    }
}
