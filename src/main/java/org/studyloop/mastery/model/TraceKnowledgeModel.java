package org.studyloop.mastery.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
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
     * A fit: the shared weights, one easiness per skill and the items' Elo difficulties with the
     * answers they were learned from, over the dense ids of the training log.
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
    private final Lbfgs optimiser = new Lbfgs(10, 300, 1e-9);
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
        int columns = TraceModel.SIZE + itemSkills.skills() + itemSkills.items();
        var free = new boolean[TraceModel.SIZE];
        Arrays.fill(free, true);
        boolean timed = log.hasTimes();
        if (!timed) {
            for (int j = TraceModel.DAY_WINS; j <= TraceModel.MONTH_FAILS; j++) {
                free[j] = false;
            }
        }
        var penalty = new double[columns];
        Arrays.fill(penalty, 1);
        penalty[TraceModel.INTERCEPT] = 0;
        var difficulty = new double[itemSkills.items()];
        var difficultyAnswers = new int[itemSkills.items()];
        var start = new double[columns];
        double lambda = lambdas[0];
        var report = new StringBuilder();
        if (lambdas.length > 1) {
            var validation = LogisticKnowledgeModel.validationStudents(log, 0.2, 17);
            var train = new SparseRows();
            var valid = new SparseRows();
            encode(
                    log,
                    itemSkills,
                    difficulty,
                    difficultyAnswers,
                    row -> validation.get(log.student(row)) ? valid : train,
                    row -> !validation.get(log.student(row)));
            double bestAuc = -1;
            var scores = new double[valid.rows()];
            var labels = new boolean[valid.rows()];
            for (double candidate : lambdas) {
                start = constrained(train, candidate, penalty, free.clone(), start);
                for (int r = 0; r < valid.rows(); r++) {
                    scores[r] = valid.dot(r, start);
                    labels[r] = valid.label(r);
                }
                double auc = Metrics.auc(scores, labels);
                report.append(String.format(Locale.ROOT, " %.0e:%.4f", candidate, auc));
                if (auc > bestAuc + 1e-4) {
                    bestAuc = auc;
                    lambda = candidate;
                }
            }
        }
        var all = new SparseRows();
        encode(log, itemSkills, difficulty, difficultyAnswers, row -> all, row -> true);
        var weights = constrained(all, lambda, penalty, free, start);
        var shared = Arrays.copyOf(weights, TraceModel.SIZE);
        var description = String.format(
                        Locale.ROOT,
                        "online weights=%s lambda=%.0e%s",
                        format(shared),
                        lambda,
                        timed ? "" : " (no times: time windows off)")
                + (report.isEmpty()
                        ? " (fixed)"
                        : " (validation AUC by lambda, 20% of training students:" + report + ")");
        fit = new Fit(
                itemSkills,
                new TraceModel(shared),
                Arrays.copyOfRange(weights, TraceModel.SIZE, TraceModel.SIZE + itemSkills.skills()),
                Arrays.copyOfRange(weights, TraceModel.SIZE + itemSkills.skills(), columns),
                difficulty,
                difficultyAnswers,
                lambda,
                description);
    }

    /**
     * Minimises the penalised loss with the weights not {@code free} held at zero, then frees none
     * back but fixes at zero each shared weight whose sign breaks {@link TraceModel#SIGNS}, until
     * none does.
     */
    private double[] constrained(SparseRows rows, double lambda, double[] penalty, boolean[] free, double[] start) {
        var x = start.clone();
        var objective = new LogisticObjective(rows, lambda, penalty);
        for (int round = 0; round <= TraceModel.SIZE; round++) {
            for (int j = 0; j < TraceModel.SIZE; j++) {
                if (!free[j]) {
                    x[j] = 0;
                }
            }
            DifferentiableFunction masked = (w, g) -> {
                double value = objective.valueAndGradient(w, g);
                for (int j = 0; j < TraceModel.SIZE; j++) {
                    if (!free[j]) {
                        g[j] = 0;
                    }
                }
                return value;
            };
            x = optimiser.minimize(masked, x).x();
            boolean broken = false;
            for (int j = 0; j < TraceModel.SIZE; j++) {
                if (x[j] * TraceModel.SIGNS[j] < 0) {
                    free[j] = false;
                    broken = true;
                }
            }
            if (!broken) {
                break;
            }
        }
        return x;
    }

    /** Encodes the answers as rows of features; item difficulties learn from the rows {@code learns} accepts. */
    private static void encode(
            AttemptLog log,
            ItemSkills itemSkills,
            double[] difficulty,
            int[] difficultyAnswers,
            IntFunction<SparseRows> target,
            IntPredicate learns) {
        Arrays.fill(difficulty, 0);
        Arrays.fill(difficultyAnswers, 0);
        var states = new HashMap<Integer, State>();
        for (int r = 0; r < log.size(); r++) {
            var state = states.computeIfAbsent(log.student(r), s -> new State());
            int item = log.item(r);
            var skills = itemSkills.skillsOf(item);
            var traces = state.traces(skills);
            var rows = target.apply(r);
            rows.beginRow(log.correct(r));
            double b = item < difficulty.length ? difficulty[item] : 0;
            TraceModel.features(state.learner, traces, b, log.time(r), rows::put);
            for (int k : skills) {
                rows.put(TraceModel.SIZE + k, 1);
            }
            if (item < itemSkills.items()) {
                rows.put(TraceModel.SIZE + itemSkills.skills() + item, 1);
            }
            double error = (log.correct(r) ? 1 : 0) - TraceModel.eloProbability(state.learner, traces, b);
            if (item < difficulty.length && learns.test(r)) {
                difficulty[item] -= TraceModel.eloStep(difficultyAnswers[item]) * error;
                difficultyAnswers[item]++;
            }
            state.apply(skills, traces, log.correct(r), error, log.time(r));
        }
    }

    @Override
    public StudentState newState() {
        return new State();
    }

    @Override
    public double predict(StudentState state, int item) {
        return predict(state, item, ((State) state).learner.lastAt());
    }

    @Override
    public double predict(StudentState studentState, int item, long time) {
        var f = fit;
        var state = (State) studentState;
        var skills = f.skills().skillsOf(item);
        return LogisticObjective.sigmoid(f.model()
                .logit(state.learner, state.traces(skills), easiness(f, item, skills), difficulty(f, item), time));
    }

    @Override
    public void update(StudentState state, int item, boolean correct) {
        update(state, item, correct, ((State) state).learner.lastAt());
    }

    @Override
    public void update(StudentState studentState, int item, boolean correct, long time) {
        var f = fit;
        var state = (State) studentState;
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
        var state = (State) studentState;
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

    private static String format(double[] weights) {
        var text = new StringBuilder("{");
        for (int j = 0; j < weights.length; j++) {
            text.append(j == 0 ? "" : ", ")
                    .append(TraceModel.NAMES.get(j))
                    .append('=')
                    .append(String.format(Locale.ROOT, "%.4f", weights[j]));
        }
        return text.append('}').toString();
    }

    /** A student's traces, by dense skill id. */
    private static final class State implements StudentState {
        LearnerTrace learner = LearnerTrace.NONE;
        final HashMap<Integer, SkillTrace> skills = new HashMap<>();

        @Override
        public int answers() {
            return learner.answers();
        }

        SkillTrace[] traces(int[] ids) {
            var traces = new SkillTrace[ids.length];
            for (int i = 0; i < ids.length; i++) {
                traces[i] = skills.getOrDefault(ids[i], SkillTrace.NONE);
            }
            return traces;
        }

        void apply(int[] ids, SkillTrace[] traces, boolean correct, double error, long time) {
            learner = learner.after(TraceModel.eloStep(learner.answers()) * error, time);
            for (int i = 0; i < ids.length; i++) {
                skills.put(ids[i], traces[i].after(correct, TraceModel.eloStep(traces[i].answers()) * error, time));
            }
        }
    }
}
