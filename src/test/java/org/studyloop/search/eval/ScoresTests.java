package org.studyloop.search.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.studyloop.search.PassageQuery;

class ScoresTests {

    private static SearchEvalCommand.Figures figures(PassageQuery.Retriever retriever, Scores scores) {
        return new SearchEvalCommand.Figures(
                retriever,
                scores.mean(Scores.Measure.NDCG),
                scores.mean(Scores.Measure.RECALL),
                scores.mean(Scores.Measure.RR),
                1,
                2,
                scores);
    }

    @Test
    void aRunWrittenIsReadBackPerRankerAndQuestion(@TempDir Path folder) throws IOException {
        var bm25 = new Scores.Builder();
        bm25.add("q-1", 0.5, 1, 0.5);
        bm25.add("q-2", 0, 0, 0);
        var fused = new Scores.Builder();
        fused.add("q-1", 1, 1, 1);
        fused.add("q-2", 0.63, 1, 1.0 / 3);
        var file = folder.resolve("scores.tsv");

        Scores.write(
                file,
                "all-minilm-l6-v2-q",
                List.of(
                        figures(PassageQuery.Retriever.BM25, bm25.build()),
                        figures(PassageQuery.Retriever.HYBRID, fused.build())));
        var run = Scores.read(file);

        assertThat(run.model()).isEqualTo("all-minilm-l6-v2-q");
        assertThat(run.byRanker()).containsOnlyKeys("bm25", "hybrid");
        assertThat(run.of("hybrid").orElseThrow().byQuestion().get("q-2")).containsExactly(0.63, 1, 1.0 / 3);
        assertThat(run.of("hybrid").orElseThrow().mean(Scores.Measure.NDCG)).isEqualTo(0.815);
        assertThat(run.of("vector")).isEmpty();
        assertThat(Scores.compare("hybrid", fused.build(), run.of("hybrid").orElseThrow()))
                .as("a run compared with itself read back")
                .contains("nDCG@10 +0.0000 [+0.0000, +0.0000], p = 1.000")
                .contains("MRR +0.0000 [+0.0000, +0.0000], p = 1.000");
    }

    @Test
    void aComparisonPairsOnlyTheQuestionsBothRunsScored() {
        var now = new Scores.Builder();
        now.add("q-1", 1, 1, 1);
        now.add("q-2", 0.5, 1, 0.5);
        now.add("q-3", 0, 0, 0);
        var before = new Scores.Builder();
        before.add("q-2", 0.5, 1, 0.5);
        before.add("q-1", 0, 0, 0);

        var line = Scores.compare("hybrid", now.build(), before.build());

        assertThat(line).startsWith("hybrid").contains("nDCG@10 +0.5000").endsWith("(2 questions)");
    }

    @Test
    void aMalformedLineIsReportedWithItsFileAndLine(@TempDir Path folder) throws IOException {
        var file = folder.resolve("scores.tsv");
        Files.writeString(
                file,
                "# search-eval scores, model=x\nquestion\tranker\tndcg10\trecall10\trr\nq-1\tbm25\t0.5\tone\t1\n");

        assertThatIOException().isThrownBy(() -> Scores.read(file)).withMessageContaining("scores.tsv:3");
    }

    @Test
    void optionsComeInAnyOrderOnceEach() {
        var options = SearchEvalCommand.Options.parse(List.of("--scores", "a.tsv", "--gold", "g.yaml"))
                .orElseThrow();

        assertThat(options.gold()).isEqualTo(Path.of("g.yaml"));
        assertThat(options.scores()).contains(Path.of("a.tsv"));
        assertThat(options.against()).isEmpty();
        assertThat(SearchEvalCommand.Options.parse(List.of()))
                .get()
                .extracting(o -> o.gold())
                .isEqualTo(SearchEvalCommand.DEFAULT_GOLD);
        assertThat(SearchEvalCommand.Options.parse(List.of("--scores"))).isEmpty();
        assertThat(SearchEvalCommand.Options.parse(List.of("--scores", "a", "--scores", "b")))
                .isEmpty();
        assertThat(SearchEvalCommand.Options.parse(List.of("--rounds", "3"))).isEmpty();
    }
}
