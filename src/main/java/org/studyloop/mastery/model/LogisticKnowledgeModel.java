package org.studyloop.mastery.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.studyloop.mastery.AttemptLog;
import org.studyloop.mastery.ItemSkills;
import org.studyloop.mastery.KnowledgeModel;
import org.studyloop.mastery.SkillMastery;
import org.studyloop.mastery.StudentState;

/**
 * Logistic knowledge tracing over sparse features of the item, its skills and the student's
 * history: the family of PFA (Pavlik, Cen and Koedinger, "Performance Factors Analysis — A New
 * Alternative to Knowledge Tracing", AIED 2009), DAS3H (Choffin, Popineau, Bourda and Vie,
 * "DAS3H: Modeling Student Learning and Forgetting for Optimally Scheduling Distributed Practice
 * of Skills", EDM 2019) and Best-LR (Gervet, Koedinger, Schneider and Mitchell, "When is Deep
 * Learning the Best Approach to Knowledge Tracing?", JEDM 2020). Which feature groups it uses is a
 * constructor argument, so the same code is PFA, Best-LR or the richer default.
 *
 * <p>The recency features follow R-PFA (Galyardt and Goldin, "Move your lamp post: Recent data
 * reflects learner knowledge better than older data", JEDM 2015): exponentially decayed counts of
 * successes and failures per skill, decayed per answer on the skill. Several skills of one item
 * sum their features, as in the Q-matrix models above.
 *
 * <p>Training minimises the mean log loss plus an L2 penalty with {@link Lbfgs}. When no penalty
 * is fixed, it is chosen from a small grid by the AUC on 20% of the training students held out,
 * then the model is refitted on all of them. Items never seen in training keep a zero weight, so
 * they are predicted from their skills and the student's history alone (the prior difficulty).
 */
public final class LogisticKnowledgeModel implements KnowledgeModel {

    /** Feature groups. */
    public enum Feature {
        /** One weight per item: its easiness. */
        ITEM,
        /** One weight per skill: its easiness. */
        SKILL,
        /** Per-skill weights for log(1 + attempts) and log(1 + successes) on the skill (Best-LR). */
        SKILL_COUNTS,
        /** Shared weights for log(1 + attempts) and log(1 + successes) over all answers. */
        TOTAL_COUNTS,
        /** Shared weights for log(1 + attempts) and log(1 + successes) on this very item. */
        ITEM_COUNTS,
        /** Per-skill weights for raw counts of successes and failures on the skill (PFA). */
        PFA_COUNTS,
        /** Shared weights for log(1 + attempts) and log(1 + successes) on the item's skills. */
        SHARED_SKILL_COUNTS,
        /** Exponentially decayed success and failure counts, per skill and over all answers. */
        RECENCY,
        /** The last answer on the skill and the current runs of successes and failures on it. */
        STREAK,
        /**
         * The student's Elo ability, global and on the item's skills (Pelánek 2016), rated against
         * item difficulties that training learns online, so a training answer never rates itself.
         */
        ABILITY,
        /**
         * Success and failure counts per skill decayed by elapsed time (half-lives of a day and of a
         * month) and log(1 + hours) since the last answer on the skill and overall: the time
         * windows of DAS3H as exponential decay, O(1) per answer. Used only when the training
         * answers carry times.
         */
        TIME
    }

    /** Best-LR of Gervet et al. 2020: item, skill, and counts per skill, per item and in total. */
    public static final Set<Feature> BEST_LR =
            EnumSet.of(Feature.ITEM, Feature.SKILL, Feature.SKILL_COUNTS, Feature.TOTAL_COUNTS, Feature.ITEM_COUNTS);

    /** PFA: skill easiness and per-skill weights of successes and failures. */
    public static final Set<Feature> PFA = EnumSet.of(Feature.SKILL, Feature.PFA_COUNTS);

