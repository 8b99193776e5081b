package org.studyloop.search.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rewritten graphs give the vectors of the exported ones. */
class EncoderGraphTests {

    static final EmbeddingModel BGE = EmbeddingModel.BGE_SMALL_EN_V15_Q;
    static final EmbeddingModel MINILM = EmbeddingModel.ALL_MINILM_L6_V2_Q;

    /** Passages and queries like the bundled content's: prose, maths in words, a hint ladder, queries. */
    static final List<String> TEXTS = List.of(
            "Quadratic equations — Factorising\nA quadratic x^2 + 5x + 6 = 0 squared plus plus equals factorises"
                    + " as (x + 2)(x + 3) = 0 plus plus equals , so x = -2 or x = -3.",
            "Hints\nSolve 3x + 7 = 22.\n\n1. Undo the addition first.\n2. Subtract 7 from both sides.",
            "Worked solution\nDifferentiate y = (2x + 5)^4.\n\nOuter: 4u^3. Inner derivative: 2. dy dx = 8(2x + 5)^3.",
            "Coherence and cohesion\nLink your paragraphs with a clear topic sentence; vary your linking words"
                    + " (however, in contrast, as a result) rather than repeating 'and'.",
            BGE.queryPrefix() + "why does the sign change when i move a number across the equals sign",
            BGE.queryPrefix() + "chain rule");

    static BertEncoder exported;
    static BertEncoder rewritten;
    static BertEncoder miniExported;
    static BertEncoder miniRewritten;

    @BeforeAll
    static void load() {
        exported = new BertEncoder(BGE, false);
        rewritten = new BertEncoder(BGE, true);
        miniExported = new BertEncoder(MINILM, false);
        miniRewritten = new BertEncoder(MINILM, true);
    }

    @AfterAll
    static void close() {
        exported.close();
        rewritten.close();
        miniExported.close();
        miniRewritten.close();
    }

    @Test
    void bothRewritesApplyToTheShippedModel() throws IOException {
        try (var stream = getClass().getClassLoader().getResourceAsStream(BGE.fileName() + ".onnx")) {
            var result = EncoderGraph.rewrite(stream.readAllBytes(), true);

            assertThat(result.biasesMoved())
                    .as("six biased products in each of the twelve layers")
                    .isEqualTo(72);
            assertThat(result.lastLayerForClsOnly()).isTrue();
        }
    }

    @Test
    void aMeanPooledModelKeepsItsLastLayerWholeAndHasItsBiasesMoved() throws IOException {
        try (var stream = getClass().getClassLoader().getResourceAsStream(MINILM.fileName() + ".onnx")) {
            var result = EncoderGraph.rewrite(stream.readAllBytes(), false);

            assertThat(result.biasesMoved())
                    .as("six biased products in each of the six layers")
                    .isEqualTo(36);
            assertThat(result.lastLayerForClsOnly()).isFalse();
        }
    }

    @Test
    void theRewrittenGraphGivesTheSameVectors() {
        sameVectors(exported, rewritten);
        sameVectors(miniExported, miniRewritten);
    }

    @Test
    void theTwoModelsPoolDifferently() {
        var text = TEXTS.getFirst();
        var bge = Embedder.unit(rewritten.encode(rewritten.tokenize(List.of(text))[0]));
        var mini = Embedder.unit(miniRewritten.encode(miniRewritten.tokenize(List.of(text))[0]));

        assertThat(mini).hasSize(Embedder.DIMENSIONS);
        assertThat(cosine(bge, mini)).as("two models, two spaces").isLessThan(0.5);
    }

    private static void sameVectors(BertEncoder before, BertEncoder after) {
        var encodings = before.tokenize(TEXTS);
        for (var i = 0; i < TEXTS.size(); i++) {
            var a = Embedder.unit(before.encode(encodings[i]));
            var b = Embedder.unit(after.encode(encodings[i]));
            assertThat(b).hasSize(Embedder.DIMENSIONS);
            assertThat(cosine(a, b)).as(TEXTS.get(i)).isGreaterThan(0.9999);
        }
    }

    private static double cosine(float[] a, float[] b) {
        var cosine = 0.0;
        for (var d = 0; d < a.length; d++) {
            cosine += a[d] * b[d];
        }
        return cosine;
    }
}
