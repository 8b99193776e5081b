package org.studyloop.mastery.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.studyloop.mastery.AttemptLog;
import org.studyloop.mastery.ItemSkills;
import org.studyloop.mastery.model.KnowledgeModels;
import org.studyloop.mastery.online.MasteryProperties;
import org.studyloop.mastery.outlook.Forecast;
import org.studyloop.mastery.train.EvidenceLog;
import org.studyloop.shared.command.Command;
import org.studyloop.shared.command.MaintenanceCommand;

/**
 * Backtests the course-mastery forecast of the predictions endpoint ({@link ForecastBacktest}) on
 * answer files in the {@code learner-eval} format, or on the attempts the app recorded ({@code
 * mastery.evidence}). Fits the knowledge model and the cohort prior on the training students, then
 * cuts each test student's history, forecasts, and prints one line per horizon: the mean absolute
 * error, the interval's coverage and width, and the errors of three simpler forecasts (no change;
 * the student's own rate alone; the cohort's alone).
 */
@Command(
        name = "forecast-backtest",
        summary =
                "Cut each student's history, forecast course mastery, compare with what followed; print MAE and coverage",
        usage = "(--train FILE --test FILE [--item-skills FILE] | --attempts) [--model NAME] [--min-answers N]")
class ForecastBacktestCommand implements MaintenanceCommand {

    private static final Set<String> OPTIONS = Set.of("--train", "--test", "--item-skills", "--model", "--min-answers");
    private static final double[] CUTS = {0.25, 0.5, 0.75};
    private static final int[] DAYS = {30, 60, 90};

    private final ObjectProvider<EvidenceLog> evidence;
    private final MasteryProperties properties;

    ForecastBacktestCommand(ObjectProvider<EvidenceLog> evidence, MasteryProperties properties) {
        this.evidence = evidence;
        this.properties = properties;
    }

    @Override
    public int run(List<String> args, PrintStream out) throws IOException {
        var options = new HashMap<String, String>();
        boolean attempts = false;
        for (int i = 0; i < args.size(); i++) {
            var name = args.get(i);
            if (name.equals("--attempts")) {
                attempts = true;
            } else if (OPTIONS.contains(name) && i + 1 < args.size()) {
                options.put(name, args.get(++i));
            } else {
                return usage(OPTIONS.contains(name) ? name + " needs a value" : "unknown argument '" + name + "'");
            }
        }
        if (attempts == (options.containsKey("--train") || options.containsKey("--test"))
                || !attempts && !(options.containsKey("--train") && options.containsKey("--test"))) {
            return usage("give either --train and --test, or --attempts");
        }
        var modelName = options.getOrDefault("--model", "online");
        var model = KnowledgeModels.create(modelName);
        if (model.isEmpty()) {
            return usage("unknown model '" + modelName + "'; one of " + String.join(", ", KnowledgeModels.names()));
        }
        int minAnswers;
        try {
            minAnswers = Integer.parseInt(options.getOrDefault("--min-answers", "20"));
        } catch (NumberFormatException e) {
            return usage("--min-answers needs a number");
        }
        AttemptLog train;
        AttemptLog test;
        ItemSkills skills;
        if (attempts) {
            var data = evidence.getObject().read();
            // The app's own attempts: students with an even dense id train, the others are tested.
            train = data.log().ofStudents(s -> s % 2 == 0);
            test = data.log().ofStudents(s -> s % 2 == 1);
            skills = data.skills();
        } else {
            for (var option : List.of("--train", "--test", "--item-skills")) {
                var file = options.get(option);
                if (file != null && !Files.isReadable(Path.of(file))) {
                    return usage(option + " " + file + ": no such readable file");
                }
            }
            var itemSkills = options.get("--item-skills");
            var data = Dataset.read(
                    Path.of(options.get("--train")),
                    Path.of(options.get("--test")),
                    itemSkills == null ? null : Path.of(itemSkills));
            train = data.train;
            test = data.test;
            skills = data.skills;
        }
        long started = System.nanoTime();
        model.get().fit(train, skills);
        var outlook = properties.outlook();
        var settings = new Forecast.Settings(
                outlook.priorAnswers(),
                outlook.forgettingHalfLife().toHours() / 24.0,
                outlook.interval(),
                outlook.samples(),
                outlook.rateSpreadScale());
        var backtest = new ForecastBacktest(model.get(), skills, settings);
        var prior = backtest.prior(train, minAnswers);
        out.printf(
                Locale.ROOT,
                "model=%s train_rows=%d test_rows=%d prior_kappa=%.4f prior_log_sd=%.3f ceiling=%.3f ceiling_sd=%.3f"
                        + " prior_answers=%d interval=%.2f spread_scale=%.2f%n",
                modelName,
                train.size(),
                test.size(),
                Math.exp(prior.logRate()),
                prior.logSpread(),
                prior.ceiling(),
                prior.ceilingSpread(),
                outlook.priorAnswers(),
                outlook.interval(),
                outlook.rateSpreadScale());
        if (test.hasTimes()) {
            for (int days : DAYS) {
                print(out, backtest.byDays(test, prior, days, outlook.recentWeeks(), minAnswers));
            }
        } else {
            for (double cut : CUTS) {
                print(out, backtest.byAnswers(test, prior, cut, minAnswers));
            }
        }
        out.printf(Locale.ROOT, "seconds=%.1f%n", (System.nanoTime() - started) / 1e9);
        return 0;
    }

    private static void print(PrintStream out, BacktestErrors.Result r) {
        if (r.cases() == 0) {
            out.printf(Locale.ROOT, "horizon=\"%s\" students=0 (none with enough history)%n", r.horizon());
            return;
        }
        out.printf(
                Locale.ROOT,
                "horizon=\"%s\" students=%d mean_horizon=%.1f mean_actual=%.4f mean_forecast=%.4f mae=%.4f coverage=%.3f width=%.4f"
                        + " mae_no_change=%.4f mae_own_rate=%.4f mae_cohort_rate=%.4f%n",
                r.horizon(),
                r.cases(),
                r.meanHorizon(),
                r.meanActual(),
                r.meanForecast(),
                r.mae(),
                r.coverage(),
                r.meanWidth(),
                r.persistenceMae(),
                r.ownOnlyMae(),
                r.cohortOnlyMae());
    }

    private static int usage(String problem) {
        System.err.println("forecast-backtest: " + problem);
        System.err.println("Usage: java -jar studyloop.jar forecast-backtest "
                + "(--train FILE --test FILE [--item-skills FILE] | --attempts) [--model NAME] [--min-answers N]");
        return 2;
    }
}
