package org.studyloop.search.opensearch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.Time;
import org.opensearch.client.opensearch._types.mapping.DynamicMapping;
import org.opensearch.client.opensearch._types.mapping.Property;
import org.opensearch.client.opensearch._types.mapping.TypeMapping;
import org.opensearch.client.opensearch.indices.IndexSettings;
import org.studyloop.search.text.Analyzers;

/**
 * The passages' index as created: its settings, and a mapping that mirrors {@code
 * LuceneSearchIndex}'s fields under the same names, so that either index gives the same two
 * rankings.
 */
final class PassageMapping {

    /**
     * The version of this mapping, recorded beside the index schema in the metadata document:
     * the mapping is strict, so an index created by a mapping without one of today's fields would
     * refuse every chunk, and is recreated instead. Bump it when a field is added, removed or
     * changed. Version 2 added {@link #EMBEDDING_KEY}; version 1 (recorded as none) lacked it.
     */
    static final int VERSION = 2;

    static final String VECTOR = "vector";

    /** {@code Chunk.embeddingKey()}, for finding the vectors of unchanged passages. */
    static final String EMBEDDING_KEY = "embedding_key";

    private static final Map<String, String> ANALYZERS = Map.of("en", "english", "fr", "french", "es", "spanish");

    private PassageMapping() {}

    static String body(String language) {
        return "body_" + language;
    }

    static String title(String language) {
        return "title_" + language;
    }

    /** The analysed languages in a fixed order, so the mapping and queries are reproducible. */
    static List<String> languages() {
        return Analyzers.LANGUAGES.stream().sorted().toList();
    }

    /** The passages' settings: k-NN on, and no periodic refresh (changes show at commit). */
    static IndexSettings settings() {
        return IndexSettings.of(s -> s.index(i -> i.knn(true).refreshInterval(Time.of(t -> t.time("-1")))));
    }

    /**
     * The passages' mapping. Strict, so that a field this code does not know is an error rather
     * than a guess; the displayed text is kept in the source but not indexed.
     *
     * <ul>
     *   <li>keyword fields for the filters (course, kind, skill, language, class), the source (a
     *       replacement deletes by it) and the embedding key (a reindex reads back the vectors of
     *       unchanged passages by it);
     *   <li>per-language {@code body_<lang>} and {@code title_<lang>} text fields analysed by
     *       OpenSearch's {@code english}, {@code french} and {@code spanish} analysers, which are
     *       Lucene's analysers of those languages, as the embedded index uses; BM25 is
     *       OpenSearch's default similarity, as it is Lucene's;
     *   <li>a {@code knn_vector} of the embedding's dimensions in an HNSW graph (Malkov and
     *       Yashunin, IEEE TPAMI 42(4), 2020) with inner product: the vectors are unit length, so
     *       this ranks as Lucene's {@code DOT_PRODUCT} does. It stays in {@code _source}, where
     *       the vectors of unchanged passages are read back from.
     * </ul>
     */
    static TypeMapping mapping(int dimensions) {
        var properties = new LinkedHashMap<String, Property>();
        for (var field :
                List.of("id", "kind", "source_id", "course_id", "skill_id", "language", "class_id", EMBEDDING_KEY)) {
            properties.put(field, Property.of(p -> p.keyword(k -> k)));
        }
        for (var field : List.of("source_key", "course_key", "title", "text")) {
            properties.put(field, Property.of(p -> p.text(t -> t.index(false))));
        }
        for (var language : languages()) {
            var analyzer = ANALYZERS.get(language);
            properties.put(title(language), Property.of(p -> p.text(t -> t.analyzer(analyzer))));
            properties.put(body(language), Property.of(p -> p.text(t -> t.analyzer(analyzer))));
        }
        // m = 16 and ef_construction = 100 are Lucene's HNSW defaults (maxConn, beamWidth), as the
        // embedded index uses.
        properties.put(
                VECTOR,
                Property.of(p -> p.knnVector(v -> v.dimension(dimensions)
                        .method(m -> m.name("hnsw")
                                .engine("faiss")
                                .spaceType("innerproduct")
                                .parameters("m", JsonData.of(16))
                                .parameters("ef_construction", JsonData.of(100))))));
        return TypeMapping.of(m -> m.dynamic(DynamicMapping.Strict).properties(properties));
    }
}