    /** Best-LR with recency, streaks and shared skill counts: the default. */
    public static final Set<Feature> BEST_LR_PLUS = EnumSet.of(
            Feature.ITEM,
            Feature.SKILL,
            Feature.SKILL_COUNTS,
            Feature.TOTAL_COUNTS,
            Feature.ITEM_COUNTS,
            Feature.SHARED_SKILL_COUNTS,
            Feature.RECENCY,
            Feature.STREAK,
            Feature.ABILITY,
            Feature.TIME);

    /** Decay per answer of the recency counts: a fast and a slow memory. */
    static final double[] DECAYS = {0.5, 0.85};

    /** Half-lives in seconds of the time-decayed counts: a day and 30 days. */
    static final double[] HALF_LIVES = {86_400, 30 * 86_400};

    private static final double LN2 = Math.log(2);

    /** Penalties tried on the validation split, strongest first. */
    static final double[] LAMBDA_GRID = {1e-4, 3e-5, 1e-5, 3e-6, 1e-6};

    private static final double CONFIDENCE_HALF = 4;
    private static final double ELO_ALPHA = 1.0;
    private static final double ELO_BETA = 0.05;

    private final String name;
    private final EnumSet<Feature> features;
    private final double[] lambdas;
    /** Each penalty of the grid starts from the last one's solution, so fewer iterations do. */
    private final Lbfgs gridOptimiser = new Lbfgs(10, 250, 1e-9);

    private final Lbfgs optimiser = new Lbfgs(10, 300, 1e-9);

    /** The published fit: replaced whole by {@link #fit}, so the online path never waits for it. */
    private volatile Fit fit;

    /**
     * @param name the model's name
     * @param features the feature groups it uses
     * @param lambdas the L2 penalties to choose from on a validation split; one value fixes it
     */
    public LogisticKnowledgeModel(String name, Set<Feature> features, double... lambdas) {
        if (features.isEmpty() || lambdas.length == 0) {
            throw new IllegalArgumentException("a logistic model needs features and a penalty");
        }
        this.name = name;
        this.features = EnumSet.copyOf(features);
        this.lambdas = lambdas.clone();
        this.fit = new Fit(this.features, ItemSkills.of(new int[0][], 0));
    }

    public static LogisticKnowledgeModel bestLr() {
        return new LogisticKnowledgeModel("best-lr", BEST_LR, LAMBDA_GRID);
    }

    public static LogisticKnowledgeModel bestLrPlus() {
        return new LogisticKnowledgeModel("best-lr-plus", BEST_LR_PLUS, LAMBDA_GRID);
    }

