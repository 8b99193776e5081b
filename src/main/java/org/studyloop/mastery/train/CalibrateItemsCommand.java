package org.studyloop.mastery.train;

import java.io.PrintStream;
import java.util.List;
import org.studyloop.mastery.irt.MarginalMaximumLikelihood;
import org.studyloop.shared.command.Command;
import org.studyloop.shared.command.MaintenanceCommand;

/** Calibrates the items by IRT (1PL, 2PL where answers allow) on the evidence log and publishes a version. */
@Command(
        name = "calibrate-items",
        summary = "Calibrate the items by IRT on the answers recorded so far and publish a new version",
        usage = "[--min-rows N] [--min-answers-2pl N]")
class CalibrateItemsCommand implements MaintenanceCommand {

    /** Answers needed before a calibration is worth publishing: below, the authors' priors serve. */
    static final int MIN_ROWS = 2_000;

    private final ItemResponseTraining training;

    CalibrateItemsCommand(ItemResponseTraining training) {
        this.training = training;
    }

    @Override
    public int run(List<String> args, PrintStream out) {
        int minRows = MIN_ROWS;
        int minAnswers = MarginalMaximumLikelihood.DEFAULT_MIN_ANSWERS_FOR_SLOPE;
        for (int i = 0; i < args.size(); i++) {
            var name = args.get(i);
            if (!(name.equals("--min-rows") || name.equals("--min-answers-2pl")) || i + 1 >= args.size()) {
                return usage("unknown argument or missing value '" + name + "'");
            }
            int value;
            try {
                value = Integer.parseInt(args.get(++i));
            } catch (NumberFormatException e) {
                return usage(name + " needs a number");
            }
            if (value < 0) {
                return usage(name + " must not be negative");
            }
            if (name.equals("--min-rows")) {
                minRows = value;
            } else {
                minAnswers = value;
            }
        }
        var outcome = training.calibrate(minRows, minAnswers);
        out.println(outcome.summary());
        return outcome.trained() ? 0 : 1;
    }

    private static int usage(String problem) {
        System.err.println("calibrate-items: " + problem);
        System.err.println("Usage: java -jar studyloop.jar calibrate-items [--min-rows N] [--min-answers-2pl N]");
        return 2;
    }
}
