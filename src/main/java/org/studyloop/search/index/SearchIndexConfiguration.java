package org.studyloop.search.index;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.studyloop.search.embedding.Embedder;

/** The index in use: Lucene in the data folder. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchProperties.class)
class SearchIndexConfiguration {

    /**
     * The index schema: bump the number when fields or chunking change, so that an index built
     * by an older version is rebuilt rather than read wrongly.
     */
    static final String SCHEMA = "3/" + Embedder.MODEL;

    @Bean(destroyMethod = "close")
    SearchIndex searchIndex(SearchProperties properties) {
        return new LuceneSearchIndex(properties.indexDir().resolve("lucene"), SCHEMA);
    }
}