    public static LogisticKnowledgeModel pfa() {
        return new LogisticKnowledgeModel("pfa", PFA, LAMBDA_GRID);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String describe() {
        return fit.description;
    }

    /** The fitted weights (a copy). */
    public double[] weights() {
        return fit.weights.clone();
    }

    @Override
    public void fit(AttemptLog log, ItemSkills itemSkills) {
        var used = EnumSet.copyOf(features);
        if (!log.hasTimes()) {
            used.remove(Feature.TIME);
        }
        var f = new Fit(used, itemSkills);
        var penalty = new double[f.columns];
        Arrays.fill(penalty, 1);
        penalty[0] = 0;
        var start = new double[f.columns];
        double lambda = lambdas[0];
        var report = new StringBuilder();
        if (lambdas.length > 1) {
            var validation = validationStudents(log, 0.2, 17);
            var train = new SparseRows();
            var valid = new SparseRows();
            encode(
                    f,
                    log,
                    row -> validation.get(log.student(row)) ? valid : train,
                    row -> !validation.get(log.student(row)));
            double bestAuc = -1;
            var scores = new double[valid.rows()];
            var labels = new boolean[valid.rows()];
            for (double candidate : lambdas) {
                var result = gridOptimiser.minimize(new LogisticObjective(train, candidate, penalty), start);
                start = result.x();
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
        encode(f, log, row -> all, row -> true);
        var result = optimiser.minimize(new LogisticObjective(all, lambda, penalty), start);
        f.weights = result.x();
        f.description = String.format(
                        Locale.ROOT,
                        "%s features=%s%s lambda=%.0e iterations=%d",
                        name,
                        used.stream()
                                .map(group -> group.name().toLowerCase(Locale.ROOT))
                                .collect(Collectors.joining(",")),
                        (used.contains(Feature.RECENCY) ? " decays=" + Arrays.toString(DECAYS) : "")
                                + (used.contains(Feature.TIME) ? " half_lives_s=" + Arrays.toString(HALF_LIVES) : ""),
                        lambda,
                        result.iterations())
                + (report.isEmpty()
                        ? " (fixed)"
                        : " (validation AUC by lambda, 20% of training students:" + report + ")");
        fit = f;
    }

    /** A deterministic random share of the students, as a membership table over student ids. */
    static java.util.BitSet validationStudents(AttemptLog log, double share, long seed) {
        var students = new ArrayList<Integer>();
        var seen = new java.util.BitSet();
        for (int r = 0; r < log.size(); r++) {
            if (!seen.get(log.student(r))) {
                seen.set(log.student(r));
                students.add(log.student(r));
            }
        }
        java.util.Collections.shuffle(students, new Random(seed));
        var chosen = new java.util.BitSet();
        for (int i = 0; i < Math.round(students.size() * share); i++) {
            chosen.set(students.get(i));
        }
        return chosen;
    }

    /**
     * Encodes the log's answers as feature rows, each from the student's earlier answers only; the
     * Elo item difficulties learn online from the rows {@code learns} accepts.
     */
    private void encode(
            Fit f,
            AttemptLog log,
            java.util.function.IntFunction<SparseRows> target,
            java.util.function.IntPredicate learns) {
        java.util.Arrays.fill(f.difficulty, 0);
        java.util.Arrays.fill(f.difficultyAnswers, 0);
        var states = new java.util.HashMap<Integer, State>();
        for (int r = 0; r < log.size(); r++) {
            var state = states.computeIfAbsent(log.student(r), s -> new State());
            var rows = target.apply(r);
            rows.beginRow(log.correct(r));
            int item = log.item(r);
            features(f, state, item, f.skills.skillsOf(item), log.time(r), rows::put);
            if (f.abilityCol >= 0 && item < f.difficulty.length && learns.test(r)) {
                double error = (log.correct(r) ? 1 : 0) - eloPredict(f, state, item, f.skills.skillsOf(item));
                f.difficulty[item] -= ELO_ALPHA / (1 + ELO_BETA * f.difficultyAnswers[item]) * error;
                f.difficultyAnswers[item]++;
            }
            apply(f, state, item, log.correct(r), log.time(r));
        }
    }

    /** Receives the non-zero features of one answer; a column may come more than once (they add). */
    @FunctionalInterface
    interface Sink {
        void put(int column, double value);
    }

    /** The features of the student's next answer to the item with the given skills; item -1 for none. */
    void features(Fit f, State s, int item, int[] itemSkills, long time, Sink sink) {
        sink.put(0, 1);
        if (f.timeCol >= 0 && s.answers > 0) {
            sink.put(f.timeCol + 2 * HALF_LIVES.length + 1, Math.log1p(hours(time - s.lastTime)));
        }
        if (f.totalCol >= 0) {
            sink.put(f.totalCol, Math.log1p(s.answers));
            sink.put(f.totalCol + 1, Math.log1p(s.wins));
        }
        if (f.itemCountCol >= 0 && item >= 0) {
            int slot = s.items.find(item);
            if (slot >= 0) {
                sink.put(f.itemCountCol, Math.log1p(s.itemAttempts[slot]));
                sink.put(f.itemCountCol + 1, Math.log1p(s.itemWins[slot]));
            }
        }
        if (f.recencyCol >= 0) {
            for (int d = 0; d < DECAYS.length; d++) {
                sink.put(f.recencyCol + 4 * d + 2, s.totalDecayedWins[d]);
                sink.put(f.recencyCol + 4 * d + 3, s.totalDecayedFails[d]);
            }
        }
        if (f.abilityCol >= 0) {
            sink.put(f.abilityCol, s.ability);
            sink.put(f.abilityCol + 1, localAbility(s, itemSkills));
        }
        if (f.itemBase >= 0 && item >= 0 && item < f.skills.items()) {
            sink.put(f.itemBase + item, 1);
        }
        for (int k : itemSkills) {
            if (f.skillBase >= 0) {
                sink.put(f.skillBase + k, 1);
            }
            int slot = s.skills.find(k);
            if (slot < 0) {
                continue;
            }
            int attempts = s.attempts[slot];
            int wins = s.skillWins[slot];
            if (f.sharedSkillCol >= 0) {
                sink.put(f.sharedSkillCol, Math.log1p(attempts));
                sink.put(f.sharedSkillCol + 1, Math.log1p(wins));
            }
            if (f.skillCountBase >= 0) {
                sink.put(f.skillCountBase + 2 * k, Math.log1p(attempts));
                sink.put(f.skillCountBase + 2 * k + 1, Math.log1p(wins));
            }
            if (f.pfaBase >= 0) {
                sink.put(f.pfaBase + 2 * k, wins);
                sink.put(f.pfaBase + 2 * k + 1, attempts - wins);
            }
            if (f.recencyCol >= 0) {
                for (int d = 0; d < DECAYS.length; d++) {
                    sink.put(f.recencyCol + 4 * d, s.decayedWins[slot * DECAYS.length + d]);
                    sink.put(f.recencyCol + 4 * d + 1, s.decayedFails[slot * DECAYS.length + d]);
                }
            }
            if (f.timeCol >= 0) {
                long elapsed = time - s.skillTime[slot];
                for (int h = 0; h < HALF_LIVES.length; h++) {
                    double decay = Math.exp(-LN2 * Math.max(0, elapsed) / HALF_LIVES[h]);
                    sink.put(f.timeCol + 2 * h, decay * s.timeWins[slot * HALF_LIVES.length + h]);
                    sink.put(f.timeCol + 2 * h + 1, decay * s.timeFails[slot * HALF_LIVES.length + h]);
                }
                sink.put(f.timeCol + 2 * HALF_LIVES.length, Math.log1p(hours(elapsed)));
            }
            if (f.streakCol >= 0) {
                int run = s.run[slot];
                sink.put(f.streakCol, run > 0 ? 1 : 0);
                sink.put(f.streakCol + 1, run < 0 ? 1 : 0);
                sink.put(f.streakCol + 2, run > 0 ? Math.log1p(run) : 0);
                sink.put(f.streakCol + 3, run < 0 ? Math.log1p(-run) : 0);
            }
        }
    }

    private static double hours(long seconds) {
        return Math.max(0, seconds) / 3600.0;
    }

    private static double localAbility(State s, int[] itemSkills) {
        double sum = 0;
        for (int k : itemSkills) {
            int slot = s.skills.find(k);
            if (slot >= 0) {
                sum += s.local[slot];
            }
        }
        return itemSkills.length == 0 ? 0 : sum / itemSkills.length;
    }

    private double eloPredict(Fit f, State s, int item, int[] itemSkills) {
        double b = item >= 0 && item < f.difficulty.length ? f.difficulty[item] : 0;
        return LogisticObjective.sigmoid(s.ability + localAbility(s, itemSkills) - b);
    }

    @Override
    public StudentState newState() {
        return new State();
    }

    @Override
    public double predict(StudentState state, int item) {
        return predict(state, item, ((State) state).lastTime);
    }

    @Override
    public double predict(StudentState state, int item, long time) {
        var f = fit;
        return LogisticObjective.sigmoid(score(f, (State) state, item, f.skills.skillsOf(item), time));
    }

    private double score(Fit f, State state, int item, int[] itemSkills, long time) {
        var sum = new double[1];
        var w = f.weights;
        features(f, state, item, itemSkills, time, (column, value) -> sum[0] += w[column] * value);
        return sum[0];
    }

    @Override
    public void update(StudentState studentState, int item, boolean correct) {
        update(studentState, item, correct, ((State) studentState).lastTime);
    }

    @Override
    public void update(StudentState studentState, int item, boolean correct, long time) {
        apply(fit, (State) studentState, item, correct, time);
    }

    private void apply(Fit f, State s, int item, boolean correct, long time) {
        int y = correct ? 1 : 0;
        var itemSkills = f.skills.skillsOf(item);
        if (f.abilityCol >= 0) {
            for (int k : itemSkills) {
                s.ensureSkills(s.skills.slot(k) + 1);
            }
            double error = y - eloPredict(f, s, item, itemSkills);
            s.ability += ELO_ALPHA / (1 + ELO_BETA * s.answers) * error;
            for (int k : itemSkills) {
                int slot = s.skills.find(k);
                s.local[slot] += ELO_ALPHA / (1 + ELO_BETA * s.attempts[slot]) * error;
            }
        }
        s.answers++;
        s.wins += y;
        for (int d = 0; d < DECAYS.length; d++) {
            s.totalDecayedWins[d] = DECAYS[d] * s.totalDecayedWins[d] + y;
            s.totalDecayedFails[d] = DECAYS[d] * s.totalDecayedFails[d] + 1 - y;
        }
        int itemSlot = s.items.slot(item);
        s.ensureItems(itemSlot + 1);
        s.itemAttempts[itemSlot]++;
        s.itemWins[itemSlot] += y;
        for (int k : itemSkills) {
            int slot = s.skills.slot(k);
            s.ensureSkills(slot + 1);
            s.attempts[slot]++;
            s.skillWins[slot] += y;
            for (int d = 0; d < DECAYS.length; d++) {
                int at = slot * DECAYS.length + d;
                s.decayedWins[at] = DECAYS[d] * s.decayedWins[at] + y;
                s.decayedFails[at] = DECAYS[d] * s.decayedFails[at] + 1 - y;
            }
            int run = s.run[slot];
            s.run[slot] = correct ? (run > 0 ? run + 1 : 1) : (run < 0 ? run - 1 : -1);
            double elapsed = Math.max(0, time - s.skillTime[slot]);
            for (int h = 0; h < HALF_LIVES.length; h++) {
                int at = slot * HALF_LIVES.length + h;
                double decay = Math.exp(-LN2 * elapsed / HALF_LIVES[h]);
                s.timeWins[at] = decay * s.timeWins[at] + y;
                s.timeFails[at] = decay * s.timeFails[at] + 1 - y;
            }
            s.skillTime[slot] = time;
        }
        s.lastTime = time;
    }

    /**
     * P(correct) on an item of the skill whose own easiness is zero — an item of average difficulty
     * given the skill — from the student's history on the skill and overall.
     */
    @Override
    public SkillMastery mastery(StudentState studentState, int skill) {
        var s = (State) studentState;
        var f = fit;
        if (skill < 0 || skill >= f.skills.skills()) {
            throw new IllegalArgumentException("no skill " + skill + " in the fitted item-skill matrix");
        }
        double p = LogisticObjective.sigmoid(score(f, s, -1, new int[] {skill}, s.lastTime));
        int slot = s.skills.find(skill);
        int answers = slot < 0 ? 0 : s.attempts[slot];
        return new SkillMastery(p, answers / (answers + CONFIDENCE_HALF), answers);
    }

    /** How many skills the student's state holds: for tests of the O(skills of the item) update. */
    static int skillsHeld(StudentState state) {
        return ((State) state).skills.size();
    }

    /** A fit: the item-skill matrix, the column layout, the weights and the Elo item difficulties. */
    private static final class Fit {
        final ItemSkills skills;
        int totalCol = -1;
        int itemCountCol = -1;
        int sharedSkillCol = -1;
        int recencyCol = -1;
        int streakCol = -1;
        int abilityCol = -1;
        int timeCol = -1;
        int itemBase = -1;
        int skillBase = -1;
        int skillCountBase = -1;
        int pfaBase = -1;
        final int columns;
        final double[] difficulty;
        final int[] difficultyAnswers;
        double[] weights;
        String description = "not fitted";

        Fit(Set<Feature> features, ItemSkills skills) {
            this.skills = skills;
            int items = skills.items();
            int skillCount = skills.skills();
            int next = 1;
            if (features.contains(Feature.TOTAL_COUNTS)) {
                totalCol = next;
                next += 2;
            }
            if (features.contains(Feature.ITEM_COUNTS)) {
                itemCountCol = next;
                next += 2;
            }
            if (features.contains(Feature.SHARED_SKILL_COUNTS)) {
                sharedSkillCol = next;
                next += 2;
            }
            if (features.contains(Feature.RECENCY)) {
                recencyCol = next;
                next += 4 * DECAYS.length;
            }
            if (features.contains(Feature.STREAK)) {
                streakCol = next;
                next += 4;
            }
            if (features.contains(Feature.ABILITY)) {
                abilityCol = next;
                next += 2;
            }
            if (features.contains(Feature.TIME)) {
                timeCol = next;
                next += 2 * HALF_LIVES.length + 2;
            }
            if (features.contains(Feature.ITEM)) {
                itemBase = next;
                next += items;
            }
            if (features.contains(Feature.SKILL)) {
                skillBase = next;
                next += skillCount;
            }
            if (features.contains(Feature.SKILL_COUNTS)) {
                skillCountBase = next;
                next += 2 * skillCount;
            }
            if (features.contains(Feature.PFA_COUNTS)) {
                pfaBase = next;
                next += 2 * skillCount;
            }
            columns = next;
            difficulty = new double[items];
            difficultyAnswers = new int[items];
            weights = new double[columns];
        }
    }

    /** One student's history, in primitive arrays indexed by dense per-student slots. */
    static final class State implements StudentState {
        int answers;
        int wins;
        double ability;
        long lastTime;
        double[] local = new double[4];
        long[] skillTime = new long[4];
        double[] timeWins = new double[4 * HALF_LIVES.length];
        double[] timeFails = new double[4 * HALF_LIVES.length];
        final double[] totalDecayedWins = new double[DECAYS.length];
        final double[] totalDecayedFails = new double[DECAYS.length];
        final IntSlots skills = new IntSlots();
        int[] attempts = new int[4];
        int[] skillWins = new int[4];
        int[] run = new int[4];
        double[] decayedWins = new double[4 * DECAYS.length];
        double[] decayedFails = new double[4 * DECAYS.length];
        final IntSlots items = new IntSlots();
        int[] itemAttempts = new int[8];
        int[] itemWins = new int[8];

        @Override
        public int answers() {
            return answers;
        }

        void ensureSkills(int n) {
            if (n > attempts.length) {
                int size = Math.max(n, attempts.length * 2);
                attempts = Arrays.copyOf(attempts, size);
                skillWins = Arrays.copyOf(skillWins, size);
                run = Arrays.copyOf(run, size);
                local = Arrays.copyOf(local, size);
                skillTime = Arrays.copyOf(skillTime, size);
                timeWins = Arrays.copyOf(timeWins, size * HALF_LIVES.length);
                timeFails = Arrays.copyOf(timeFails, size * HALF_LIVES.length);
                decayedWins = Arrays.copyOf(decayedWins, size * DECAYS.length);
                decayedFails = Arrays.copyOf(decayedFails, size * DECAYS.length);
            }
        }

        void ensureItems(int n) {
            if (n > itemAttempts.length) {
                int size = Math.max(n, itemAttempts.length * 2);
                itemAttempts = Arrays.copyOf(itemAttempts, size);
                itemWins = Arrays.copyOf(itemWins, size);
            }
        }
    }
}
