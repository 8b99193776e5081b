package org.studyloop.search.index;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the index lives: a Lucene folder ({@code STUDYLOOP_SEARCH_INDEX_DIR}, by default
 * {@code index/} in the data folder), or an OpenSearch cluster when {@code
 * STUDYLOOP_SEARCH_OPENSEARCH_URL} is set; and which embedding model fills it ({@code
 * STUDYLOOP_SEARCH_MODEL}: {@code all-minilm-l6-v2-q}, the default, or {@code bge-small-en-v1.5-q},
 * search.embedding.EmbeddingModel).
 */
@ConfigurationProperties("studyloop.search")
public record SearchProperties(Path indexDir, @Nullable String opensearchUrl, String opensearchIndex, String model) {

    public SearchProperties {
        if (model == null || model.isBlank()) {
            model = "all-minilm-l6-v2-q";
        }
        if (opensearchIndex == null || opensearchIndex.isBlank()) {
            opensearchIndex = "studyloop-passages";
        }
    }
}
