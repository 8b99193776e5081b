package org.studyloop.search.eval;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.studyloop.catalog.Catalog;
import org.studyloop.catalog.CourseId;
import org.studyloop.search.PassageQuery;
import org.studyloop.search.Search;
import org.studyloop.search.embedding.Embedder;
import org.studyloop.search.indexing.Indexer;
import org.studyloop.shared.command.Command;
import org.studyloop.shared.command.MaintenanceCommand;

/**
 * Runs the gold set's questions, each within its course, through BM25 alone, vectors alone and
 * both fused, and prints nDCG@10, Recall@10 and MRR per retriever with the query latencies; then
 * whether fusion's gain over each retriever alone exceeds what the questions' spread explains
 * ({@link PairedComparison}); optionally each question's scores, to compare this run with another
 * (another embedding model, another weight) question by question.
 */
@Command(
        name = "search-eval",
        summary = "Evaluate search on the gold set: nDCG@10, Recall@10 and MRR for BM25, vectors and fused",
        usage = SearchEvalCommand.USAGE)
class SearchEvalCommand implements MaintenanceCommand {

    static final String USAGE = "[--gold FILE] (default src/test/resources/search-gold/gold.yaml)"
            + " [--scores FILE] (write each question's figures) [--against FILE] (compare with a run's --scores)";
    static final int K = 10;
    static final Path DEFAULT_GOLD = Path.of("src/test/resources/search-gold/gold.yaml");

    private final Search search;
    private final Catalog catalog;
    private final Indexer indexer;
    private final Embedder embedder;

    SearchEvalCommand(Search search, Catalog catalog, Indexer indexer, Embedder embedder) {
        this.search = search;
        this.catalog = catalog;
        this.indexer = indexer;
        this.embedder = embedder;
    }

    /**
     * One retriever's figures over the gold set, and each question's scores (in the gold set's
     * order) for paired comparisons.
     */
    record Figures(
            PassageQuery.Retriever retriever,
            double ndcg,
            double recall,
            double mrr,
            double p50,
            double p95,
            Scores scores) {

        String name() {
            return retriever.name().toLowerCase(Locale.ROOT);
        }
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        var options = Options.parse(args);
        if (options.isEmpty()) {
            out.println("usage: search-eval " + USAGE);
            return 2;
        }
        var gold = options.get().gold();
        if (!Files.isReadable(gold)) {
            out.println(
                    "search-eval: no readable gold set at " + gold + " (run from the repository root or give --gold)");
            return 2;
        }
        var against = options.get().against();
        if (against.isPresent() && !Files.isReadable(against.get())) {
            out.println("search-eval: no readable scores file at " + against.get() + " (written by --scores)");
            return 2;
        }
        if (catalog.courses().isEmpty()) {
            out.println("search-eval: the catalog is empty; start StudyLoop once on this data folder first"
                    + " (./mvnw spring-boot:run imports the bundled courses)");
            return 1;
        }
        var reindexed = indexer.catchUp(done -> {});
        out.printf(Locale.ROOT, "index: %d courses brought up to date%n", reindexed);
        var questions = GoldSet.read(gold).questions();
        var model = embedder.model().fileName();
        out.printf(Locale.ROOT, "questions=%d k=%d model=%s%n", questions.size(), K, model);
        out.printf(
                Locale.ROOT,
                "%-8s %8s %10s %8s %9s %9s%n",
                "ranker",
                "nDCG@10",
                "Recall@10",
                "MRR",
                "p50_ms",
                "p95_ms");
        var figures = evaluate(questions);
        for (var f : figures) {
            out.printf(
                    Locale.ROOT,
                    "%-8s %8.4f %10.4f %8.4f %9.1f %9.1f%n",
                    f.name(),
                    f.ndcg(),
                    f.recall(),
                    f.mrr(),
                    f.p50(),
                    f.p95());
        }
        var fused = figures.stream()
                .filter(f -> f.retriever() == PassageQuery.Retriever.HYBRID)
                .findFirst()
                .orElseThrow();
        out.printf(
                Locale.ROOT,
                "fused against each retriever alone: mean difference [95%% bootstrap interval], paired randomization p%n");
        for (var f : figures) {
            if (f != fused) {
                out.println("  " + Scores.compare("fused - " + f.name(), fused.scores(), f.scores()));
            }
        }
        if (options.get().scores().isPresent()) {
            var file = options.get().scores().get();
            Scores.write(file, model, figures);
            out.println("scores: each question's figures written to " + file);
        }
        if (against.isPresent()) {
            var earlier = Scores.read(against.get());
            out.printf(
                    Locale.ROOT,
                    "this run (model=%s) against %s (model=%s), on the questions both scored:%n",
                    model,
                    against.get(),
                    earlier.model());
            for (var f : figures) {
                earlier.of(f.name())
                        .ifPresent(other -> out.println("  " + Scores.compare(f.name(), f.scores(), other)));
            }
        }
        return 0;
    }

    List<Figures> evaluate(List<GoldSet.Question> questions) {
        var courses = new HashMap<String, CourseId>();
        catalog.courses().forEach(id -> catalog.course(id).ifPresent(c -> courses.put(c.key(), id)));
        var all = new ArrayList<Figures>();
        for (var retriever : PassageQuery.Retriever.values()) {
            var scores = new Scores.Builder();
            var millis = new double[questions.size()];
            for (var i = 0; i < questions.size(); i++) {
                var question = questions.get(i);
                var query = new PassageQuery(
                        question.text(),
                        Optional.ofNullable(courses.get(question.courseKey())),
                        Set.of(),
                        Optional.empty(),
                        Optional.empty(),
                        Set.of(),
                        false,
                        K,
                        retriever);
                var started = System.nanoTime();
                var ranked = search.passages(query).stream()
                        .map(p -> GoldSet.document(p.kind().name(), p.sourceKey()))
                        .toList();
                millis[i] = (System.nanoTime() - started) / 1e6;
                scores.add(
                        question.id(),
                        RankingMetrics.ndcg(ranked, question.relevant(), K),
                        RankingMetrics.recall(ranked, question.relevant(), K),
                        RankingMetrics.reciprocalRank(ranked, question.relevant()));
            }
            Arrays.sort(millis);
            var built = scores.build();
            all.add(new Figures(
                    retriever,
                    built.mean(Scores.Measure.NDCG),
                    built.mean(Scores.Measure.RECALL),
                    built.mean(Scores.Measure.RR),
                    percentile(millis, 0.50),
                    percentile(millis, 0.95),
                    built));
        }
        return all;
    }

    /** The command's arguments: {@code [--gold FILE] [--scores FILE] [--against FILE]}, each at most once. */
    record Options(Path gold, Optional<Path> scores, Optional<Path> against) {

        static Optional<Options> parse(List<String> args) {
            var values = new HashMap<String, Path>();
            for (var i = 0; i < args.size(); i += 2) {
                var name = args.get(i);
                if (!Set.of("--gold", "--scores", "--against").contains(name)
                        || i + 1 >= args.size()
                        || values.put(name, Path.of(args.get(i + 1))) != null) {
                    return Optional.empty();
                }
            }
            return Optional.of(new Options(
                    values.getOrDefault("--gold", DEFAULT_GOLD),
                    Optional.ofNullable(values.get("--scores")),
                    Optional.ofNullable(values.get("--against"))));
        }
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
