package org.studyloop.insight.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.studyloop.classroom.Classroom;
import org.studyloop.identity.Actor;
import org.studyloop.identity.UserId;
import org.studyloop.practice.LearnerModel;
import org.studyloop.practice.Practice;

/** API.md's student dashboard document: the practice counters and the learner model's summary. */
@RestController
@Tag(name = "Learner model")
class DashboardController {

    /** How many due reviews the dashboard counts at most ("20+" is as useful as an exact 143). */
    static final int DUE_LIMIT = 100;

    private final Practice practice;
    private final LearnerModel model;
    private final Classroom classroom;
    private final Clock clock;

    DashboardController(Practice practice, LearnerModel model, Classroom classroom, Clock clock) {
        this.practice = practice;
        this.model = model;
        this.classroom = classroom;
        this.clock = clock;
    }

    /**
     * @param masteryAverage the mean mastery over the skills with evidence, null before any answer
     * @param dueReviews reviews due now, counted up to 100
     */
    record Dashboard(
            UUID userId,
            int totalAnswers,
            int correctAnswers,
            int sessions,
            int streakDays,
            @Nullable Instant lastAnswerAt,
            int dueReviews,
            @Nullable Double masteryAverage,
            List<SkillLine> skills) {}

    record SkillLine(UUID skillId, double mastery, double confidence, int attempts) {}

    @GetMapping("/api/v1/users/{userId}/dashboard")
    Dashboard dashboard(Actor actor, @PathVariable UUID userId) {
        var student = new UserId(userId);
        classroom.requireLearnerAccess(actor, student);
        var now = clock.instant();
        var totals = practice.totals(student);
        var levels = model.mastery(student, List.of());
        var average =
                levels.stream().mapToDouble(LearnerModel.SkillLevel::mastery).average();
        return new Dashboard(
                userId,
                totals.totalAnswers(),
                totals.correctAnswers(),
                totals.sessions(),
                totals.streakDays(),
                totals.lastAnswerAt().orElse(null),
                model.dueReviews(student, now, DUE_LIMIT).size(),
                average.isPresent() ? average.getAsDouble() : null,
                levels.stream()
                        .map(l -> new SkillLine(l.skillId().value(), l.mastery(), l.confidence(), l.answers()))
                        .toList());
    }
}
