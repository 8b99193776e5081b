package org.studyloop.search.eval;

import java.util.List;
import java.util.Map;

/**
 * The ranking metrics of search-eval, for one question's ranked document ids.
 *
 * <ul>
 *   <li>nDCG@k with graded gains {@code 2^grade - 1} and the {@code log2(rank + 1)} discount
 *       (Järvelin and Kekäläinen, "Cumulated gain-based evaluation of IR techniques", ACM TOIS
 *       20(4), 2002), normalised by the ideal ordering of the question's judged documents;
 *   <li>Recall@k: the share of the judged documents (either grade) in the top k;
 *   <li>reciprocal rank of the first document that answers the question (grade 2), 0 when none
 *       is ranked; its mean over questions is the MRR.
 * </ul>
 */
public final class RankingMetrics {

    private RankingMetrics() {}

    public static double ndcg(List<String> ranked, Map<String, Integer> relevant, int k) {
        var dcg = 0.0;
        for (var i = 0; i < Math.min(k, ranked.size()); i++) {
            dcg += gain(relevant.getOrDefault(ranked.get(i), 0)) / log2(i + 2);
        }
        var ideal = relevant.values().stream().sorted((a, b) -> b - a).toList();
        var idcg = 0.0;
        for (var i = 0; i < Math.min(k, ideal.size()); i++) {
            idcg += gain(ideal.get(i)) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    public static double recall(List<String> ranked, Map<String, Integer> relevant, int k) {
        if (relevant.isEmpty()) {
            return 0;
        }
        var found = ranked.stream().limit(k).filter(relevant::containsKey).count();
        return (double) found / relevant.size();
    }

    public static double reciprocalRank(List<String> ranked, Map<String, Integer> relevant) {
        for (var i = 0; i < ranked.size(); i++) {
            if (relevant.getOrDefault(ranked.get(i), 0) >= 2) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    private static double gain(int grade) {
        return Math.pow(2, grade) - 1;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
