package org.studyloop.mastery.train;

import java.io.PrintStream;
import java.util.List;
import org.studyloop.shared.command.Command;
import org.studyloop.shared.command.MaintenanceCommand;

/** Fits the online learner model on the evidence log now and publishes it as a new version. */
@Command(
        name = "fit-learner-model",
        summary = "Fit the online learner model on the answers recorded so far and publish a new version",
        usage = "[--min-rows N]")
class FitLearnerModelCommand implements MaintenanceCommand {

    private final LearnerTraining training;

    FitLearnerModelCommand(LearnerTraining training) {
        this.training = training;
    }

    @Override
    public int run(List<String> args, PrintStream out) {
        int minRows = NightlyFit.MIN_ROWS;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--min-rows") && i + 1 < args.size()) {
                try {
                    minRows = Integer.parseInt(args.get(++i));
                } catch (NumberFormatException e) {
                    return usage("--min-rows needs a number");
                }
            } else {
                return usage("unknown argument '" + args.get(i) + "'");
            }
        }
        var outcome = training.fit(minRows);
        out.println(outcome.summary());
        return outcome.trained() ? 0 : 1;
    }

    private static int usage(String problem) {
        System.err.println("fit-learner-model: " + problem);
        System.err.println("Usage: java -jar studyloop.jar fit-learner-model [--min-rows N]");
        return 2;
    }
}
