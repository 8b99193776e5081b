package org.studyloop.practice.plain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.ItemSnapshot;
import org.studyloop.practice.LearnerModel;
import org.studyloop.practice.bank.ItemBank;

/**
 * The plain model's adaptive exam, for when no module calibrates items: a Rasch model (Rasch 1960)
 * with each item's difficulty its author's prior (0 without one), ability by EAP on a grid under
 * an N(0, 1) prior (Bock and Mislevy 1982). The next item is, in the section furthest below its
 * share, the unseen item whose difficulty is nearest the estimate — under the Rasch model that is
 * the most informative one (Lord 1980). Templates are left out: their instances have no prior of
 * their own. The mastery module replaces it with calibrated 2PL items and exposure control.
 */
final class PlainAdaptiveTest {

    private static final int POINTS = 81;
    private static final double LOW = -4;
    private static final double HIGH = 4;

    private PlainAdaptiveTest() {}

    static LearnerModel.AdaptiveStep step(LearnerModel.AdaptiveExam exam, ItemBank bank) {
        var log = new double[POINTS];
        for (int k = 0; k < POINTS; k++) {
            double theta = point(k);
            log[k] = -theta * theta / 2;
        }
        for (var response : exam.responses()) {
            double b =
                    bank.item(response.itemId()).map(PlainAdaptiveTest::prior).orElse(0.0);
            for (int k = 0; k < POINTS; k++) {
                double z = (response.correct() ? 1 : -1) * (point(k) - b);
                log[k] += z >= 0 ? -Math.log1p(Math.exp(-z)) : z - Math.log1p(Math.exp(z));
            }
        }
        double max = java.util.Arrays.stream(log).max().orElse(0);
        double sum = 0;
        double mean = 0;
        double square = 0;
        for (int k = 0; k < POINTS; k++) {
            double w = Math.exp(log[k] - max);
            sum += w;
            mean += w * point(k);
            square += w * point(k) * point(k);
        }
        mean /= sum;
        double se = Math.sqrt(Math.max(0, square / sum - mean * mean));
        if (se <= exam.targetStandardError() || exam.responses().size() >= exam.maxItems()) {
            return new LearnerModel.AdaptiveStep(Optional.empty(), mean, se);
        }
        return new LearnerModel.AdaptiveStep(next(exam, bank, mean), mean, se);
    }

    private static Optional<ItemId> next(LearnerModel.AdaptiveExam exam, ItemBank bank, double ability) {
        var given = new int[exam.areas().size()];
        var areaOfSkill = new java.util.HashMap<org.studyloop.catalog.SkillId, Integer>();
        for (int a = exam.areas().size() - 1; a >= 0; a--) {
            for (var skill : exam.areas().get(a).skills()) {
                areaOfSkill.put(skill, a);
            }
        }
        for (var response : exam.responses()) {
            bank.item(response.itemId())
                    .flatMap(i -> i.skillIds().stream()
                            .map(areaOfSkill::get)
                            .filter(a -> a != null)
                            .findFirst())
                    .ifPresent(a -> given[a]++);
        }
        double total = exam.areas().stream().mapToInt(LearnerModel.Area::share).sum();
        var order = new ArrayList<Integer>();
        for (int a = 0; a < given.length; a++) {
            order.add(a);
        }
        int answered = Math.max(1, exam.responses().size());
        order.sort(java.util.Comparator.comparingDouble(
                a -> (double) given[a] / answered - exam.areas().get(a).share() / Math.max(1, total)));
        var seen = new HashSet<>(exam.seen());
        for (int area : order) {
            Optional<ItemSnapshot> best = candidates(exam.areas().get(area), bank).stream()
                    .filter(i -> !seen.contains(i.itemId()))
                    .min(java.util.Comparator.comparingDouble(i -> Math.abs(prior(i) - ability)));
            if (best.isPresent()) {
                return best.map(ItemSnapshot::itemId);
            }
        }
        return Optional.empty();
    }

    private static List<ItemSnapshot> candidates(LearnerModel.Area area, ItemBank bank) {
        return bank.itemsOf(area.skills()).stream()
                .flatMap(id -> bank.item(id).stream())
                .filter(i -> !i.isTemplate())
                .toList();
    }

    private static double prior(ItemSnapshot item) {
        var difficulty = item.difficulty();
        return difficulty == null || !Double.isFinite(difficulty) ? 0 : difficulty;
    }

    private static double point(int k) {
        return LOW + (HIGH - LOW) * k / (POINTS - 1);
    }
}
