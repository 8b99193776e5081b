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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.studyloop.mastery.AttemptLog;
import org.studyloop.mastery.bank.ItemIndex;
import org.studyloop.mastery.cat.CalibratedBank;
import org.studyloop.mastery.irt.AbilityPosterior;
import org.studyloop.mastery.irt.Calibration;
import org.studyloop.mastery.irt.MarginalMaximumLikelihood;
import org.studyloop.mastery.model.Metrics;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calibrates the items by IRT on the evidence log and publishes the result as a version of {@value
 * CalibratedBank#NAME}: the item rows in {@code mastery.irt_items}, the metrics in {@code
 * mastery.model_versions}. Each item's difficulty prior is its author's (cold start, and the pull
 * on items with few answers). Before the published fit, 1PL and 2PL are both fitted on 80% of the
 * students and the other 20% replayed answer by answer (ability posterior from the earlier
 * answers, then predict), so the version carries held-out figures of both.
 */
@Component
public class ItemResponseTraining {

    private static final Logger log = LoggerFactory.getLogger(ItemResponseTraining.class);

    private final EvidenceLog evidence;
    private final ItemIndex index;
    private final CalibratedBank bank;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ItemResponseTraining(
            EvidenceLog evidence,
            ItemIndex index,
            CalibratedBank bank,
            JdbcClient jdbc,
            JdbcTemplate template,
            JsonMapper json,
            TransactionTemplate transactions,
            Clock clock) {
        this.evidence = evidence;
        this.index = index;
        this.bank = bank;
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Calibrates when the log holds at least {@code minRows} answers. */
    public LearnerTraining.Outcome calibrate(int minRows, int minAnswersForSlope) {
        long started = System.nanoTime();
        var data = evidence.read();
        int rows = data.log().size();
        if (rows < minRows) {
            return new LearnerTraining.Outcome(
                    false, 0, "not calibrated: " + rows + " answers in the evidence log, " + minRows + " needed");
        }
        var priors = new double[data.items().size()];
        for (int i = 0; i < priors.length; i++) {
            priors[i] = index.item(data.items().get(i))
                    .map(ItemIndex.ItemMeta::prior)
                    .orElse(0.0);
        }
        var metrics = new LinkedHashMap<String, Object>();
        metrics.put("students", data.students());
        metrics.put("items", priors.length);
        metrics.put("minAnswersForSlope", minAnswersForSlope);
        if (data.students() >= LearnerTraining.HOLD_OUT_FROM) {
            metrics.putAll(heldOut(data, priors, minAnswersForSlope));
        }
        var fit = MarginalMaximumLikelihood.twoPl(minAnswersForSlope).fit(data.log(), priors.length, priors);
        metrics.put("twoParameterItems", fit.twoParameterItems());
        metrics.put("sharedDiscrimination", fit.sharedDiscrimination());
        metrics.put("logLikelihood", fit.logLikelihood());
        metrics.put("emCycles", fit.iterations());
        metrics.put("fitSeconds", Math.round((System.nanoTime() - started) / 1e7) / 100.0);
        int version = transactions.execute(status -> publish(data, fit, rows, metrics));
        bank.refresh();
        var summary = String.format(
                Locale.ROOT,
                "version=%d rows=%d items=%d two_pl_items=%d shared_a=%.3f held_out_auc_1pl=%s held_out_auc_2pl=%s"
                        + " fit_seconds=%.1f",
                version,
                rows,
                priors.length,
                fit.twoParameterItems(),
                fit.sharedDiscrimination(),
                format(metrics.get("auc1pl")),
                format(metrics.get("auc2pl")),
                (double) metrics.get("fitSeconds"));
        log.info("Items calibrated: {}", summary);
        return new LearnerTraining.Outcome(true, version, summary);
    }

    private static String format(Object value) {
        return value instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : "-";
    }

    private Map<String, Object> heldOut(EvidenceLog.Data data, double[] priors, int minAnswersForSlope) {
        var students = new ArrayList<Integer>();
        for (int s = 0; s < data.students(); s++) {
            students.add(s);
        }
        Collections.shuffle(students, new Random(17));
        var held = new BitSet();
        students.subList(0, Math.max(1, data.students() / 5)).forEach(held::set);
        var train = data.log().ofStudents(s -> !held.get(s));
        var test = data.log().ofStudents(held::get);
        var metrics = new LinkedHashMap<String, Object>();
        var labels = new boolean[test.size()];
        for (int r = 0; r < test.size(); r++) {
            labels[r] = test.correct(r);
        }
        for (var model : List.of("1pl", "2pl")) {
            var calibrator = model.equals("1pl")
                    ? MarginalMaximumLikelihood.onePl()
                    : MarginalMaximumLikelihood.twoPl(minAnswersForSlope);
            var p = replay(calibrator.fit(train, priors.length, priors), test);
            metrics.put("auc" + model, Metrics.auc(p, labels));
            metrics.put("logloss" + model, Metrics.logLoss(p, labels));
        }
        metrics.put("heldOutRows", test.size());
        metrics.values().removeIf(v -> v instanceof Double d && !Double.isFinite(d));
        return metrics;
    }

    /** Each held-out answer predicted from the student's ability posterior of the answers before it. */
    static double[] replay(Calibration calibration, AttemptLog log) {
        var p = new double[log.size()];
        var states = new HashMap<Integer, AbilityPosterior>();
        for (int r = 0; r < log.size(); r++) {
            var posterior = states.computeIfAbsent(log.student(r), s -> new AbilityPosterior());
            var item = calibration.item(log.item(r));
            p[r] = posterior.predict(item);
            posterior.update(item, log.correct(r));
        }
        return p;
    }

    /** The version row and its items, in one transaction: readers see all of a version or none. */
    private int publish(EvidenceLog.Data data, Calibration fit, int rows, Map<String, Object> metrics) {
        int version = jdbc.sql("""
                        insert into mastery.model_versions (name, trained_at, training_rows, metrics, params)
                        values (?, ?, ?, ?::jsonb, ?::jsonb) returning version""")
                .params(
                        CalibratedBank.NAME,
                        Timestamp.from(clock.instant()),
                        rows,
                        json.writeValueAsString(metrics),
                        json.writeValueAsString(Map.of("sharedDiscrimination", fit.sharedDiscrimination())))
                .query(Integer.class)
                .single();
        var batch = new ArrayList<Object[]>();
        for (int i = 0; i < data.items().size(); i++) {
            var item = fit.item(i);
            batch.add(new Object[] {
                version,
                data.items().get(i).value(),
                item.discrimination(),
                item.difficulty(),
                fit.answers()[i],
                fit.freeSlope()[i]
            });
        }
        template.batchUpdate("""
                insert into mastery.irt_items (version, item_id, discrimination, difficulty, answers, own_slope)
                values (?, ?, ?, ?, ?, ?)""", batch);
        return version;
    }
}
