package org.studyloop.search.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rewritten bge-small graph gives the vectors of the exported one. */
class EncoderGraphTests {

    static final String MODEL = Embedder.MODEL + ".onnx";
    static final String TOKENIZER = Embedder.MODEL + "-tokenizer.json";

    /** Passages and queries like the bundled content's: prose, maths in words, a hint ladder, queries. */
    static final List<String> TEXTS = List.of(
            "Quadratic equations — Factorising\nA quadratic x^2 + 5x + 6 = 0 squared plus plus equals factorises"
                    + " as (x + 2)(x + 3) = 0 plus plus equals , so x = -2 or x = -3.",
            "Hints\nSolve 3x + 7 = 22.\n\n1. Undo the addition first.\n2. Subtract 7 from both sides.",
            "Worked solution\nDifferentiate y = (2x + 5)^4.\n\nOuter: 4u^3. Inner derivative: 2. dy dx = 8(2x + 5)^3.",
            "Coherence and cohesion\nLink your paragraphs with a clear topic sentence; vary your linking words"
                    + " (however, in contrast, as a result) rather than repeating 'and'.",
            Embedder.QUERY_PREFIX + "why does the sign change when i move a number across the equals sign",
            Embedder.QUERY_PREFIX + "chain rule");

    static BertEncoder exported;
    static BertEncoder rewritten;

    @BeforeAll
    static void load() {
        exported = new BertEncoder(MODEL, TOKENIZER, false);
        rewritten = new BertEncoder(MODEL, TOKENIZER, true);
    }

    @AfterAll
    static void close() {
        exported.close();
        rewritten.close();
    }

    @Test
    void bothRewritesApplyToTheShippedModel() throws IOException {
        try (var stream = getClass().getClassLoader().getResourceAsStream(MODEL)) {
            var result = EncoderGraph.rewrite(stream.readAllBytes());

            assertThat(result.biasesMoved())
                    .as("six biased products in each of the twelve layers")
                    .isEqualTo(72);
            assertThat(result.lastLayerForClsOnly()).isTrue();
        }
    }

    @Test
    void theRewrittenGraphGivesTheSameVectors() {
        var encodings = exported.tokenize(TEXTS);
        for (var i = 0; i < TEXTS.size(); i++) {
            var before = Embedder.unit(exported.encode(encodings[i]));
            var after = Embedder.unit(rewritten.encode(encodings[i]));
            var cosine = 0.0;
            for (var d = 0; d < before.length; d++) {
                cosine += before[d] * after[d];
            }
            assertThat(after).hasSize(Embedder.DIMENSIONS);
            assertThat(cosine).as(TEXTS.get(i)).isGreaterThan(0.9999);
        }
    }
}
