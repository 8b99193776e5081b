package org.studyloop.mastery.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.studyloop.mastery.model.KnowledgeModels;
import org.studyloop.mastery.model.Metrics;
import org.studyloop.shared.command.Command;
import org.studyloop.shared.command.MaintenanceCommand;

/**
 * Trains a knowledge model on one answer file and replays another, as in Gervet et al. 2020: each
 * test student's answers in order, predicting each before it is revealed. Prints AUC, RMSE,
 * accuracy and log loss, a reliability table and the expected calibration error. Needs neither the
 * database nor the network.
 */
@Command(
        name = "learner-eval",
        summary = "Train a knowledge model on one answer file, replay another, print AUC and calibration",
        usage = "--train FILE --test FILE [--item-skills FILE] [--model NAME] [--predictions OUT.csv]")
class LearnerEvalCommand implements MaintenanceCommand {

    private static final Set<String> OPTIONS = Set.of("--train", "--test", "--item-skills", "--model", "--predictions");
    private static final int BINS = 10;

    @Override
    public int run(List<String> args, PrintStream out) throws IOException {
        var options = new HashMap<String, String>();
        for (int i = 0; i < args.size(); i++) {
            var name = args.get(i);
            if (!OPTIONS.contains(name) || i + 1 >= args.size()) {
                return usage(OPTIONS.contains(name) ? name + " needs a value" : "unknown argument '" + name + "'");
            }
            options.put(name, args.get(++i));
        }
        if (!options.containsKey("--train") || !options.containsKey("--test")) {
            return usage("--train and --test are required");
        }
        var modelName = options.getOrDefault("--model", KnowledgeModels.DEFAULT);
        var model = KnowledgeModels.create(modelName);
        if (model.isEmpty()) {
            return usage("unknown model '" + modelName + "'; one of " + String.join(", ", KnowledgeModels.names()));
        }
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

        long started = System.nanoTime();
        model.get().fit(data.train, data.skills);
        double fitSeconds = (System.nanoTime() - started) / 1e9;
        var p = Replay.predictions(model.get(), data.test);
        var labels = Replay.labels(data.test);

        out.println(summary(p, labels, fitSeconds));
        var table = Metrics.reliability(p, labels, BINS);
        out.println(reliability(table));
        out.printf(Locale.ROOT, "ece=%.4f%n", Metrics.ece(table));
        out.println("model=" + model.get().describe());
        var predictions = options.get("--predictions");
        if (predictions != null) {
            write(Path.of(predictions), data, p);
        }
        return 0;
    }

    static String summary(double[] p, boolean[] labels, double fitSeconds) {
        return String.format(
                Locale.ROOT,
                "auc=%.4f rmse=%.4f accuracy=%.4f logloss=%.4f rows=%d fit_seconds=%.1f",
                Metrics.auc(p, labels),
                Metrics.rmse(p, labels),
                Metrics.accuracy(p, labels),
                Metrics.logLoss(p, labels),
                p.length,
                fitSeconds);
    }

    static String reliability(Metrics.Bin[] table) {
        var text = new StringBuilder("bin        count   mean_p  observed\n");
        for (var bin : table) {
            text.append(String.format(
                    Locale.ROOT,
                    "%.1f-%.1f %8d   %s    %s%n",
                    bin.low(),
                    bin.high(),
                    bin.count(),
                    bin.count() == 0 ? "  -   " : String.format(Locale.ROOT, "%.4f", bin.meanPredicted()),
                    bin.count() == 0 ? "  -   " : String.format(Locale.ROOT, "%.4f", bin.observed())));
        }
        return text.toString().stripTrailing();
    }

    private static void write(Path file, Dataset data, double[] p) throws IOException {
        try (var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write("user_id,item_id,correct,p\n");
            for (int r = 0; r < p.length; r++) {
                writer.write(csv(data.studentNames.get(data.test.student(r))) + ","
                        + csv(data.itemNames.get(data.test.item(r))) + ","
                        + (data.test.correct(r) ? 1 : 0) + ","
                        + String.format(Locale.ROOT, "%.6f", p[r]) + "\n");
            }
        }
    }

    private static String csv(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private static int usage(String problem) {
        System.err.println("learner-eval: " + problem);
        System.err.println("Usage: java -jar studyloop.jar learner-eval "
                + "--train FILE --test FILE [--item-skills FILE] [--model NAME] [--predictions OUT.csv]");
        return 2;
    }
}
