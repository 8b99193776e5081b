package org.studyloop.search.retrieval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reciprocal rank fusion (G. V. Cormack, C. L. A. Clarke and S. Büttcher, "Reciprocal Rank Fusion
 * outperforms Condorcet and individual Rank Learning Methods", SIGIR 2009): each list gives a
 * document {@code weight / (k + rank)}, ranks from 1, and the sums rank the union. It needs no
 * score calibration between BM25 and cosine similarity, which are on unrelated scales; k = 60 is
 * the paper's value, and weight 1 the paper's unweighted form.
 */
public final class ReciprocalRankFusion {

    public static final int K = 60;

    private ReciprocalRankFusion() {}

    /** A fused entry: the element as the list that ranked it best gave it, and its fused score. */
    public record Fused<T>(T element, double score) {}

    /** A ranked list and how much its votes count. */
    public record Ranking<T>(List<T> ranked, double weight) {}

    /** Unweighted fusion of ranked lists of elements identified by {@code key}. */
    public static <T> List<Fused<T>> fuse(List<List<T>> rankings, Function<T, String> key) {
        return fuseWeighted(rankings.stream().map(r -> new Ranking<>(r, 1)).toList(), key);
    }

    /**
     * Weighted fusion — the form search engines offer as weighted RRF (e.g. Elasticsearch's RRF
     * retriever with weights); ties keep the first list's order.
     */
    public static <T> List<Fused<T>> fuseWeighted(List<Ranking<T>> rankings, Function<T, String> key) {
        var scores = new LinkedHashMap<String, Double>();
        var best = new LinkedHashMap<String, Map.Entry<Integer, T>>();
        for (var ranking : rankings) {
            for (var rank = 1; rank <= ranking.ranked().size(); rank++) {
                var element = ranking.ranked().get(rank - 1);
                var id = key.apply(element);
                scores.merge(id, ranking.weight() / (K + rank), Double::sum);
                var previous = best.get(id);
                if (previous == null || rank < previous.getKey()) {
                    best.put(id, Map.entry(rank, element));
                }
            }
        }
        var fused = new ArrayList<Fused<T>>();
        scores.forEach((id, score) -> fused.add(new Fused<>(best.get(id).getValue(), score)));
        fused.sort(Comparator.comparingDouble((Fused<T> f) -> f.score()).reversed());
        return fused;
    }
}
