package org.studyloop.search.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ReciprocalRankFusionTests {

    @Test
    void scoresAreSumsOfReciprocalRanks() {
        var fused = ReciprocalRankFusion.fuse(List.of(List.of("a", "b", "c"), List.of("c", "a")), Function.identity());
        assertThat(fused).extracting(ReciprocalRankFusion.Fused::element).containsExactly("a", "c", "b");
        assertThat(fused.getFirst().score()).isCloseTo(1.0 / 61 + 1.0 / 62, within(1e-12));
        assertThat(fused.get(1).score()).isCloseTo(1.0 / 63 + 1.0 / 61, within(1e-12));
        assertThat(fused.get(2).score()).isCloseTo(1.0 / 62, within(1e-12));
    }

    @Test
    void aDocumentFoundByBothBeatsOneRankedFirstByOneOnly() {
        var fused = ReciprocalRankFusion.fuse(
                List.of(List.of("only-bm25", "both"), List.of("only-vector", "both")), Function.identity());
        assertThat(fused.getFirst().element()).isEqualTo("both");
    }

    @Test
    void theElementKeptIsTheOneFromTheListThatRankedItBest() {
        record Hit(String id, String from) {}
        var fused = ReciprocalRankFusion.fuse(
                List.of(List.of(new Hit("x", "first"), new Hit("y", "first")), List.of(new Hit("y", "second"))),
                Hit::id);
        assertThat(fused)
                .filteredOn(f -> f.element().id().equals("y"))
                .first()
                .extracting(f -> f.element().from())
                .isEqualTo("second");
    }

    @Test
    void aWeightScalesAListsVotes() {
        var fused = ReciprocalRankFusion.fuseWeighted(
                List.of(
                        new ReciprocalRankFusion.Ranking<>(List.of("keyword-first", "both"), 0.5),
                        new ReciprocalRankFusion.Ranking<>(List.of("vector-first", "both"), 1)),
                Function.identity());
        assertThat(fused)
                .extracting(ReciprocalRankFusion.Fused::element)
                .containsExactly("both", "vector-first", "keyword-first");
        assertThat(fused.get(2).score()).isCloseTo(0.5 / 61, within(1e-12));
    }
}
