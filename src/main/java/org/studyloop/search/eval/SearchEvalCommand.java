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
 * both fused, and prints nDCG@10, Recall@10 and MRR per retriever with the query latencies.
 */
@Command(
        name = "search-eval",
        summary = "Evaluate search on the gold set: nDCG@10, Recall@10 and MRR for BM25, vectors and fused",
        usage = "[--gold FILE]  (default src/test/resources/search-gold/gold.yaml)")
class SearchEvalCommand implements MaintenanceCommand {

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

    /** One retriever's figures over the gold set. */
    record Figures(PassageQuery.Retriever retriever, double ndcg, double recall, double mrr, double p50, double p95) {}

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        var gold = DEFAULT_GOLD;
        if (args.size() == 2 && args.getFirst().equals("--gold")) {
            gold = Path.of(args.get(1));
        } else if (!args.isEmpty()) {
            out.println("usage: search-eval [--gold FILE]");
            return 2;
        }
        if (!Files.isReadable(gold)) {
            out.println(
                    "search-eval: no readable gold set at " + gold + " (run from the repository root or give --gold)");
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
        out.printf(
                Locale.ROOT,
                "questions=%d k=%d model=%s%n",
                questions.size(),
                K,
                embedder.model().fileName());
        out.printf(
                Locale.ROOT,
                "%-8s %8s %10s %8s %9s %9s%n",
                "ranker",
                "nDCG@10",
                "Recall@10",
                "MRR",
                "p50_ms",
                "p95_ms");
        for (var figures : evaluate(questions)) {
            out.printf(
                    Locale.ROOT,
                    "%-8s %8.4f %10.4f %8.4f %9.1f %9.1f%n",
                    figures.retriever().name().toLowerCase(Locale.ROOT),
                    figures.ndcg(),
                    figures.recall(),
                    figures.mrr(),
                    figures.p50(),
                    figures.p95());
        }
        return 0;
    }

    List<Figures> evaluate(List<GoldSet.Question> questions) {
        var courses = new HashMap<String, CourseId>();
        catalog.courses().forEach(id -> catalog.course(id).ifPresent(c -> courses.put(c.key(), id)));
        var all = new ArrayList<Figures>();
        for (var retriever : PassageQuery.Retriever.values()) {
            double ndcg = 0;
            double recall = 0;
            double mrr = 0;
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
                ndcg += RankingMetrics.ndcg(ranked, question.relevant(), K);
                recall += RankingMetrics.recall(ranked, question.relevant(), K);
                mrr += RankingMetrics.reciprocalRank(ranked, question.relevant());
            }
            Arrays.sort(millis);
            var n = Math.max(1, questions.size());
            all.add(new Figures(
                    retriever, ndcg / n, recall / n, mrr / n, percentile(millis, 0.50), percentile(millis, 0.95)));
        }
        return all;
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
