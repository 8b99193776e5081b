package org.studyloop.search.retrieval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Component;
import org.studyloop.search.Passage;
import org.studyloop.search.PassageQuery;
import org.studyloop.search.embedding.Embedder;
import org.studyloop.search.index.Chunk;
import org.studyloop.search.index.Hit;
import org.studyloop.search.index.SearchIndex;
import org.studyloop.search.text.Analyzers;
import org.studyloop.search.text.LatexWords;
import org.studyloop.search.text.Snippets;

/**
 * A query answered by BM25 over the analysed text (maths spelled out, as in the index) and by the
 * embedding's nearest neighbours, each list cut to one chunk per source, then fused by reciprocal
 * rank: a lesson found by one retriever through one chunk and by the other through another counts
 * once, with both votes.
 */
@Component
public class HybridRetrieval {

    /** Candidates each retriever contributes before fusion. */
    static final int CANDIDATES = 50;

    /** Short CPU-bound BM25 searches, one per query; virtual threads need no pool to size or close. */
    private static final Executor KEYWORD_THREADS = Executors.newVirtualThreadPerTaskExecutor();

    private final SearchIndex index;
    private final Embedder embedder;

    public HybridRetrieval(SearchIndex index, Embedder embedder) {
        this.index = index;
        this.embedder = embedder;
    }

    public List<Passage> retrieve(PassageQuery query) {
        var text = query.text().strip();
        if (text.isEmpty()) {
            return List.of();
        }
        var n = Math.max(CANDIDATES, query.limit() * 5);
        var rankings = new ArrayList<ReciprocalRankFusion.Ranking<Hit>>();
        switch (query.retriever()) {
            case BM25 -> rankings.add(keyword(query, text, n));
            case VECTOR -> rankings.add(vector(query, text, n));
            case HYBRID -> {
                // BM25 needs no vector: it runs on another thread while this one embeds the query
                // and walks the graph, so the query waits for the longer of the two, not their sum.
                var keyword = CompletableFuture.supplyAsync(() -> keyword(query, text, n), KEYWORD_THREADS);
                var vector = vector(query, text, n);
                rankings.add(keyword.join());
                rankings.add(vector);
            }
        }
        var fused = ReciprocalRankFusion.fuseWeighted(rankings, HybridRetrieval::source).stream()
                .limit(query.limit())
                .toList();
        var chunks = index.chunks(fused.stream().map(f -> f.element().chunkId()).toList());
        var snippets = Snippets.forQuery(text);
        // A chunk removed between the search and the fetch (its lesson re-published) is left out.
        return fused.stream()
                .filter(f -> chunks.containsKey(f.element().chunkId()))
                .map(f -> passage(chunks.get(f.element().chunkId()), f.score(), snippets))
                .toList();
    }

    private ReciprocalRankFusion.Ranking<Hit> keyword(PassageQuery query, String text, int n) {
        return new ReciprocalRankFusion.Ranking<>(
                perSource(index.keyword(query, LatexWords.spellQuery(text), n)),
                // BM25 trails the embeddings (students paraphrase), so it weighs less: how much was
                // chosen for each model on half of the gold set and confirmed on the other half.
                embedder.model().keywordWeight());
    }

    private ReciprocalRankFusion.Ranking<Hit> vector(PassageQuery query, String text, int n) {
        return new ReciprocalRankFusion.Ranking<>(perSource(index.nearest(query, embedder.query(text), n)), 1);
    }

    private static String source(Hit hit) {
        return hit.kind() + ":" + hit.sourceId();
    }

    /** The best chunk of each source, in rank order. */
    private static List<Hit> perSource(List<Hit> hits) {
        var best = new LinkedHashMap<String, Hit>();
        hits.forEach(hit -> best.putIfAbsent(source(hit), hit));
        return List.copyOf(best.values());
    }

    private static Passage passage(Chunk chunk, double score, Snippets snippets) {
        return new Passage(
                chunk.kind(),
                chunk.sourceId(),
                chunk.sourceKey(),
                chunk.title(),
                chunk.text(),
                snippets.of(chunk.text(), Analyzers.supported(chunk.language())),
                chunk.courseId(),
                chunk.courseKey(),
                chunk.skillIds(),
                score);
    }
}
