package org.studyloop.mastery.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.studyloop.mastery.AttemptLog;
import org.studyloop.mastery.ItemSkills;

/**
 * Fits {@link BktParameters} per skill by expectation–maximisation (Baum–Welch): forward–backward
 * with a scale factor per step (Rabiner, "A tutorial on hidden Markov models", Proc. IEEE 77,
 * 1989, section V.A) over each student's answers on the skill, from a few starting points, keeping
 * the one of highest likelihood. An answer to an item of several skills is an answer on each.
 */
final class BktFitting {

    /** Guess and slip above 0.3 make "learned" mean "wrong more often": Baker, Corbett and Aleven,
     * "More accurate student modeling through contextual estimation of slip and guess", ITS 2008,
     * bound both to avoid such degenerate fits; so does pyBKT's default. */
    static final double MAX_GUESS_SLIP = 0.3;

    private static final double FLOOR = 1e-4;
    private static final int MAX_ITERATIONS = 200;
    private static final double TOLERANCE = 1e-7;

    /** Starting points spread over plausible values (initial, learn, forget, guess, slip). */
    private static final BktParameters[] STARTS = {
        new BktParameters(0.4, 0.1, 0.05, 0.2, 0.1),
        new BktParameters(0.7, 0.3, 0.1, 0.1, 0.2),
        new BktParameters(0.2, 0.05, 0.02, 0.25, 0.05),
    };

    private BktFitting() {}

    /** Each skill's answer sequences, one per student who answered on it, in order. */
    static List<List<boolean[]>> sequences(AttemptLog log, ItemSkills skills) {
        var bySkill = new ArrayList<List<boolean[]>>();
        for (int k = 0; k < skills.skills(); k++) {
            bySkill.add(new ArrayList<>());
        }
        var open = new HashMap<Integer, StringBuilder>();
        for (int r = 0; r <= log.size(); r++) {
            if (r == log.size() || (r > 0 && log.student(r) != log.student(r - 1))) {
                open.forEach((k, answers) -> bySkill.get(k).add(toBooleans(answers)));
                open.clear();
            }
            if (r < log.size()) {
                for (int k : skills.skillsOf(log.item(r))) {
                    open.computeIfAbsent(k, x -> new StringBuilder()).append(log.correct(r) ? '1' : '0');
                }
            }
        }
        return bySkill;
    }

    private static boolean[] toBooleans(CharSequence answers) {
        var out = new boolean[answers.length()];
        for (int t = 0; t < out.length; t++) {
            out[t] = answers.charAt(t) == '1';
        }
        return out;
    }

    /** The parameters of highest likelihood over the starts; forget stays 0 unless asked. */
    static BktParameters fit(List<boolean[]> sequences, boolean forgetting) {
        BktParameters best = STARTS[0];
        double bestLikelihood = Double.NEGATIVE_INFINITY;
        for (var start : STARTS) {
            var p = forgetting
                    ? start
                    : new BktParameters(start.initial(), start.learn(), 0, start.guess(), start.slip());
            var em = new Estimation(sequences);
            double previous = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < MAX_ITERATIONS; i++) {
                var next = em.step(p, forgetting);
                if (em.logLikelihood - previous < TOLERANCE * Math.abs(em.logLikelihood)) {
                    break;
                }
                previous = em.logLikelihood;
                p = next;
            }
            double likelihood = logLikelihood(sequences, p);
            if (likelihood > bestLikelihood) {
                bestLikelihood = likelihood;
                best = p;
            }
        }
        return best;
    }

    /** log P(answers | parameters), by the forward pass. */
    static double logLikelihood(List<boolean[]> sequences, BktParameters p) {
        double sum = 0;
        for (var answers : sequences) {
            double learned = p.initial();
            for (boolean a : answers) {
                double c = p.correct(learned);
                sum += Math.log(a ? c : 1 - c);
                learned = p.next(learned, a);
            }
        }
        return sum;
    }

    /** One E step (expected counts of the hidden states and transitions) and its M step. */
    private static final class Estimation {
        private final List<boolean[]> sequences;
        private double[] known = new double[16]; // forward, then posterior, P(learned at t)
        private double[] scale = new double[16];
        double logLikelihood;

        Estimation(List<boolean[]> sequences) {
            this.sequences = sequences;
        }

        BktParameters step(BktParameters p, boolean forgetting) {
            double first = 0;
            double learnCount = 0;
            double unlearnedBefore = 0;
            double forgetCount = 0;
            double learnedBefore = 0;
            double guessed = 0;
            double unlearned = 0;
            double slipped = 0;
            double learned = 0;
            logLikelihood = 0;
            for (var answers : sequences) {
                int n = answers.length;
                if (known.length < n) {
                    known = new double[2 * n];
                    scale = new double[2 * n];
                }
                // forward: known[t] = P(learned at t | answers up to t), scale[t] = P(answer t | before)
                double prior = p.initial();
                for (int t = 0; t < n; t++) {
                    double k = prior * (answers[t] ? 1 - p.slip() : p.slip());
                    double u = (1 - prior) * (answers[t] ? p.guess() : 1 - p.guess());
                    scale[t] = k + u;
                    known[t] = k / scale[t];
                    logLikelihood += Math.log(scale[t]);
                    prior = known[t] * (1 - p.forget()) + (1 - known[t]) * p.learn();
                }
                // backward, in scaled form: bk, bu = P(answers after t | state at t) / their scales
                double bk = 1;
                double bu = 1;
                for (int t = n - 1; t >= 0; t--) {
                    double gk = known[t] * bk;
                    double gu = (1 - known[t]) * bu;
                    double norm = gk + gu;
                    gk /= norm;
                    gu /= norm;
                    if (t == 0) {
                        first += gk;
                    }
                    if (answers[t]) {
                        guessed += gu;
                    } else {
                        slipped += gk;
                    }
                    unlearned += gu;
                    learned += gk;
                    if (t > 0) {
                        double ek = (answers[t] ? 1 - p.slip() : p.slip()) * bk / scale[t];
                        double eu = (answers[t] ? p.guess() : 1 - p.guess()) * bu / scale[t];
                        double was = known[t - 1];
                        learnCount += (1 - was) * p.learn() * ek;
                        unlearnedBefore += (1 - was) * (p.learn() * ek + (1 - p.learn()) * eu);
                        forgetCount += was * p.forget() * eu;
                        learnedBefore += was * ((1 - p.forget()) * ek + p.forget() * eu);
                        bk = (1 - p.forget()) * ek + p.forget() * eu;
                        bu = p.learn() * ek + (1 - p.learn()) * eu;
                    }
                }
            }
            return new BktParameters(
                    clamp(first / sequences.size(), 1 - FLOOR),
                    clamp(learnCount / unlearnedBefore, 1 - FLOOR),
                    forgetting ? clamp(forgetCount / learnedBefore, 1 - FLOOR) : 0,
                    clamp(guessed / unlearned, MAX_GUESS_SLIP),
                    clamp(slipped / learned, MAX_GUESS_SLIP));
        }

        private static double clamp(double value, double max) {
            return Double.isNaN(value) ? FLOOR : Math.max(FLOOR, Math.min(max, value));
        }
    }
}
