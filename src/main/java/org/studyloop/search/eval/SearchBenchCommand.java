package org.studyloop.search.eval;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.springframework.util.FileSystemUtils;
import org.studyloop.catalog.Catalog;
import org.studyloop.catalog.CourseId;
import org.studyloop.search.PassageQuery;
import org.studyloop.search.embedding.Embedder;
import org.studyloop.search.index.Chunk;
import org.studyloop.search.index.LuceneSearchIndex;
import org.studyloop.search.indexing.CatalogDocuments;
import org.studyloop.search.indexing.ChunkVectors;
import org.studyloop.search.retrieval.HybridRetrieval;
import org.studyloop.shared.command.Command;
import org.studyloop.shared.command.MaintenanceCommand;

/**
 * Measures search in scratch indexes, leaving the real one alone: indexing throughput on the
 * bundled content (embedding included), then hybrid query latency — query embedding included,
 * never from the cache — on the bundled content and on a synthetic corpus of {@code --chunks}
 * passages. The synthetic passages recombine the bundled sentences, and their vectors are bundled
 * vectors with Gaussian noise, renormalised: embedding 100,000 passages would take the better
 * part of an hour on two cores and measure the model again, not the index.
 */
@Command(
        name = "search-bench",
        summary = "Measure indexing throughput and hybrid query latency (bundled content, synthetic corpus)",
        usage = "[--chunks N] (default 100000) [--rounds R] (default 5) [--gold FILE]")
class SearchBenchCommand implements MaintenanceCommand {

    private final Catalog catalog;
    private final CatalogDocuments documents;
    private final Embedder embedder;

    SearchBenchCommand(Catalog catalog, CatalogDocuments documents, Embedder embedder) {
        this.catalog = catalog;
        this.documents = documents;
        this.embedder = embedder;
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        var synthetic = 100_000;
        var rounds = 5;
        var gold = SearchEvalCommand.DEFAULT_GOLD;
        for (var i = 0; i + 1 < args.size(); i += 2) {
            switch (args.get(i)) {
                case "--chunks" -> synthetic = Integer.parseInt(args.get(i + 1));
                case "--rounds" -> rounds = Integer.parseInt(args.get(i + 1));
                case "--gold" -> gold = Path.of(args.get(i + 1));
                default -> {
                    out.println("usage: search-bench [--chunks N] [--rounds R] [--gold FILE]");
                    return 2;
                }
            }
        }
        if (catalog.courses().isEmpty() || !Files.isReadable(gold)) {
            out.println("search-bench: needs the bundled courses (start StudyLoop once) and the gold set's questions");
            return 1;
        }
        var questions = GoldSet.read(gold).questions().stream()
                .map(GoldSet.Question::text)
                .toList();
        // Every question R times (the query vector computed afresh each time): a p95 over 207
        // queries is the tenth-slowest one, and moved by several milliseconds between runs.
        var measured = Collections.nCopies(rounds, questions).stream()
                .flatMap(List::stream)
                .toList();
        var chunks = new ArrayList<Chunk>();
        for (var course : catalog.courses()) {
            chunks.addAll(documents.course(course).chunks());
        }
        var scratch = Files.createTempDirectory("search-bench");
        try {
            var embedded = indexing(chunks, scratch.resolve("bundled"), out);
            try (var index = new LuceneSearchIndex(scratch.resolve("bundled"), "bench")) {
                latency("bundled", index, embedded.size(), questions, measured, out);
            }
            try (var index = new LuceneSearchIndex(scratch.resolve("synthetic"), "bench")) {
                var started = System.nanoTime();
                var made = synthesise(embedded, synthetic, index);
                var seconds = (System.nanoTime() - started) / 1e9;
                out.printf(
                        Locale.ROOT,
                        "synthetic: %d chunks written (HNSW and postings, no embedding) in %.1f s, %.0f chunks/s%n",
                        made,
                        seconds,
                        made / seconds);
                latency("synthetic", index, made, questions, measured, out);
            }
        } finally {
            FileSystemUtils.deleteRecursively(scratch);
        }
        return 0;
    }

