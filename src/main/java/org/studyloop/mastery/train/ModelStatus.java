package org.studyloop.mastery.train;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.studyloop.mastery.cat.CalibratedBank;
import org.studyloop.mastery.model.Metrics;
import org.studyloop.mastery.online.ModelParameters;

/**
 * What the learner model is and how it does: the version serving, the stored versions with their
 * held-out metrics, and live metrics of the predictions the serving model made before the latest
 * answers (the evidence log keeps each prediction), which show drift between fits.
 */
@Component
public class ModelStatus {

    /** Answers the live metrics are computed over, newest first. */
    static final int LIVE_ROWS = 20_000;

    /**
     * @param version 0 while the built-in defaults serve
     * @param source how the serving parameters were obtained
     */
    public record Serving(
            String name, int version, @Nullable Instant trainedAt, String source) {}

    /** Metrics of the predictions made before the latest answers. */
    public record Live(
            int rows,
            @Nullable Instant since,
            @Nullable Double auc,
            @Nullable Double logloss,
            @Nullable Double meanPredicted,
            @Nullable Double observed) {}

    /**
     * @param itemCalibration the newest IRT calibration of the items ({@code calibrate-items}): name,
     *     version, trained at, training rows and metrics (held-out AUC and log loss of 1PL and 2PL);
     *     null before the first, while the authors' priors serve
     */
    public record Status(
            Serving serving,
            List<Map<String, Object>> versions,
            Live live,
            @Nullable Map<String, Object> itemCalibration) {}

    private final ModelParameters parameters;
    private final LearnerTraining training;
    private final JdbcClient jdbc;

    ModelStatus(ModelParameters parameters, LearnerTraining training, JdbcClient jdbc) {
        this.parameters = parameters;
        this.training = training;
        this.jdbc = jdbc;
    }

    public Status status() {
        var current = parameters.current();
        var serving = current.version() == 0
                ? new Serving(
                        ModelParameters.NAME,
                        0,
                        null,
                        "built-in defaults: shared weights fitted on ASSISTments 2009 (bench/README.md)")
                : new Serving(
                        ModelParameters.NAME,
                        current.version(),
                        current.trainedAt(),
                        "fitted on this deployment's evidence log");
        return new Status(serving, training.versions(20), live(), itemCalibration());
    }

    private @Nullable Map<String, Object> itemCalibration() {
        return training.versions(CalibratedBank.NAME, 1).stream().findFirst().orElse(null);
    }

    private Live live() {
        var predicted = new ArrayList<Double>();
        var labels = new ArrayList<Boolean>();
        var since = new Instant[1];
        jdbc.sql("select predicted, correct, answered_at from mastery.evidence order by id desc limit ?")
                .param(LIVE_ROWS)
                .query(rs -> {
                    predicted.add(rs.getDouble("predicted"));
                    labels.add(rs.getBoolean("correct"));
                    since[0] = rs.getTimestamp("answered_at").toInstant();
                });
        int n = predicted.size();
        if (n == 0) {
            return new Live(0, null, null, null, null, null);
        }
        var p = new double[n];
        var y = new boolean[n];
        double observed = 0;
        for (int i = 0; i < n; i++) {
            p[i] = predicted.get(i);
            y[i] = labels.get(i);
            observed += y[i] ? 1 : 0;
        }
        double auc = Metrics.auc(p, y);
        return new Live(
                n,
                since[0],
                Double.isFinite(auc) ? auc : null,
                Metrics.logLoss(p, y),
                java.util.Arrays.stream(p).average().orElse(0),
                observed / n);
    }
}
