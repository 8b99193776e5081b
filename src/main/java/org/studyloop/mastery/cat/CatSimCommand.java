package org.studyloop.mastery.cat;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.studyloop.mastery.AttemptLog;
import org.studyloop.mastery.irt.IrtItem;
import org.studyloop.mastery.irt.MarginalMaximumLikelihood;
import org.studyloop.shared.command.Command;
import org.studyloop.shared.command.MaintenanceCommand;

/**
 * Simulates examinees on a calibrated bank and compares the CAT with fixed forms ({@link
 * CatSimulation}): a fixed form's length is the shortest whose mean SE is at most the CAT's, and
 * {@code len_same_reach} the length at which as many examinees reach the target SE as in the CAT
 * (long, because examinees far from the form's difficulty gain little from each item). The default bank is synthetic 2PL: discriminations log-normal around 1.2
 * (log-SD 0.3) and difficulties N(0, 1.2²), the ranges of operational banks (e.g. Chen and Ankenmann
 * 2004), spread over content areas in turn; {@code --bank} reads a calibrated one instead, a TSV
 * with the columns {@code discrimination} and {@code difficulty} and optionally {@code area}, and
 * {@code --calibrate} calibrates one on an answer file first (as {@code calibrate-items} does on
 * the evidence log).
 * Needs neither the database nor the network.
 */
@Command(
        name = "cat-sim",
        summary = "Simulate computerized adaptive tests on a calibrated bank against fixed forms",
        usage = "[--examinees N] [--items N] [--max-length N] [--se 0.30] [--seed S] [--randomesque K]"
                + " [--areas N] [--bank FILE | --calibrate ANSWERS.tsv]")
class CatSimCommand implements MaintenanceCommand {

    private static final List<String> OPTIONS = List.of(
            "--examinees",
            "--items",
            "--max-length",
            "--se",
            "--seed",
            "--randomesque",
            "--areas",
            "--bank",
            "--calibrate");

    @Override
    public int run(List<String> args, PrintStream out) throws IOException {
        var options = new HashMap<String, String>();
        for (int i = 0; i < args.size(); i++) {
            if (!OPTIONS.contains(args.get(i)) || i + 1 >= args.size()) {
                return usage("unknown argument or missing value '" + args.get(i) + "'");
            }
            options.put(args.get(i), args.get(++i));
        }
        int examinees;
        int items;
        int maxLength;
        int randomesque;
        int areaCount;
        double se;
        long seed;
        try {
            examinees = Integer.parseInt(options.getOrDefault("--examinees", "1000"));
            items = Integer.parseInt(options.getOrDefault("--items", "500"));
            maxLength = Integer.parseInt(options.getOrDefault("--max-length", "60"));
            randomesque = Integer.parseInt(options.getOrDefault("--randomesque", "5"));
            areaCount = Integer.parseInt(options.getOrDefault("--areas", "4"));
            se = Double.parseDouble(options.getOrDefault("--se", "0.30"));
            seed = Long.parseLong(options.getOrDefault("--seed", "1"));
        } catch (NumberFormatException e) {
            return usage("a number is malformed: " + e.getMessage());
        }
        if (examinees < 1 || items < 2 || maxLength < 1 || randomesque < 1 || areaCount < 1 || !(se > 0)) {
            return usage("counts must be positive and --se above 0");
        }
        var bank = new ArrayList<IrtItem>();
        var areaOf = new ArrayList<Integer>();
        if (options.containsKey("--calibrate")) {
            var problem = calibrate(Path.of(options.get("--calibrate")), bank, areaOf, out);
            if (problem != null) {
                return usage(problem);
            }
        } else if (options.containsKey("--bank")) {
            var problem = read(Path.of(options.get("--bank")), bank, areaOf);
            if (problem != null) {
                return usage(problem);
            }
        } else {
            var random = new Random(seed);
            for (int j = 0; j < items; j++) {
                bank.add(new IrtItem(1.2 * Math.exp(0.3 * random.nextGaussian()), 1.2 * random.nextGaussian()));
                areaOf.add(j % areaCount);
            }
        }
        int areas = areaOf.stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        var shares = new double[areas];
        java.util.Arrays.fill(shares, 1);
        var simulation = new CatSimulation(
                bank.toArray(IrtItem[]::new),
                areaOf.stream().mapToInt(Integer::intValue).toArray(),
                shares,
                new AdaptiveTest.Rules(se, maxLength, randomesque));
        long started = System.nanoTime();
        var report = simulation.run(examinees, seed);
        out.printf(
                Locale.ROOT,
                "cat-sim bank=%d areas=%d examinees=%d target_se=%.2f max_length=%d randomesque=%d seed=%d%n",
                report.bankSize(),
                areas,
                examinees,
                se,
                maxLength,
                randomesque,
                seed);
        out.println(
                "design            mean_len  median_len  reached_se  bias     rmse    mean_se  max_exposure  len_same_reach");
        for (var o : List.of(report.cat(), report.bestForm(), report.randomForm())) {
            out.printf(
                    Locale.ROOT,
                    "%-16s  %8.1f  %10.1f  %10.3f  %+7.3f  %6.3f  %7.3f  %12.3f  %14d%n",
                    o.design(),
                    o.meanLength(),
                    o.medianLength(),
                    o.reachedShare(),
                    o.bias(),
                    o.rmse(),
                    o.meanStandardError(),
                    o.maxExposure(),
                    o.reachLength());
        }
        out.printf(Locale.ROOT, "seconds=%.1f%n", (System.nanoTime() - started) / 1e9);
        return 0;
    }

