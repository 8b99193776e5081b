package org.studyloop.mastery.loop;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;
import org.studyloop.catalog.SkillId;

/** The rules of the next-item choice as pure functions (see {@link NextItems}). */
final class Selection {

    private Selection() {}

    /**
     * The skills to work on, in the scope's order: each unmastered skill of the scope, or in its
     * place its weakest unmastered prerequisite (and that one's, down to a skill whose prerequisites
     * are mastered); when all are mastered, the scope's skills weakest first.
     */
    static List<SkillId> ready(
            List<SkillId> scope,
            Function<SkillId, List<SkillId>> prerequisites,
            ToDoubleFunction<SkillId> mastery,
            double threshold) {
        var ready = new LinkedHashSet<SkillId>();
        for (var skill : scope) {
            if (mastery.applyAsDouble(skill) >= threshold) {
                continue;
            }
            var current = skill;
            var visited = new HashSet<SkillId>();
            while (visited.add(current)) {
                var weakest = prerequisites.apply(current).stream()
                        .filter(p -> mastery.applyAsDouble(p) < threshold)
                        .min(Comparator.comparingDouble(mastery));
                if (weakest.isEmpty()) {
                    break;
                }
                current = weakest.get();
            }
            ready.add(current);
        }
        if (ready.isEmpty()) {
            return scope.stream().sorted(Comparator.comparingDouble(mastery)).toList();
        }
        return List.copyOf(ready);
    }

    /**
     * The ready skills with those practised by each of the last {@code maxRun} answers moved last,
     * unless they are all there is.
     *
     * @param last the skills of the session's answers, oldest first
     */
    static List<SkillId> balanced(List<SkillId> ready, List<List<SkillId>> last, int maxRun) {
        if (ready.size() < 2 || last.size() < maxRun) {
            return ready;
        }
        Set<SkillId> run = new HashSet<>(last.get(last.size() - 1));
        for (int i = last.size() - 2; i >= last.size() - maxRun; i--) {
            run.retainAll(last.get(i));
        }
        if (run.isEmpty() || run.containsAll(ready)) {
            return ready;
        }
        var order = new ArrayList<SkillId>();
        ready.stream().filter(s -> !run.contains(s)).forEach(order::add);
        ready.stream().filter(run::contains).forEach(order::add);
        return order;
    }

    /**
     * The candidate whose predicted success is nearest the target, drawn at random among the
     * {@code nearBest} nearest (randomesque exposure control, Kingsbury and Zara, "Procedures for
     * selecting items for computerized adaptive tests", Applied Measurement in Education 2(4), 1989).
     */
    static <T> Optional<T> nearest(
            List<T> candidates, ToDoubleFunction<T> predicted, double target, int nearBest, RandomGenerator random) {
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        var ranked = candidates.stream()
                .map(c -> new Ranked<>(c, Math.abs(predicted.applyAsDouble(c) - target)))
                .sorted(Comparator.comparingDouble(Ranked::distance))
                .limit(nearBest)
                .toList();
        return Optional.of(ranked.get(random.nextInt(ranked.size())).candidate());
    }

    private record Ranked<T>(T candidate, double distance) {}
}
