package org.studyloop.mastery.train;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.studyloop.catalog.ItemId;
import org.studyloop.mastery.AttemptLog;
import org.studyloop.mastery.StudentState;
import org.studyloop.mastery.model.Metrics;
import org.studyloop.mastery.model.TraceKnowledgeModel;
import org.studyloop.mastery.model.TraceModel;
import org.studyloop.mastery.online.ItemCalibration;
import org.studyloop.mastery.online.ModelParameters;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fits the online model on the evidence log and publishes the result as a new version: the shared
 * weights and skill easiness in {@code mastery.model_versions}, the items' terms in {@code
 * mastery.item_params}. Before the fit that is published, the same procedure runs on 80% of the
 * students and replays the other 20% answer by answer (as {@code learner-eval} does), so that each
 * version carries honest held-out metrics. The answer path keeps serving the previous version until
 * the new one is swapped in whole.
 */
@Component
public class LearnerTraining {

    private static final Logger log = LoggerFactory.getLogger(LearnerTraining.class);

    /** Students needed before a fifth of them is held out for metrics. */
    static final int HOLD_OUT_FROM = 10;

    /** What a fit did. */
    public record Outcome(boolean trained, int version, String summary) {}

    private final EvidenceLog evidence;
    private final ItemCalibration calibration;
    private final ModelParameters parameters;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    LearnerTraining(
            EvidenceLog evidence,
            ItemCalibration calibration,
            ModelParameters parameters,
            JdbcClient jdbc,
            JsonMapper json,
            Clock clock) {
        this.evidence = evidence;
        this.calibration = calibration;
        this.parameters = parameters;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Fits when the log holds at least {@code minRows} answers. */
    public Outcome fit(int minRows) {
        long started = System.nanoTime();
        var data = evidence.read();
        var rows = data.log().size();
        if (rows < minRows) {
            return new Outcome(
                    false, 0, "not fitted: " + rows + " answers in the evidence log, " + minRows + " needed");
        }
        var metrics = new LinkedHashMap<String, Object>();
        metrics.put("students", data.students());
        metrics.put("items", data.items().size());
        metrics.put("skills", data.skillIds().size());
        if (data.students() >= HOLD_OUT_FROM) {
            metrics.putAll(heldOut(data));
        }
        var model = TraceKnowledgeModel.online();
        model.fit(data.log(), data.skills());
        var fit = model.lastFit();
        metrics.put("lambda", fit.lambda());
        metrics.put("fitSeconds", Math.round((System.nanoTime() - started) / 1e7) / 100.0);
        int version = publish(data, fit, rows, metrics);
        var summary = String.format(
                Locale.ROOT,
                "version=%d rows=%d students=%d items=%d skills=%d held_out_auc=%s fit_seconds=%.1f",
                version,
                rows,
                data.students(),
                data.items().size(),
                data.skillIds().size(),
                metrics.containsKey("auc") ? String.format(Locale.ROOT, "%.4f", (double) metrics.get("auc")) : "-",
                (double) metrics.get("fitSeconds"));
        log.info("Learner model fitted: {}", summary);
        return new Outcome(true, version, summary);
    }

    /** Fits on 80% of the students and replays the others: AUC, RMSE, log loss and accuracy. */
    private Map<String, Object> heldOut(EvidenceLog.Data data) {
        var students = new ArrayList<Integer>();
        for (int s = 0; s < data.students(); s++) {
            students.add(s);
        }
        Collections.shuffle(students, new Random(17));
        var held = new BitSet();
        students.subList(0, Math.max(1, data.students() / 5)).forEach(held::set);
        var train = data.log().ofStudents(s -> !held.get(s));
        var test = data.log().ofStudents(held::get);
        var model = TraceKnowledgeModel.online();
        model.fit(train, data.skills());
        var p = replay(model, test);
        var labels = new boolean[test.size()];
        for (int r = 0; r < test.size(); r++) {
            labels[r] = test.correct(r);
        }
        var metrics = new LinkedHashMap<String, Object>();
        metrics.put("auc", Metrics.auc(p, labels));
        metrics.put("rmse", Metrics.rmse(p, labels));
        metrics.put("logloss", Metrics.logLoss(p, labels));
        metrics.put("accuracy", Metrics.accuracy(p, labels));
        metrics.put("heldOutStudents", held.cardinality());
        metrics.put("heldOutRows", test.size());
        metrics.values().removeIf(v -> v instanceof Double d && !Double.isFinite(d));
        return metrics;
    }

    private static double[] replay(TraceKnowledgeModel model, AttemptLog log) {
        var p = new double[log.size()];
        var states = new HashMap<Integer, StudentState>();
        for (int r = 0; r < log.size(); r++) {
            var state = states.computeIfAbsent(log.student(r), s -> model.newState());
            p[r] = model.predict(state, log.item(r), log.time(r));
            model.update(state, log.item(r), log.correct(r), log.time(r));
        }
        return p;
    }

    private int publish(EvidenceLog.Data data, TraceKnowledgeModel.Fit fit, int rows, Map<String, Object> metrics) {
        var skills = new LinkedHashMap<String, Double>();
        for (int k = 0; k < data.skillIds().size(); k++) {
            skills.put(data.skillIds().get(k).toString(), fit.easiness()[k]);
        }
        var weights = new ArrayList<Double>();
        for (double w : fit.model().weights()) {
            weights.add(w);
        }
        var params = new ModelParameters.Stored(weights, skills);
        int version = jdbc.sql("""
                        insert into mastery.model_versions (name, trained_at, training_rows, metrics, params)
                        values (?, ?, ?, ?::jsonb, ?::jsonb) returning version""")
                .params(
                        ModelParameters.NAME,
                        Timestamp.from(clock.instant()),
                        rows,
                        json.writeValueAsString(metrics),
                        json.writeValueAsString(params))
                .query(Integer.class)
                .single();
        // Each trained item's own term is what the fit gave it: its easiness less the weighted Elo difficulty.
        double w = fit.model().weights()[TraceModel.EASINESS];
        var items = new HashMap<ItemId, ItemCalibration.Params>();
        for (int i = 0; i < data.items().size(); i++) {
            items.put(
                    data.items().get(i),
                    new ItemCalibration.Params(
                            w * fit.difficulty()[i] - fit.itemEasiness()[i],
                            fit.difficulty()[i],
                            fit.difficultyAnswers()[i]));
        }
        calibration.replace(items);
        parameters.refresh();
        return version;
    }

    /** The versions stored, newest first. */
    public List<Map<String, Object>> versions(int limit) {
        return versions(null, limit);
    }

    /** The versions of one model (every model when null), newest first. */
    public List<Map<String, Object>> versions(@Nullable String name, int limit) {
        return jdbc.sql("""
                        select version, name, trained_at, training_rows, metrics::text as metrics
                        from mastery.model_versions where (?::text is null or name = ?)
                        order by version desc limit ?""")
                .params(name, name, limit)
                .query((rs, row) -> {
                    Map<String, Object> version = new LinkedHashMap<>();
                    version.put("name", rs.getString("name"));
                    version.put("version", rs.getInt("version"));
                    version.put("trainedAt", rs.getTimestamp("trained_at").toInstant());
                    version.put("trainingRows", rs.getInt("training_rows"));
                    version.put("metrics", json.readValue(rs.getString("metrics"), Map.class));
                    return version;
                })
                .list();
    }
}
