package org.studyloop.practice.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.studyloop.catalog.SkillId;

/**
 * A simulated student's true knowledge, which the learner model has to discover from the answers
 * it produces. The chance of a right answer follows performance factors analysis (Pavlik, Cen &
 * Koedinger 2009): a logistic function of the student's ability, the item's difficulty and the
 * student's practice on the item's skills, successes counting more than failures; practice decays
 * between days (Ebbinghaus-style exponential forgetting), and guessing and slipping bound the
 * chance away from 0 and 1 (as in the 4PL model of Barton & Lord 1981).
 */
final class SimulatedLearner {

    /** Days for practice strength to fall to 1/e without further practice. */
    static final double FORGETTING_DAYS = 20;

    static final double SLIP = 0.05;

    /**
     * Who the student is.
     *
     * @param ability the logit of a right first answer on an average item (difficulty 0)
     * @param learningRate the logit gained per unit of practice strength (log scale)
     * @param activity the chance of practising on a given day
     * @param itemsPerSession the usual length of a session
     * @param hintPropensity the chance of asking a hint when unsure
     * @param lastDay the last day (0 = three weeks ago) the student practises; later days they skip
     */
    record Profile(
            double ability,
            double learningRate,
            double activity,
            int itemsPerSession,
            double hintPropensity,
            int lastDay) {}

    private final Profile profile;
    private final Map<SkillId, Double> strength = new HashMap<>();
    private final Map<SkillId, Double> lastPractised = new HashMap<>();

    SimulatedLearner(Profile profile) {
        this.profile = profile;
    }

    Profile profile() {
        return profile;
    }

    boolean practisesOn(int day, Random random) {
        return day <= profile.lastDay() && random.nextDouble() < profile.activity();
    }

    /**
     * The chance of a right answer on {@code day} (fractional days allowed) to an item of these
     * skills and this difficulty, with {@code guess} the chance of guessing right and {@code hints}
     * the hints taken, each worth a fixed amount of practice.
     */
    double chance(List<SkillId> skills, double difficulty, double guess, int hints, double day) {
        var practice = skills.isEmpty()
                ? 0
                : skills.stream().mapToDouble(s -> strength(s, day)).average().orElse(0);
        var logit = profile.ability() + profile.learningRate() * Math.log1p(practice) - difficulty + 0.8 * hints;
        return guess + (1 - guess - SLIP) / (1 + Math.exp(-logit));
    }

    /** Learns from an attempt: a right answer adds more strength than a wrong one (PFA's γ > ρ). */
    void learn(List<SkillId> skills, boolean correct, double day) {
        for (var skill : skills) {
            strength.put(skill, strength(skill, day) + (correct ? 1.0 : 0.4));
            lastPractised.put(skill, day);
        }
    }

    private double strength(SkillId skill, double day) {
        var s = strength.getOrDefault(skill, 0.0);
        var since = day - lastPractised.getOrDefault(skill, day);
        return s * Math.exp(-Math.max(0, since) / FORGETTING_DAYS);
    }
}
