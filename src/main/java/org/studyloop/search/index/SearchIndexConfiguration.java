package org.studyloop.search.index;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.studyloop.search.embedding.Embedder;
import org.studyloop.search.embedding.EmbeddingModel;
import org.studyloop.search.opensearch.OpenSearchIndex;

/**
 * The embedding model and the index in use: Lucene in the data folder, or an OpenSearch cluster when {@code
 * STUDYLOOP_SEARCH_OPENSEARCH_URL} is set (the Lucene folder is then neither opened nor created).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchProperties.class)
class SearchIndexConfiguration {

    /**
     * What either index holds: bump the number when chunking or what the model reads changes, so
     * that an index built by an older version is rebuilt rather than read wrongly. How each index
     * lays its fields out is versioned by the index itself ({@link LuceneSearchIndex#LAYOUT}, the
     * OpenSearch mapping's version).
     */
    static final String SCHEMA = "6";

    /** The configured model; an unknown name stops the start with the names there are. */
    @Bean(destroyMethod = "close")
    Embedder embedder(SearchProperties properties) {
        return new Embedder(EmbeddingModel.named(properties.model()));
    }

    /** The index, kept under the schema and the model: another model's vectors are rebuilt, not mixed. */
    @Bean(destroyMethod = "close")
    SearchIndex searchIndex(SearchProperties properties, Embedder embedder) {
        var schema = SCHEMA + "/" + embedder.model().fileName();
        var url = properties.opensearchUrl();
        if (url != null && !url.isBlank()) {
            return OpenSearchIndex.connect(url, properties.opensearchIndex(), schema, Embedder.DIMENSIONS);
        }
        return new LuceneSearchIndex(properties.indexDir().resolve("lucene"), schema);
    }
}
