package org.studyloop.search.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One ranker's nDCG@10, Recall@10 and reciprocal rank for each gold question, by the question's
 * id: kept so that two rankers — or two runs, e.g. two embedding models — are compared question by
 * question ({@link PairedComparison}), which on 207 questions separates far smaller differences
 * than comparing two means does.
 */
record Scores(Map<String, double[]> byQuestion) {

    enum Measure {
        NDCG("nDCG@10"),
        RECALL("Recall@10"),
        RR("MRR");

        private final String label;

        Measure(String label) {
            this.label = label;
        }
    }

    Scores {
        byQuestion = Collections.unmodifiableMap(new LinkedHashMap<>(byQuestion));
    }

    double mean(Measure measure) {
        return byQuestion.values().stream()
                .mapToDouble(v -> v[measure.ordinal()])
                .average()
                .orElse(0);
    }

    /**
     * "label  nDCG@10 +0.0176 [-0.0031, +0.0385], p = 0.098  Recall@10 …  MRR …" over the
     * questions both scored.
     */
    static String compare(String label, Scores a, Scores b) {
        var common = a.byQuestion().keySet().stream()
                .filter(b.byQuestion()::containsKey)
                .toList();
        var line = new StringBuilder(String.format(Locale.ROOT, "%-16s", label));
        for (var measure : Measure.values()) {
            var x = common.stream()
                    .mapToDouble(q -> a.byQuestion().get(q)[measure.ordinal()])
                    .toArray();
            var y = common.stream()
                    .mapToDouble(q -> b.byQuestion().get(q)[measure.ordinal()])
                    .toArray();
            line.append("  ")
                    .append(measure.label)
                    .append(' ')
                    .append(PairedComparison.of(x, y).describe());
        }
        return line.append(String.format(Locale.ROOT, "  (%d questions)", common.size()))
                .toString();
    }

    /** A tab-separated file: a header naming the model, then one line per ranker and question. */
    static void write(Path file, String model, List<SearchEvalCommand.Figures> figures) throws IOException {
        var lines = new ArrayList<String>();
        lines.add("# search-eval scores, model=" + model);
        lines.add("question\tranker\tndcg10\trecall10\trr");
        for (var f : figures) {
            f.scores()
                    .byQuestion()
                    // Double.toString reads back as the same double: a ranker that did not
                    // change (BM25 between two embedding models) compares as exactly equal.
                    .forEach((question, v) -> lines.add(String.join(
                            "\t",
                            question,
                            f.name(),
                            Double.toString(v[0]),
                            Double.toString(v[1]),
                            Double.toString(v[2]))));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /** An earlier run's scores per ranker, as {@link #write} left them. */
    record Run(String model, Map<String, Scores> byRanker) {

        Optional<Scores> of(String ranker) {
            return Optional.ofNullable(byRanker.get(ranker));
        }
    }

    static Run read(Path file) throws IOException {
        var model = "unknown";
        var builders = new LinkedHashMap<String, Builder>();
        var number = 0;
        for (var line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            if (line.startsWith("# ") && line.contains("model=")) {
                model = line.substring(line.indexOf("model=") + 6).strip();
                continue;
            }
            if (line.isBlank() || line.startsWith("#") || line.startsWith("question\t")) {
                continue;
            }
            var cells = line.split("\t");
            try {
                if (cells.length != 5) {
                    throw new NumberFormatException("5 tab-separated cells expected, found " + cells.length);
                }
                builders.computeIfAbsent(cells[1], r -> new Builder())
                        .add(
                                cells[0],
                                Double.parseDouble(cells[2]),
                                Double.parseDouble(cells[3]),
                                Double.parseDouble(cells[4]));
            } catch (NumberFormatException e) {
                throw new IOException(file + ":" + number + ": " + e.getMessage(), e);
            }
        }
        var byRanker = new LinkedHashMap<String, Scores>();
        builders.forEach((ranker, builder) -> byRanker.put(ranker, builder.build()));
        return new Run(model, byRanker);
    }

    static final class Builder {

        private final Map<String, double[]> byQuestion = new LinkedHashMap<>();

        void add(String question, double ndcg, double recall, double reciprocalRank) {
            byQuestion.put(question, new double[] {ndcg, recall, reciprocalRank});
        }

        Scores build() {
            return new Scores(byQuestion);
        }
    }
}
