package org.studyloop.search.opensearch;

import static org.studyloop.search.opensearch.PassageMapping.EMBEDDING_KEY;
import static org.studyloop.search.opensearch.PassageMapping.VECTOR;
import static org.studyloop.search.opensearch.PassageMapping.body;
import static org.studyloop.search.opensearch.PassageMapping.languages;
import static org.studyloop.search.opensearch.PassageMapping.title;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.studyloop.search.PassageKind;
import org.studyloop.search.PassageQuery;

/**
 * The searches the adapter sends: the two rankings, with the Lucene index's filters, and the
 * look-ups of the indexer (vectors by embedding key, a source's course).
 */
final class PassageQueries {

    private PassageQueries() {}

    /** The {@code n} best chunks by BM25 (see {@link #keywordQuery}). */
    static SearchRequest keyword(String index, PassageQuery query, String text, int n) {
        return SearchRequest.of(
                s -> s.index(index).size(n).query(keywordQuery(query, text)).source(PassageDocuments.identity()));
    }

    /** The {@code n} nearest chunks (see {@link #nearestQuery}). */
    static SearchRequest nearest(String index, PassageQuery query, float[] vector, int n) {
        return SearchRequest.of(s ->
                s.index(index).size(n).query(nearestQuery(query, vector, n)).source(PassageDocuments.identity()));
    }

    /**
     * BM25 over every language's body, and its title at 1.5 times the weight, summed, within the
     * filters: the Lucene index's query. The words are a {@code must} of their own, since beside a
     * filter {@code should} clauses would become optional and every filtered passage would match.
     */
    static Query keywordQuery(PassageQuery query, String text) {
        var words = new ArrayList<Query>();
        for (var language : languages()) {
            words.add(Query.of(q -> q.match(m -> m.field(body(language)).query(FieldValue.of(text)))));
            words.add(Query.of(q -> q.match(
                    m -> m.field(title(language)).query(FieldValue.of(text)).boost(1.5f))));
        }
        var matching = Query.of(q -> q.bool(b -> b.should(words)));
        return Query.of(q -> q.bool(b -> b.must(matching).filter(filters(query))));
    }

    /**
     * The {@code n} nearest chunks within the filters, the filters applied during the search
     * ("efficient filtering", Faiss engine, OpenSearch 2.9 and later: OpenSearch documentation,
     * "Efficient k-NN filtering"), so a restrictive filter still yields {@code n} hits rather than
     * the few that survive a post-filter.
     */
    static Query nearestQuery(PassageQuery query, float[] vector, int n) {
        var values = new ArrayList<Float>(vector.length);
        for (var value : vector) {
            values.add(value);
        }
        var filters = filters(query);
        return Query.of(q -> q.knn(k -> {
            k.field(VECTOR).vector(values).k(n);
            if (!filters.isEmpty()) {
                k.filter(Query.of(f -> f.bool(b -> b.filter(filters))));
            }
            return k;
        }));
    }

    /**
     * The query's filters, as the Lucene index's: course, kinds, skill, language, and which
     * class-private passages it may see (public ones and its classes', unless it may see all).
     */
    static List<Query> filters(PassageQuery query) {
        var filters = new ArrayList<Query>();
        query.courseId().ifPresent(c -> filters.add(term("course_id", c.value().toString())));
        if (!query.kinds().isEmpty()) {
            filters.add(
                    terms("kind", query.kinds().stream().map(PassageKind::name).toList()));
        }
        query.skillId().ifPresent(s -> filters.add(term("skill_id", s.value().toString())));
        query.language().ifPresent(l -> filters.add(term("language", l)));
        if (!query.allClasses()) {
            var visible = new ArrayList<String>();
            visible.add(PassageDocuments.PUBLIC);
            query.classes().forEach(c -> visible.add(c.value().toString()));
            filters.add(terms("class_id", visible));
        }
        return filters;
    }

    /**
     * One chunk of each of these embedding keys, with its key and vector. Passages of the same
     * text share a key, so the hits are collapsed on it (one per key; the field is a keyword, with
     * doc values, as collapsing needs): {@code size} as many as the keys then returns every key
     * the index holds, however many chunks repeat one. The vector is read from {@code _source}:
     * the k-NN plugin gives a {@code knn_vector}'s doc values to scripts only ({@code
     * docvalue_fields} on one fails: KNNVectorDVLeafFieldData.getBytesValues throws), and its
     * {@code fields} value fetcher reads {@code _source} anyway (KNNVectorFieldType.valueFetcher),
     * while {@code _source} keeps the floats as sent. With the plugin's derived source (OpenSearch
     * 3) the vector is written back into {@code _source}, so this serves either way.
     */
    static SearchRequest embeddings(String index, Collection<String> keys) {
        var filter = terms(EMBEDDING_KEY, List.copyOf(keys));
        return SearchRequest.of(s -> s.index(index)
                .size(keys.size())
                .trackTotalHits(t -> t.enabled(false))
                .query(q -> q.bool(b -> b.filter(filter)))
                .collapse(c -> c.field(EMBEDDING_KEY))
                .source(PassageDocuments.embedding()));
    }

    /** The chunks with these ids, whole (the fetch after a search's query). */
    static SearchRequest chunks(String index, Collection<String> ids) {
        var filter = terms("id", List.copyOf(ids));
        return SearchRequest.of(s -> s.index(index)
                .size(ids.size())
                .trackTotalHits(t -> t.enabled(false))
                .query(q -> q.bool(b -> b.filter(filter)))
                .source(PassageDocuments.stored()));
    }

    /** A chunk of the source, if the index holds any: its course is the source's. */
    static SearchRequest ofSource(String index, UUID sourceId) {
        return SearchRequest.of(s -> s.index(index)
                .size(1)
                .trackTotalHits(t -> t.enabled(false))
                .query(q -> q.bool(b -> b.filter(term("source_id", sourceId.toString()))))
                .source(PassageDocuments.stored()));
    }

    static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value))));
    }

    /** Any of the values; sorted, so the same query is the same JSON. */
    private static Query terms(String field, List<String> values) {
        var sorted = values.stream().sorted().map(FieldValue::of).toList();
        return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(sorted))));
    }
}
