package org.studyloop.mastery.advice;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Item-based collaborative filtering (Sarwar, Karypis, Konstan and Riedl, "Item-based collaborative
 * filtering recommendation algorithms", WWW 2001): items are vectors over students, a student's
 * entry +1 for an item they got right, −1 for one they got wrong (the mean when they answered it
 * several times), 0 when they never answered it; two items are similar when the same students
 * succeed and fail on both, by the cosine of their vectors. Candidates are scored by the summed
 * similarity to the seed items (those the student struggled on), keeping positive similarities
 * supported by at least {@code minSupport} students who answered both.
 */
final class ItemSimilarity {

    /** A candidate item, its score, the seed it is most similar to, and the students behind that. */
    record Neighbour<I>(I item, double score, I nearestSeed, double similarity, int support) {}

    private ItemSimilarity() {}

    /**
     * @param answers each student's value per item, in [−1, 1]
     * @param seeds the items the student struggled on
     * @param exclude items not to recommend (those the student has seen)
     */
    static <S, I> List<Neighbour<I>> neighbours(
            Map<S, Map<I, Double>> answers, Set<I> seeds, Set<I> exclude, int minSupport, int limit) {
        var norms = new HashMap<I, Double>();
        var dots = new HashMap<I, Map<I, double[]>>(); // candidate → seed → {dot, support}
        for (var row : answers.values()) {
            row.forEach((item, v) -> norms.merge(item, v * v, Double::sum));
            for (var seed : seeds) {
                var s = row.get(seed);
                if (s == null) {
                    continue;
                }
                row.forEach((item, v) -> {
                    if (!seeds.contains(item) && !exclude.contains(item)) {
                        var cell = dots.computeIfAbsent(item, k -> new HashMap<>())
                                .computeIfAbsent(seed, k -> new double[2]);
                        cell[0] += s * v;
                        cell[1]++;
                    }
                });
            }
        }
        var result = new ArrayList<Neighbour<I>>();
        dots.forEach((item, bySeed) -> {
            double score = 0;
            I best = null;
            double bestSimilarity = 0;
            int bestSupport = 0;
            for (var e : bySeed.entrySet()) {
                double denominator = Math.sqrt(norms.get(item) * norms.get(e.getKey()));
                double similarity = denominator == 0 ? 0 : e.getValue()[0] / denominator;
                int support = (int) e.getValue()[1];
                if (similarity <= 0 || support < minSupport) {
                    continue;
                }
                score += similarity;
                if (similarity > bestSimilarity) {
                    bestSimilarity = similarity;
                    best = e.getKey();
                    bestSupport = support;
                }
            }
            if (best != null) {
                result.add(new Neighbour<>(item, score, best, bestSimilarity, bestSupport));
            }
        });
        result.sort(Comparator.comparingDouble((Neighbour<I> n) -> n.score())
                .reversed()
                .thenComparing(n -> n.item().toString()));
        return result.size() > limit ? List.copyOf(result.subList(0, limit)) : List.copyOf(result);
    }
}
