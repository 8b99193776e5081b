package org.studyloop.mastery.model;

import java.util.Arrays;
import java.util.Locale;
import org.studyloop.mastery.AttemptLog;
import org.studyloop.mastery.ItemSkills;
import org.studyloop.mastery.KnowledgeModel;
import org.studyloop.mastery.SkillMastery;
import org.studyloop.mastery.StudentState;

/**
 * Bayesian Knowledge Tracing per skill (Corbett and Anderson 1995), optionally with forgetting
 * (Khajah et al. 2016, pyBKT), fitted by EM ({@link BktFitting}). With the {@code skill_id} column
 * each skill combination is one skill, as pyBKT runs it. An item of several skills is predicted by
 * the product of the skills' P(correct) (conjunctive, as in Koedinger et al., "Automated student
 * model improvement", EDM 2012) or by their mean, whichever gives the lower log loss on a
 * validation fifth of the training students; its answer updates every one of its skills.
 */
public final class BktKnowledgeModel implements KnowledgeModel {

    private static final double CONFIDENCE_HALF = 4;
    private static final BktParameters UNFITTED = new BktParameters(0.5, 0.1, 0, 0.2, 0.1);

    /** The parameters per skill, P(correct) for an item of no skill, how several combine. */
    private record Fit(
            ItemSkills skills,
            BktParameters[] parameters,
            long[] answers,
            double base,
            boolean product,
            String choice) {}

    private final boolean forgetting;
    private volatile Fit fit =
            new Fit(ItemSkills.of(new int[0][], 0), new BktParameters[0], new long[0], 0.5, true, "");

    private BktKnowledgeModel(boolean forgetting) {
        this.forgetting = forgetting;
    }

    public static BktKnowledgeModel bkt() {
        return new BktKnowledgeModel(false);
    }

    public static BktKnowledgeModel bktForget() {
        return new BktKnowledgeModel(true);
    }

    /** A model with given parameters for every skill, for checking the update by hand. */
    static BktKnowledgeModel of(BktParameters parameters, ItemSkills skills, boolean product) {
        var model = new BktKnowledgeModel(parameters.forget() > 0);
        var all = new BktParameters[skills.skills()];
        Arrays.fill(all, parameters);
        var answers = new long[skills.skills()];
        Arrays.fill(answers, 1);
        model.fit = new Fit(skills, all, answers, 0.5, product, "given");
        return model;
    }

    @Override
    public String name() {
        return forgetting ? "bkt-forget" : "bkt";
    }

    @Override
    public String describe() {
        var f = fit;
        return String.format(
                Locale.ROOT,
                "%s EM per skill (3 starts, guess and slip <= %.1f), %d skills with answers, answer-weighted"
                        + " mean %s; several skills: %s",
                name(),
                BktFitting.MAX_GUESS_SLIP,
                Arrays.stream(f.answers()).filter(n -> n > 0).count(),
                BktParameters.mean(f.parameters(), f.answers(), UNFITTED).describe(),
                f.choice());
    }

    @Override
    public void fit(AttemptLog log, ItemSkills itemSkills) {
        boolean several = false;
        for (int i = 0; i < itemSkills.items(); i++) {
            several |= itemSkills.skillsOf(i).length > 1;
        }
        if (!several) {
            fit = train(log, itemSkills, true, "none in the item-skill matrix");
            return;
        }
        // the validation students: every fifth, by id, so the choice never sees the test file
        var trial = train(log.ofStudents(s -> s % 5 != 0), itemSkills, true, "");
        var validation = log.ofStudents(s -> s % 5 == 0);
        double product = logLoss(trial, validation);
        double mean =
                logLoss(new Fit(itemSkills, trial.parameters(), trial.answers(), trial.base(), false, ""), validation);
        var choice = String.format(
                Locale.ROOT,
                "%s (validation log loss product %.4f, mean %.4f)",
                product <= mean ? "product" : "mean",
                product,
                mean);
        fit = train(log, itemSkills, product <= mean, choice);
    }

    private Fit train(AttemptLog log, ItemSkills itemSkills, boolean product, String choice) {
        var sequences = BktFitting.sequences(log, itemSkills);
        var parameters = new BktParameters[itemSkills.skills()];
        var answers = new long[itemSkills.skills()];
        for (int k = 0; k < parameters.length; k++) {
            for (var s : sequences.get(k)) {
                answers[k] += s.length;
            }
            if (answers[k] > 0) {
                parameters[k] = BktFitting.fit(sequences.get(k), forgetting);
            }
        }
        var fallback = BktParameters.mean(parameters, answers, UNFITTED);
        for (int k = 0; k < parameters.length; k++) {
            parameters[k] = answers[k] > 0 ? parameters[k] : fallback;
        }
        int correct = 0;
        for (int r = 0; r < log.size(); r++) {
            correct += log.correct(r) ? 1 : 0;
        }
        return new Fit(itemSkills, parameters, answers, (correct + 1.0) / (log.size() + 2.0), product, choice);
    }

    private static double logLoss(Fit f, AttemptLog log) {
        double sum = 0;
        State state = null;
        for (int r = 0; r < log.size(); r++) {
            if (state == null || log.student(r) != log.student(r - 1)) {
                state = new State(f.parameters());
            }
            double p = predict(f, state, log.item(r));
            sum -= Math.log(log.correct(r) ? p : 1 - p);
            apply(f, state, log.item(r), log.correct(r));
        }
        return sum / Math.max(1, log.size());
    }

    @Override
    public StudentState newState() {
        return new State(fit.parameters());
    }

    @Override
    public double predict(StudentState studentState, int item) {
        return predict(fit, (State) studentState, item);
    }

    private static double predict(Fit f, State s, int item) {
        int[] skills = f.skills().skillsOf(item);
        if (skills.length == 0) {
            return f.base();
        }
        double combined = f.product() ? 1 : 0;
        for (int k : skills) {
            double p = f.parameters()[k].correct(s.learned[k]);
            combined = f.product() ? combined * p : combined + p / skills.length;
        }
        return Math.min(1 - 1e-6, Math.max(1e-6, combined));
    }

    @Override
    public void update(StudentState studentState, int item, boolean correct) {
        apply(fit, (State) studentState, item, correct);
    }

    private static void apply(Fit f, State s, int item, boolean correct) {
        for (int k : f.skills().skillsOf(item)) {
            s.learned[k] = f.parameters()[k].next(s.learned[k], correct);
            s.skillAnswers[k]++;
        }
        s.answers++;
    }

    /** P(learned) of the skill, its confidence growing with the answers on it as {@code n / (n + 4)}. */
    @Override
    public SkillMastery mastery(StudentState studentState, int skill) {
        var s = (State) studentState;
        if (skill < 0 || skill >= s.learned.length) {
            throw new IllegalArgumentException("no skill " + skill + " in the fitted item-skill matrix");
        }
        int answers = s.skillAnswers[skill];
        return new SkillMastery(s.learned[skill], answers / (answers + CONFIDENCE_HALF), answers);
    }

    private static final class State implements StudentState {
        final double[] learned;
        final int[] skillAnswers;
        int answers;

        State(BktParameters[] parameters) {
            learned = new double[parameters.length];
            for (int k = 0; k < learned.length; k++) {
                learned[k] = parameters[k].initial();
            }
            skillAnswers = new int[parameters.length];
        }

        @Override
        public int answers() {
            return answers;
        }
    }
}
