package org.studyloop.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.studyloop.search.embedding.Embedder;
import org.studyloop.search.embedding.EmbeddingModel;

/** STUDYLOOP_SEARCH_MODEL picks the embedding model, and the index is kept under it. */
class SearchModelConfigurationTests {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(SearchIndexConfiguration.class);

    @Test
    void miniLmByDefaultAndBgeSmallWhenAskedEachInAnIndexOfItsOwn(@TempDir Path folder) {
        context.withPropertyValues("studyloop.search.index-dir=" + folder).run(app -> {
            assertThat(app.getBean(Embedder.class).model()).isEqualTo(EmbeddingModel.ALL_MINILM_L6_V2_Q);
            var index = app.getBean(SearchIndex.class);
            index.commit(java.util.Map.of("course", "digest"));
        });
        context.withPropertyValues("studyloop.search.index-dir=" + folder, "studyloop.search.model=bge-small-en-v1.5-q")
                .run(app -> {
                    assertThat(app.getBean(Embedder.class).model()).isEqualTo(EmbeddingModel.BGE_SMALL_EN_V15_Q);
                    assertThat(app.getBean(SearchIndex.class).fingerprints())
                            .as("MiniLM's index is not read as bge-small's: it is rebuilt")
                            .isEmpty();
                });
    }

    @Test
    void anUnknownModelStopsTheStartNamingTheModelsThereAre(@TempDir Path folder) {
        context.withPropertyValues("studyloop.search.index-dir=" + folder, "studyloop.search.model=bge-large")
                .run(app -> assertThat(app)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("studyloop.search.model: no embedding model \"bge-large\"")
                        .hasMessageContaining("bge-small-en-v1.5-q, all-minilm-l6-v2-q"));
    }
}
