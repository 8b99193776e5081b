package org.studyloop.mastery.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.studyloop.catalog.SkillId;
import org.studyloop.identity.UserId;
import org.studyloop.mastery.bank.CourseGraphs;
import org.studyloop.mastery.model.TraceModel;
import org.studyloop.mastery.online.LearnerSnapshot;
import org.studyloop.mastery.online.LearnerStore;
import org.studyloop.mastery.online.MasteryProperties;
import org.studyloop.mastery.online.ModelParameters;

/**
 * A student's skills as the endpoints show them: mastery as of now from the committed state and the
 * parameters in use (so every endpoint and the dashboard agree), focus areas and due reviews.
 */
@Component
class LearnerViews {

    /** A skill the student answered on. */
    record SkillView(SkillId skillId, String name, double mastery, double confidence, int attempts, int dependents) {}

    /** A skill worth working on: {@code score} = mastery deficit × (1 + skills depending on it). */
    record Focus(SkillView skill, double deficit, double score, String reason) {}

    /** A review that is due. */
    record Due(SkillId skillId, String name, Instant dueAt) {}

    private final LearnerStore store;
    private final ModelParameters parameters;
    private final CourseGraphs graphs;
    private final MasteryProperties properties;
    private final Clock clock;

    LearnerViews(
            LearnerStore store,
            ModelParameters parameters,
            CourseGraphs graphs,
            MasteryProperties properties,
            Clock clock) {
        this.store = store;
        this.parameters = parameters;
        this.graphs = graphs;
        this.properties = properties;
        this.clock = clock;
    }

    /** Every skill with evidence, in course order (unknown skills last). */
    List<SkillView> skills(UserId student) {
        var snapshot = store.load(student, false);
        var version = parameters.current();
        long now = clock.instant().getEpochSecond();
        var order = new java.util.HashMap<SkillId, Integer>();
        graphs.skills().keySet().forEach(skill -> order.put(skill, order.size()));
        return snapshot.skills().keySet().stream()
                .sorted(Comparator.comparingInt((SkillId s) -> order.getOrDefault(s, Integer.MAX_VALUE))
                        .thenComparing(SkillId::toString))
                .map(skill -> view(snapshot, version, skill, now))
                .toList();
    }

    private SkillView view(LearnerSnapshot snapshot, ModelParameters.Version version, SkillId skill, long now) {
        var trace = snapshot.trace(skill);
        var entry = Optional.ofNullable(graphs.skills().get(skill));
        int dependents = entry.flatMap(e -> graphs.course(e.courseId()))
                .map(g -> g.dependentsOf(skill))
                .orElse(0);
        return new SkillView(
                skill,
                entry.map(CourseGraphs.SkillEntry::name).orElse("A skill no longer in a course"),
                version.model().mastery(snapshot.learner(), trace, version.easiness(skill), now),
                TraceModel.confidence(trace.answers()),
                trace.answers(),
                dependents);
    }

    /** The skills below the mastery goal, by deficit × importance, highest first. */
    List<Focus> focusAreas(UserId student) {
        double goal = properties.masteryThreshold();
        return skills(student).stream()
                .filter(s -> s.mastery() < goal)
                .map(s -> {
                    double deficit = goal - s.mastery();
                    return new Focus(s, deficit, deficit * (1 + s.dependents()), reason(s, goal));
                })
                .sorted(Comparator.comparingDouble(Focus::score)
                        .reversed()
                        .thenComparingDouble(f -> f.skill().mastery()))
                .toList();
    }

    private static String reason(SkillView s, double goal) {
        var text = new StringBuilder(String.format(
                Locale.ROOT,
                "Mastery %d%% after %d answer%s, below the %d%% goal",
                Math.round(100 * s.mastery()),
                s.attempts(),
                s.attempts() == 1 ? "" : "s",
                Math.round(100 * goal)));
        if (s.dependents() > 0) {
            text.append(String.format(
                    Locale.ROOT,
                    "; %d later skill%s build%s on it",
                    s.dependents(),
                    s.dependents() == 1 ? "" : "s",
                    s.dependents() == 1 ? "s" : ""));
        }
        if (s.confidence() < 0.5) {
            text.append("; few answers so far, so the estimate is rough");
        }
        return text.append('.').toString();
    }

    List<Due> dueReviews(UserId student, int limit) {
        var directory = graphs.skills();
        return store.due(student, clock.instant(), limit).stream()
                .map(row -> new Due(
                        row.skillId(),
                        Optional.ofNullable(directory.get(row.skillId()))
                                .map(CourseGraphs.SkillEntry::name)
                                .orElse("A skill no longer in a course"),
                        row.dueAt()))
                .toList();
    }
}
