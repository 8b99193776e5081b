package org.studyloop.search.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.SkillId;
import org.studyloop.search.PassageKind;
import org.studyloop.search.embedding.Embedder;
import org.studyloop.search.embedding.EmbeddingModel;
import org.studyloop.search.index.Chunk;
import org.studyloop.search.index.LuceneSearchIndex;

class ChunkVectorsTests {

    private static Embedder embedder;

    private final CourseId course = new CourseId(UUID.randomUUID());

    @BeforeAll
    static void loadTheModel() {
        embedder = new Embedder(EmbeddingModel.BGE_SMALL_EN_V15_Q);
    }

    @AfterAll
    static void closeTheModel() {
        embedder.close();
    }

    private Chunk hint(String text) {
        var item = UUID.randomUUID();
        return new Chunk(
                "HINT:" + item + "#0",
                PassageKind.HINT,
                item,
                "item-" + item,
                course,
                "course",
                List.of(new SkillId(UUID.randomUUID())),
                "en",
                Optional.empty(),
                "Item",
                text,
                text,
                text,
                new float[0]);
    }

    @Test
    void aTextRepeatedAcrossPassagesIsEmbeddedOnceAndSharedByThem(@TempDir Path folder) {
        try (var index = new LuceneSearchIndex(folder, "test")) {
            var vectors = new ChunkVectors(embedder, index, () -> false);
            var chunks = List.of(
                    hint("Check the sign of each term."),
                    hint("Differentiate the outer function first."),
                    hint("Check the sign of each term."),
                    hint("Check the sign of each term."));
            var progress = new ArrayList<Integer>();

            var embedded = vectors.of(chunks, 10, progress::add);

            assertThat(vectors.embedded()).isEqualTo(2);
            assertThat(embedded)
                    .hasSize(4)
                    .allSatisfy(c -> assertThat(c.vector()).hasSize(Embedder.DIMENSIONS));
            assertThat(embedded.get(2).vector())
                    .containsExactly(embedded.get(0).vector())
                    .isEqualTo(embedded.get(3).vector());
            assertThat(embedded.get(1).vector()).isNotEqualTo(embedded.get(0).vector());
            assertThat(embedded)
                    .extracting(Chunk::id)
                    .containsExactlyElementsOf(chunks.stream().map(Chunk::id).toList());
            assertThat(progress).last().isEqualTo(10 + chunks.size());
        }
    }

    @Test
    void passagesWhoseTextTheIndexHoldsKeepTheirVectors(@TempDir Path folder) {
        try (var index = new LuceneSearchIndex(folder, "test")) {
            var vectors = new ChunkVectors(embedder, index, () -> false);
            var first = vectors.of(List.of(hint("Factorise the quadratic.")), 0, done -> {});
            index.replaceCourse(course, first);
            index.commit(Map.of(course.value().toString(), "v1"));

            var again =
                    vectors.of(List.of(hint("Factorise the quadratic."), hint("Complete the square.")), 0, done -> {});

            assertThat(vectors.embedded()).isEqualTo(2);
            assertThat(again.getFirst().vector())
                    .containsExactly(first.getFirst().vector());
        }
    }
}
