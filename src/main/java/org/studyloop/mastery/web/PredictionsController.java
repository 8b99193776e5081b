package org.studyloop.mastery.web;

import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.studyloop.mastery.outlook.Outlooks;

/** API.md's predictions of one student: course mastery at +30/60/90 days and the risk. */
@RestController
@Tag(name = "Learner model")
class PredictionsController {

    /**
     * @param courseMastery the mean mastery over the courses' skills now, 0 for a skill without evidence
     * @param courseIds the courses it is taken over: the student's classes' and those they practised
     * @param masteryPerAnswer the course mastery one answer adds at the start, from the student's
     *     learning rate shrunk towards the cohort's
     * @param answersPerWeek the mean over the recent weeks the forecast resamples
     * @param activeDaysPerWeek likewise
     */
    record Predictions(
            UUID userId,
            double courseMastery,
            List<UUID> courseIds,
            int answers,
            double masteryPerAnswer,
            double answersPerWeek,
            double activeDaysPerWeek,
            @Nullable Instant lastAnswerAt,
            List<ForecastPoint> forecast,
            RiskView risk) {}

    /** The expected course mastery at a horizon and its interval (80% by default). */
    record ForecastPoint(int days, double expectedMastery, double low, double high) {}

    record RiskView(String level, List<String> reasons) {}

    private final Outlooks outlooks;
    private final Classroom classroom;

    PredictionsController(Outlooks outlooks, Classroom classroom) {
        this.outlooks = outlooks;
        this.classroom = classroom;
    }

    @GetMapping("/api/v1/users/{userId}/predictions")
    Predictions predictions(Actor actor, @PathVariable UUID userId) {
        var student = new UserId(userId);
        classroom.requireLearnerAccess(actor, student);
        var o = outlooks.of(student);
        return new Predictions(
                userId,
                o.mastery(),
                o.courses().stream().map(g -> g.outline().courseId().value()).toList(),
                o.answers(),
                o.ratePerAnswer(),
                o.recentWeeks().stream().mapToInt(w -> w.answers()).average().orElse(0),
                o.recentWeeks().stream().mapToInt(w -> w.activeDays()).average().orElse(0),
                o.lastAnswerAt().orElse(null),
                o.forecast().stream()
                        .map(p -> new ForecastPoint(p.days(), p.expected(), p.low(), p.high()))
                        .toList(),
                new RiskView(o.risk().level().name(), o.risk().texts()));
    }
}