    private List<Chunk> indexing(List<Chunk> chunks, Path folder, PrintStream out) {
        var started = System.nanoTime();
        var cpu = cpuNanos();
        List<Chunk> embedded;
        try (var index = new LuceneSearchIndex(folder, "bench")) {
            // The indexer's own path: each distinct text embedded once, in its batches.
            embedded = new ChunkVectors(embedder, index, () -> false).of(chunks, 0, done -> {});
            index.replaceCourse(new CourseId(UUID.randomUUID()), embedded);
            index.commit(Map.of());
        }
        var seconds = (System.nanoTime() - started) / 1e9;
        var cpuSeconds = (cpuNanos() - cpu) / 1e9;
        out.printf(
                Locale.ROOT,
                "indexing (%s): %d bundled chunks embedded and indexed in %.1f s, %.0f chunks/s (%d cores);"
                        + " %.1f CPU-seconds, %.0f chunks per CPU-second; load average %.1f%n",
                embedder.model().fileName(),
                embedded.size(),
                seconds,
                embedded.size() / seconds,
                Runtime.getRuntime().availableProcessors(),
                cpuSeconds,
                embedded.size() / cpuSeconds,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return embedded;
    }

    private int synthesise(List<Chunk> real, int count, LuceneSearchIndex index) {
        var random = new Random(42);
        var sentences = real.stream()
                .flatMap(c -> Arrays.stream(c.indexed().split("(?<=[.!?])\\s+")))
                .filter(s -> s.length() > 20)
                .toList();
        var course = new CourseId(UUID.randomUUID());
        var batch = new ArrayList<Chunk>();
        for (var n = 0; n < count; n++) {
            var base = real.get(random.nextInt(real.size()));
            var text = new StringBuilder();
            for (var s = 0; s < 4; s++) {
                text.append(sentences.get(random.nextInt(sentences.size()))).append(' ');
            }
            var vector = base.vector().clone();
            for (var d = 0; d < vector.length; d++) {
                vector[d] += (float) (random.nextGaussian() * 0.03);
            }
            var source = UUID.randomUUID();
            batch.add(new Chunk(
                    base.kind() + ":" + source + "#0",
                    base.kind(),
                    source,
                    "synthetic-" + n,
                    course,
                    "synthetic",
                    base.skillIds(),
                    "en",
                    Optional.empty(),
                    base.title(),
                    text.toString(),
                    text.toString(),
                    text.toString(),
                    Embedder.unit(vector)));
            if (batch.size() == 5_000) {
                index.replaceSource(UUID.randomUUID(), batch);
                batch.clear();
            }
        }
        index.replaceSource(UUID.randomUUID(), batch);
        index.commit(Map.of());
        return count;
    }

    private void latency(
            String corpus,
            LuceneSearchIndex index,
            long size,
            List<String> distinct,
            List<String> questions,
            PrintStream out) {
        var retrieval = new HybridRetrieval(index, embedder);
        // A server's steady state: every question once, so the JIT compiler has done its work
        // (on two cores it would otherwise compete with the measured queries).
        for (var question : distinct) {
            embedder.forgetQueries();
            retrieval.retrieve(PassageQuery.of(question, 10));
        }
        var millis = new double[questions.size()];
        var embedding = new double[questions.size()];
        var cpu = 0L;
        for (var i = 0; i < questions.size(); i++) {
            embedder.forgetQueries();
            var t0 = System.nanoTime();
            embedder.queryUncached(questions.get(i));
            embedding[i] = (System.nanoTime() - t0) / 1e6;
            embedder.forgetQueries();
            var cpu0 = cpuNanos();
            var started = System.nanoTime();
            retrieval.retrieve(PassageQuery.of(questions.get(i), 10));
            millis[i] = (System.nanoTime() - started) / 1e6;
            cpu += cpuNanos() - cpu0;
        }
        // Where the time goes: each retriever alone, the query's vector cached (it was computed above).
        var bm25 = new double[questions.size()];
        var vector = new double[questions.size()];
        for (var i = 0; i < questions.size(); i++) {
            embedder.query(questions.get(i));
            var t0 = System.nanoTime();
            retrieval.retrieve(PassageQuery.of(questions.get(i), 10).with(PassageQuery.Retriever.BM25));
            bm25[i] = (System.nanoTime() - t0) / 1e6;
            var t1 = System.nanoTime();
            retrieval.retrieve(PassageQuery.of(questions.get(i), 10).with(PassageQuery.Retriever.VECTOR));
            vector[i] = (System.nanoTime() - t1) / 1e6;
        }
        Arrays.sort(bm25);
        Arrays.sort(vector);
        out.printf(
                Locale.ROOT,
                "%s: BM25 alone p50=%.1f ms p95=%.1f ms; vectors alone (query vector cached) p50=%.1f ms p95=%.1f ms"
                        + " (snippets included in both)%n",
                corpus,
                SearchEvalCommand.percentile(bm25, 0.50),
                SearchEvalCommand.percentile(bm25, 0.95),
                SearchEvalCommand.percentile(vector, 0.50),
                SearchEvalCommand.percentile(vector, 0.95));
        Arrays.sort(millis);
        Arrays.sort(embedding);
        out.printf(
                Locale.ROOT,
                "%s: %d chunks, %d hybrid queries (query embedding included): p50=%.1f ms p95=%.1f ms;"
                        + " embedding alone p50=%.1f ms p95=%.1f ms; process CPU %.1f ms per hybrid query;"
                        + " load average %.1f%n",
                corpus,
                size,
                questions.size(),
                SearchEvalCommand.percentile(millis, 0.50),
                SearchEvalCommand.percentile(millis, 0.95),
                SearchEvalCommand.percentile(embedding, 0.50),
                SearchEvalCommand.percentile(embedding, 0.95),
                cpu / 1e6 / questions.size(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** The CPU time of the whole process (every thread, the JIT's and the collector's too). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
