package org.studyloop.mastery.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.studyloop.classroom.Classroom;
import org.studyloop.identity.Actor;
import org.studyloop.identity.UserId;
import org.studyloop.mastery.advice.Recommendations;

/** API.md's recommendations of one student: ranked skills, lessons and items, each with its reason. */
@RestController
@Tag(name = "Learner model")
class RecommendationsController {

    /** {@code kind} is SKILL (id a skill id), LESSON (a lesson id) or ITEM (an item id). */
    record RecommendationView(String kind, UUID id, String title, String reason) {}

    private final Recommendations recommendations;
    private final Classroom classroom;

    RecommendationsController(Recommendations recommendations, Classroom classroom) {
        this.recommendations = recommendations;
        this.classroom = classroom;
    }

    @GetMapping("/api/v1/users/{userId}/recommendations")
    List<RecommendationView> recommendations(Actor actor, @PathVariable UUID userId) {
        var student = new UserId(userId);
        classroom.requireLearnerAccess(actor, student);
        return recommendations.of(student).stream()
                .map(r -> new RecommendationView(r.kind().name(), r.id(), r.title(), r.reason()))
                .toList();
    }
}
