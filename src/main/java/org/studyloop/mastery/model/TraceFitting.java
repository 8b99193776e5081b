package org.studyloop.mastery.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import org.studyloop.mastery.AttemptLog;
import org.studyloop.mastery.ItemSkills;

/**
 * The batch fit of the online {@link TraceModel} (see {@link TraceKnowledgeModel}): each answer
 * encoded from the student's earlier answers only, the items' Elo difficulties learned on the way
 * from the training students, then the L2-penalised log loss minimised with {@link Lbfgs} over the
 * shared weights, one easiness per skill and one per item, under the signs of {@link
 * TraceModel#SIGNS}.
 */
final class TraceFitting {

    private final Lbfgs optimiser = new Lbfgs(10, 300, 1e-9);

    TraceKnowledgeModel.Fit fit(AttemptLog log, ItemSkills itemSkills, double[] lambdas) {

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
        return new TraceKnowledgeModel.Fit(
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
        var states = new HashMap<Integer, TraceState>();
        for (int r = 0; r < log.size(); r++) {
            var state = states.computeIfAbsent(log.student(r), s -> new TraceState());
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
}