    /**
     * Calibrates a bank by MML (2PL where an item has 200 answers, the shared slope elsewhere) on an
     * answer file in the format of {@code learner-eval} (columns {@code user_id}, {@code item_id},
     * {@code correct}, each student's rows together); gives a problem, or null.
     */
    private static @Nullable String calibrate(Path file, List<IrtItem> bank, List<Integer> areaOf, PrintStream out)
            throws IOException {
        if (!Files.isReadable(file)) {
            return "--calibrate " + file + ": no such readable file";
        }
        var log = AttemptLog.builder();
        var students = new HashMap<String, Integer>();
        var items = new HashMap<String, Integer>();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            var header = java.util.Arrays.asList(reader.readLine().split("\t"));
            int user = header.indexOf("user_id");
            int item = header.indexOf("item_id");
            int correct = header.indexOf("correct");
            if (user < 0 || item < 0 || correct < 0) {
                return "--calibrate " + file + ": the header needs user_id, item_id and correct";
            }
            for (var line = reader.readLine(); line != null; line = reader.readLine()) {
                var cells = line.split("\t");
                log.add(
                        students.computeIfAbsent(cells[user], k -> students.size()),
                        items.computeIfAbsent(cells[item], k -> items.size()),
                        cells[correct].equals("1"));
            }
        }
        var fit = MarginalMaximumLikelihood.twoPl(MarginalMaximumLikelihood.DEFAULT_MIN_ANSWERS_FOR_SLOPE)
                .fit(log.build(), items.size(), new double[items.size()]);
        out.printf(
                Locale.ROOT,
                "calibrated %d items on %d students: %d with their own slope, shared slope %.3f, %d EM cycles%n",
                items.size(),
                students.size(),
                fit.twoParameterItems(),
                fit.sharedDiscrimination(),
                fit.iterations());
        bank.addAll(fit.items());
        fit.items().forEach(i -> areaOf.add(0));
        return null;
    }

    /** Reads a bank TSV; gives a problem, or null. */
    private static @Nullable String read(Path file, List<IrtItem> bank, List<Integer> areaOf) throws IOException {
        if (!Files.isReadable(file)) {
            return "--bank " + file + ": no such readable file";
        }
        var lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return "--bank " + file + ": empty";
        }
        Map<String, Integer> columns = new HashMap<>();
        var header = lines.get(0).split("\t");
        for (int c = 0; c < header.length; c++) {
            columns.put(header[c].strip(), c);
        }
        if (!columns.containsKey("discrimination") || !columns.containsKey("difficulty")) {
            return "--bank " + file + ": the header needs the columns discrimination and difficulty";
        }
        for (int n = 1; n < lines.size(); n++) {
            if (lines.get(n).isBlank()) {
                continue;
            }
            var cells = lines.get(n).split("\t");
            try {
                bank.add(new IrtItem(
                        Double.parseDouble(cells[columns.get("discrimination")]),
                        Double.parseDouble(cells[columns.get("difficulty")])));
                areaOf.add(columns.containsKey("area") ? Integer.parseInt(cells[columns.get("area")]) : 0);
            } catch (RuntimeException e) {
                return "--bank " + file + " line " + (n + 1) + ": " + e.getMessage();
            }
        }
        return bank.size() < 2 ? "--bank " + file + ": fewer than two items" : null;
    }

    private static int usage(String problem) {
        System.err.println("cat-sim: " + problem);
        System.err.println("Usage: java -jar studyloop.jar cat-sim [--examinees N] [--items N] [--max-length N]"
                + " [--se 0.30] [--seed S] [--randomesque K] [--areas N] [--bank FILE | --calibrate ANSWERS.tsv]");
        return 2;
    }
}
