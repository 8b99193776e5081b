package org.studyloop.search.index;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the index lives: a Lucene folder ({@code STUDYLOOP_SEARCH_INDEX_DIR}, by default
 * {@code index/} in the data folder), or an OpenSearch cluster when {@code
 * STUDYLOOP_SEARCH_OPENSEARCH_URL} is set.
 */
@ConfigurationProperties("studyloop.search")
public record SearchProperties(Path indexDir, @Nullable String opensearchUrl, String opensearchIndex) {

    public SearchProperties {
        if (opensearchIndex == null || opensearchIndex.isBlank()) {
            opensearchIndex = "studyloop-passages";
        }
    }
}
