package org.studyloop.mastery.model;

import java.util.Locale;
import org.studyloop.mastery.AttemptLog;
import org.studyloop.mastery.ItemSkills;
import org.studyloop.mastery.KnowledgeModel;
import org.studyloop.mastery.SkillMastery;
import org.studyloop.mastery.StudentState;

/**
 * The Elo rating system for students and items (Pelánek, "Applications of the Elo rating system
 * in adaptive educational systems", Computers &amp; Education 98, 2016), with a global ability and a
 * local ability per skill as in his concept-based variant: P(correct) = σ(θ + mean θ_k − b_i).
 * Updates move by K = α / (1 + β·n), n the answers already seen by the student (or the skill, or
 * the item). Training runs the ratings over the training log and keeps the item difficulties and
 * the skill offsets; a student starts from 0. An online 1PL (Rasch) model.
 */
public final class EloKnowledgeModel implements KnowledgeModel {

    private static final double ALPHA = 1.0;
    private static final double BETA = 0.05;
    private static final double CONFIDENCE_HALF = 4;

    /** The item-skill matrix and the item difficulties of the last fit, replaced whole. */
    private record Fit(ItemSkills skills, double[] difficulty) {}

    private volatile Fit fit = new Fit(ItemSkills.of(new int[0][], 0), new double[0]);

    @Override
    public String name() {
        return "elo";
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "elo alpha=%.2f beta=%.2f (fixed, Pelánek 2016)", ALPHA, BETA);
    }

    @Override
    public void fit(AttemptLog log, ItemSkills itemSkills) {
        var f = new Fit(itemSkills, new double[itemSkills.items()]);
        var difficulty = f.difficulty();
        var itemAnswers = new int[itemSkills.items()];
        var states = new java.util.HashMap<Integer, State>();
        for (int r = 0; r < log.size(); r++) {
            var state = states.computeIfAbsent(log.student(r), s -> new State(itemSkills.skills()));
            int item = log.item(r);
            double p = predict(f, state, item);
            double error = (log.correct(r) ? 1 : 0) - p;
            if (item < difficulty.length) {
                difficulty[item] -= ALPHA / (1 + BETA * itemAnswers[item]) * error;
                itemAnswers[item]++;
            }
            apply(f, state, item, log.correct(r));
        }
        fit = f;
    }

    @Override
    public StudentState newState() {
        return new State(fit.skills().skills());
    }

    @Override
    public double predict(StudentState studentState, int item) {
        return predict(fit, (State) studentState, item);
    }

    private static double predict(Fit f, State s, int item) {
        var difficulty = f.difficulty();
        double b = item >= 0 && item < difficulty.length ? difficulty[item] : 0;
        return LogisticObjective.sigmoid(s.ability + local(s, f.skills().skillsOf(item)) - b);
    }

    private static double local(State s, int[] itemSkills) {
        if (itemSkills.length == 0) {
            return 0;
        }
        double sum = 0;
        for (int k : itemSkills) {
            sum += s.local[k];
        }
        return sum / itemSkills.length;
    }

    @Override
    public void update(StudentState studentState, int item, boolean correct) {
        apply(fit, (State) studentState, item, correct);
    }

    private static void apply(Fit f, State s, int item, boolean correct) {
        double error = (correct ? 1 : 0) - predict(f, s, item);
        s.ability += ALPHA / (1 + BETA * s.answers) * error;
        for (int k : f.skills().skillsOf(item)) {
            s.local[k] += ALPHA / (1 + BETA * s.skillAnswers[k]) * error;
            s.skillAnswers[k]++;
        }
        s.answers++;
    }

    @Override
    public SkillMastery mastery(StudentState studentState, int skill) {
        var s = (State) studentState;
        if (skill < 0 || skill >= s.local.length) {
            throw new IllegalArgumentException("no skill " + skill + " in the fitted item-skill matrix");
        }
        int answers = s.skillAnswers[skill];
        return new SkillMastery(
                LogisticObjective.sigmoid(s.ability + s.local[skill]), answers / (answers + CONFIDENCE_HALF), answers);
    }

    private static final class State implements StudentState {
        double ability;
        int answers;
        final double[] local;
        final int[] skillAnswers;

        State(int skills) {
            local = new double[skills];
            skillAnswers = new int[skills];
        }

        @Override
        public int answers() {
            return answers;
        }
    }
}
