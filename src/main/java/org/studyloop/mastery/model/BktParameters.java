package org.studyloop.mastery.model;

import java.util.Locale;

/**
 * The parameters of Bayesian Knowledge Tracing for one skill (Corbett and Anderson, "Knowledge
 * tracing", User Modeling and User-Adapted Interaction 4, 1995), with the forgetting of Khajah,
 * Lindsey and Mozer ("How deep is knowledge tracing?", EDM 2016) and pyBKT: a hidden state,
 * learned or not, that may turn learned after each answer (learn) and back (forget).
 *
 * @param initial P(L0), learned before the first answer
 * @param learn P(T), unlearned to learned between two answers
 * @param forget P(F), learned to unlearned between two answers; 0 in classic BKT
 * @param guess P(G), correct while unlearned
 * @param slip P(S), wrong while learned
 */
record BktParameters(double initial, double learn, double forget, double guess, double slip) {

    /** P(correct) given P(learned). */
    double correct(double learned) {
        return learned * (1 - slip) + (1 - learned) * guess;
    }

    /** P(learned) after seeing the answer, before the transition (Bayes' rule). */
    double posterior(double learned, boolean isCorrect) {
        double known = learned * (isCorrect ? 1 - slip : slip);
        double unknown = (1 - learned) * (isCorrect ? guess : 1 - guess);
        return known / (known + unknown);
    }

    /** P(learned) before the next answer, given this one. */
    double next(double learned, boolean isCorrect) {
        double post = posterior(learned, isCorrect);
        return post * (1 - forget) + (1 - post) * learn;
    }

    /** The answer-weighted mean of the parameters, for a skill with no training answer. */
    static BktParameters mean(BktParameters[] parameters, long[] weights, BktParameters otherwise) {
        double total = 0;
        double l0 = 0;
        double t = 0;
        double f = 0;
        double g = 0;
        double s = 0;
        for (int k = 0; k < parameters.length; k++) {
            if (parameters[k] != null && weights[k] > 0) {
                double w = weights[k];
                total += w;
                l0 += w * parameters[k].initial;
                t += w * parameters[k].learn;
                f += w * parameters[k].forget;
                g += w * parameters[k].guess;
                s += w * parameters[k].slip;
            }
        }
        return total == 0 ? otherwise : new BktParameters(l0 / total, t / total, f / total, g / total, s / total);
    }

    String describe() {
        return String.format(Locale.ROOT, "L0=%.3f T=%.3f F=%.3f G=%.3f S=%.3f", initial, learn, forget, guess, slip);
    }
}
