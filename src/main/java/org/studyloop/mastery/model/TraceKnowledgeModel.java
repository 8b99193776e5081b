package org.studyloop.mastery.model;

import org.studyloop.mastery.AttemptLog;
import org.studyloop.mastery.ItemSkills;
import org.studyloop.mastery.KnowledgeModel;
import org.studyloop.mastery.SkillMastery;
import org.studyloop.mastery.StudentState;

/**
 * The online {@link TraceModel} as a {@link KnowledgeModel}: {@code learner-eval --model online}
 * measures the very model that serves answers, and {@code fit-learner-model} trains its weights.
 *
 * <p>Training encodes each answer from the student's earlier answers only, learning the items' Elo
 * difficulties on the way from the training students (never from held-out ones), then minimises
 * the L2-penalised log loss with {@link Lbfgs}: the shared weights of {@link TraceModel} and one
 * easiness per skill. The penalty is chosen from a grid by the AUC on 20% of the training students,
 * as in {@link LogisticKnowledgeModel}. The sign of each evidence weight is kept ({@link
 * TraceModel#SIGNS}) by an active set: a weight that comes out with the wrong sign is fixed at zero
 * and the rest refitted, the usual way to solve a bound-constrained least-squares-like problem
 * (Lawson and Hanson, "Solving Least Squares Problems", 1974, ch. 23) with an unconstrained solver.
 * Without times in the log, the time-window weights stay at zero.
 */
public final class TraceKnowledgeModel implements KnowledgeModel {

    /**
     * A fit over the dense ids of the training log: the shared weights, one easiness per skill and
     * per item, and the items' Elo difficulties with the answers they were learned from.
     */
    public record Fit(
            ItemSkills skills,
            TraceModel model,
            double[] easiness,
            double[] itemEasiness,
            double[] difficulty,
            int[] difficultyAnswers,
            double lambda,
            String description) {}

    /**
     * Penalties tried on the validation split: the middle of {@link LogisticKnowledgeModel}'s grid,
     * since each point costs a constrained fit.
     */
    static final double[] LAMBDA_GRID = {3e-5, 1e-5, 3e-6};

    private final double[] lambdas;
    private volatile Fit fit = new Fit(
            ItemSkills.of(new int[0][], 0),
            TraceModel.defaults(),
            new double[0],
            new double[0],
            new double[0],
            new int[0],
            0,
            "online (not fitted: default weights)");

    public TraceKnowledgeModel(double... lambdas) {
        if (lambdas.length == 0) {
            throw new IllegalArgumentException("a penalty is needed");
        }
        this.lambdas = lambdas.clone();
    }

    public static TraceKnowledgeModel online() {
        return new TraceKnowledgeModel(LAMBDA_GRID);
    }

    @Override
    public String name() {
        return "online";
    }

    @Override
    public String describe() {
        return fit.description();
    }

    public Fit lastFit() {
        return fit;
    }

    @Override
    public void fit(AttemptLog log, ItemSkills itemSkills) {
        fit = new TraceFitting().fit(log, itemSkills, lambdas);
    }

    @Override
    public StudentState newState() {
        return new TraceState();
    }

    @Override
    public double predict(StudentState state, int item) {
        return predict(state, item, ((TraceState) state).learner.lastAt());
    }

    @Override
    public double predict(StudentState studentState, int item, long time) {
        var f = fit;
        var state = (TraceState) studentState;
        var skills = f.skills().skillsOf(item);
        return LogisticObjective.sigmoid(f.model()
                .logit(state.learner, state.traces(skills), easiness(f, item, skills), difficulty(f, item), time));
    }

    @Override
    public void update(StudentState state, int item, boolean correct) {
        update(state, item, correct, ((TraceState) state).learner.lastAt());
    }

    @Override
    public void update(StudentState studentState, int item, boolean correct, long time) {
        var f = fit;
        var state = (TraceState) studentState;
        var skills = f.skills().skillsOf(item);
        var traces = state.traces(skills);
        double error = (correct ? 1 : 0) - TraceModel.eloProbability(state.learner, traces, difficulty(f, item));
        state.apply(skills, traces, correct, error, time);
    }

    @Override
    public SkillMastery mastery(StudentState studentState, int skill) {
        var f = fit;
        if (skill < 0 || skill >= f.skills().skills()) {
            throw new IllegalArgumentException("no skill " + skill + " in the fitted item-skill matrix");
        }
        var state = (TraceState) studentState;
        var trace = state.skills.getOrDefault(skill, SkillTrace.NONE);
        double p = f.model().mastery(state.learner, trace, f.easiness()[skill], state.learner.lastAt());
        return new SkillMastery(p, TraceModel.confidence(trace.answers()), trace.answers());
    }

    /** The skills' easiness and the item's own. */
    private static double easiness(Fit f, int item, int[] skills) {
        double sum = item >= 0 && item < f.itemEasiness().length ? f.itemEasiness()[item] : 0;
        for (int k : skills) {
            sum += k < f.easiness().length ? f.easiness()[k] : 0;
        }
        return sum;
    }

    private static double difficulty(Fit f, int item) {
        return item >= 0 && item < f.difficulty().length ? f.difficulty()[item] : 0;
    }
}
