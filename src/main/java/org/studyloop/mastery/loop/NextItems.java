package org.studyloop.mastery.loop;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.SkillId;
import org.studyloop.mastery.bank.CourseGraphs;
import org.studyloop.mastery.bank.ItemIndex;
import org.studyloop.mastery.bank.ItemIndex.ItemMeta;
import org.studyloop.mastery.model.LogisticObjective;
import org.studyloop.mastery.model.SkillTrace;
import org.studyloop.mastery.online.ItemCalibration;
import org.studyloop.mastery.online.LearnerSnapshot;
import org.studyloop.mastery.online.LearnerStates;
import org.studyloop.mastery.online.MasteryProperties;
import org.studyloop.mastery.online.ModelParameters;
import org.studyloop.practice.LearnerModel;
import org.studyloop.practice.SessionMode;

/**
 * The next item of an adaptive or review session.
 *
 * <p>Adaptive: the skills to work on are the scope's unmastered skills whose prerequisites are
 * mastered; a skill whose prerequisites are not gives way to its weakest unmastered prerequisite,
 * and so on down (so a new student starts at the skills without prerequisites); once everything in
 * scope is mastered, the weakest skills come first. After {@code maxRun} answers in a row on one
 * skill, the other ready skills come first (interleaving). Within a skill, the item is the one
 * whose predicted success is nearest the target, drawn at random among the {@code nearBest}
 * nearest (randomesque exposure control, Kingsbury and Zara 1989), never one the student has seen
 * while an unseen one remains in the skills to work on; then a template (practice makes a fresh
 * instance); then unseen items of the scope's other skills; then, only when all is seen, the item
 * shown longest ago.
 *
 * <p>Review: each skill of the scope (practice gives the due ones, soonest first) once per
 * session, by the item nearest the target.
 */
@Component
class NextItems {

    private final LearnerStates states;
    private final ItemIndex index;
    private final CourseGraphs graphs;
    private final ItemCalibration calibration;
    private final ModelParameters parameters;
    private final MasteryProperties properties;

    NextItems(
            LearnerStates states,
            ItemIndex index,
            CourseGraphs graphs,
            ItemCalibration calibration,
            ModelParameters parameters,
            MasteryProperties properties) {
        this.states = states;
        this.index = index;
        this.graphs = graphs;
        this.calibration = calibration;
        this.parameters = parameters;
        this.properties = properties;
    }

    Optional<ItemId> next(LearnerModel.Scope scope) {
        var view = new StudentView(
                states.get(scope.student()), parameters.current(), scope.now().getEpochSecond());
        return scope.mode() == SessionMode.REVIEW ? review(scope, view) : adaptive(scope, view);
    }

    private Optional<ItemId> adaptive(LearnerModel.Scope scope, StudentView view) {
        var graph = scope.courseId().flatMap(graphs::course);
        var ready = ready(scope.skills(), graph, view);
        var order = balanced(ready, scope.recent());
        Predicate<ItemMeta> unseen = item -> !item.template() && !scope.seen().contains(item.itemId());
        Predicate<ItemMeta> template = ItemMeta::template;
        var others = scope.skills().stream().filter(s -> !ready.contains(s)).toList();
        for (var step : List.of(
                new Step(order, unseen),
                new Step(order, template),
                new Step(others, unseen),
                new Step(others, template))) {
            for (var skill : step.skills()) {
                var chosen = choose(
                        index.itemsOf(skill).stream().filter(step.wanted()).toList(), view);
                if (chosen.isPresent()) {
                    return chosen;
                }
            }
        }
        return longestAgo(order.isEmpty() ? scope.skills() : order, scope.recent());
    }

    private record Step(List<SkillId> skills, Predicate<ItemMeta> wanted) {}

    private Optional<ItemId> review(LearnerModel.Scope scope, StudentView view) {
        var covered = new HashSet<SkillId>();
        scope.recent().forEach(id -> index.item(id).ifPresent(item -> covered.addAll(item.skills())));
        for (var skill : scope.skills()) {
            if (covered.contains(skill)) {
                continue;
            }
            var items = index.itemsOf(skill);
            var chosen = choose(
                            items.stream()
                                    .filter(i -> !i.template() && !scope.seen().contains(i.itemId()))
                                    .toList(),
                            view)
                    .or(() -> choose(items.stream().filter(ItemMeta::template).toList(), view));
            if (chosen.isPresent()) {
                return chosen;
            }
        }
        return Optional.empty();
    }

    private List<SkillId> ready(List<SkillId> scope, Optional<CourseGraphs.Graph> graph, StudentView view) {
        return Selection.ready(
                scope,
                skill -> graph.map(g -> g.prerequisitesOf(skill)).orElse(List.of()),
                view::mastery,
                properties.masteryThreshold());
    }

    private List<SkillId> balanced(List<SkillId> ready, List<ItemId> recent) {
        int run = properties.maxRun();
        var last = recent.subList(Math.max(0, recent.size() - run), recent.size()).stream()
                .map(id -> index.item(id).map(ItemMeta::skills).orElse(List.of()))
                .toList();
        return Selection.balanced(ready, last, run);
    }

    private Optional<ItemId> choose(List<ItemMeta> items, StudentView view) {
        return Selection.nearest(
                        items,
                        view::predict,
                        properties.targetSuccess(),
                        properties.nearBest(),
                        ThreadLocalRandom.current())
                .map(ItemMeta::itemId);
    }

    /** Every item was seen: a non-template item of these skills not shown in the session, or shown longest ago. */
    private Optional<ItemId> longestAgo(List<SkillId> skills, List<ItemId> recent) {
        return skills.stream()
                .flatMap(skill -> index.itemsOf(skill).stream())
                .filter(item -> !item.template())
                .map(ItemMeta::itemId)
                .min(Comparator.comparingInt(recent::lastIndexOf));
    }

    /** A student's mastery and predicted success as of now, each computed once per choice. */
    final class StudentView {
        private final LearnerSnapshot snapshot;
        private final ModelParameters.Version version;
        private final long time;
        private final Map<SkillId, Double> mastery = new HashMap<>();

        StudentView(LearnerSnapshot snapshot, ModelParameters.Version version, long time) {
            this.snapshot = snapshot;
            this.version = version;
            this.time = time;
        }

        double mastery(SkillId skill) {
            return mastery.computeIfAbsent(
                    skill,
                    s -> version.model().mastery(snapshot.learner(), snapshot.trace(s), version.easiness(s), time));
        }

        double predict(ItemMeta item) {
            var traces = new SkillTrace[item.skills().size()];
            for (int i = 0; i < traces.length; i++) {
                traces[i] = snapshot.trace(item.skills().get(i));
            }
            double difficulty = calibration.get(item.itemId(), item.prior()).difficulty();
            return LogisticObjective.sigmoid(version.easiness(item.skills())
                    - difficulty
                    + version.model().evidence(snapshot.learner(), traces, time));
        }
    }
}
