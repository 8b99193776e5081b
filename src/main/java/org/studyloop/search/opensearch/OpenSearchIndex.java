package org.studyloop.search.opensearch;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.studyloop.catalog.CourseId;
import org.studyloop.search.PassageKind;
import org.studyloop.search.PassageQuery;
import org.studyloop.search.index.Chunk;
import org.studyloop.search.index.Hit;
import org.studyloop.search.index.SearchIndex;

/**
 * The index in an OpenSearch cluster (2.9 or later, with the k-NN plugin of the default
 * distribution), used instead of the embedded Lucene index when {@code
 * STUDYLOOP_SEARCH_OPENSEARCH_URL} is set. It mirrors {@code LuceneSearchIndex} field for field
 * ({@link PassageMapping}, {@link PassageDocuments}) and query for query ({@link PassageQueries}),
 * so that either gives the same two rankings, and keeps its schema and fingerprints beside the
 * passages ({@link Indices}).
 *
 * <p>Fusion is client-side: {@link #keyword} and {@link #nearest} return two ranked lists and
 * {@code HybridRetrieval} fuses them by weighted reciprocal rank (Cormack, Clarke and Büttcher,
 * SIGIR 2009), exactly as with Lucene. So no OpenSearch hybrid query, score normalisation or
 * search pipeline is used, and both back ends rank alike.
 *
 * <p>Each chunk carries the SHA-256 of what the embedding model read ({@code embedding_key}), so
 * that, as with Lucene, {@link #vectors} gives the indexer the vectors of passages whose text is
 * unchanged and only the others are embedded again; {@link #courseOf} tells it a source's course.
 * Both, like the rankings, see what the last refresh made searchable.
 *
 * <p>OpenSearch has no transaction to hold changes until {@link #commit}: each replacement is
 * written at once, durable when acknowledged (the translog is synced on each request by
 * default). The index is created with no periodic refresh, so searches see a change once {@link
 * #commit} refreshes, never half a course. {@link #commit} then records the fingerprints, so a
 * crash before that leaves the courses stale and the next start reindexes them.
 *
 * <p>A cluster that cannot be reached gives an {@link UncheckedIOException}, and a request it
 * refuses an {@link IllegalStateException}, each naming the cluster, the index and what was
 * being done (see {@link Cluster}).
 */
public final class OpenSearchIndex implements SearchIndex {

    /** Chunks per bulk request: about 4 MB of JSON with 384-dimension vectors. */
    static final int BULK = 500;

    /**
     * Embedding keys per search of {@link #vectors}: each brings back up to as many vectors
     * (about 4 MB of JSON at 384 dimensions), far below OpenSearch's default limits of 65,536
     * terms in a query and 10,000 hits in a page.
     */
    static final int KEYS = 1_000;

    private final Cluster cluster;
    private final Indices indices;
    private final String index;
    /** Whether chunks were written since the last refresh (a delete by query would miss them). */
    private volatile boolean dirty;

    OpenSearchIndex(Cluster cluster, String index, String schema, int dimensions) {
        this.cluster = cluster;
        this.indices = new Indices(cluster, index, schema, dimensions);
        this.index = index;
    }

    /**
     * Uses the cluster at the URL (see {@link Cluster#at}); nothing is sent until the first call.
     *
     * @param index the passages' index; the metadata is in {@code <index>-meta}
     * @param schema the index schema (fields, chunking, embedding model)
     * @param dimensions of the embedding vectors
     */
    public static OpenSearchIndex connect(String url, String index, String schema, int dimensions) {
        return new OpenSearchIndex(Cluster.at(url, index), index, schema, dimensions);
    }

    // ---- writing

    @Override
    public void replaceCourse(CourseId course, List<Chunk> chunks) {
        deleteWhere("course_id", course.value().toString());
        write(chunks);
    }

    @Override
    public void replaceSource(UUID sourceId, List<Chunk> chunks) {
        deleteWhere("source_id", sourceId.toString());
        write(chunks);
    }

    @Override
    public void deleteSource(UUID sourceId) {
        deleteWhere("source_id", sourceId.toString());
    }

    private void deleteWhere(String field, String value) {
        indices.ready();
        // A delete by query reads a snapshot of what is searchable: chunks written since the last
        // refresh would survive it (OpenSearch documentation, "Delete by query").
        if (dirty) {
            refresh();
        }
        var deleted = cluster.call(
                "delete the chunks of " + field + " " + value,
                c -> c.deleteByQuery(d -> d.index(index).query(PassageQueries.term(field, value))));
        if (!deleted.failures().isEmpty()) {
            throw new IllegalStateException("OpenSearch at %s could not delete every chunk of %s %s in %s: %s"
                    .formatted(
                            cluster.where(),
                            field,
                            value,
                            index,
                            deleted.failures().getFirst()));
        }
        dirty = true;
    }

    private void write(List<Chunk> chunks) {
        for (var from = 0; from < chunks.size(); from += BULK) {
            var operations = new ArrayList<BulkOperation>();
            for (var chunk : chunks.subList(from, Math.min(chunks.size(), from + BULK))) {
                var document = PassageDocuments.document(chunk);
                operations.add(BulkOperation.of(
                        o -> o.index(i -> i.index(index).id(chunk.id()).document(document))));
            }
            var response = cluster.call(
                    "index " + operations.size() + " chunks",
                    c -> c.bulk(b -> b.index(index).operations(operations)));
            dirty = true;
            if (response.errors()) {
                var failed = response.items().stream()
                        .filter(item -> item.error() != null)
                        .toList();
                var first = failed.getFirst();
                throw new IllegalStateException("OpenSearch at %s refused %d of %d chunks in %s; chunk %s: %s"
                        .formatted(
                                cluster.where(),
                                failed.size(),
                                operations.size(),
                                index,
                                first.id(),
                                first.error() == null ? "" : first.error().reason()));
            }
        }
    }

    @Override
    public void commit(Map<String, String> fingerprints) {
        indices.ready();
        refresh();
        indices.record(fingerprints);
    }

    private void refresh() {
        cluster.call("refresh the index", c -> c.indices().refresh(r -> r.index(index)));
        dirty = false;
    }

    @Override
    public Map<String, String> fingerprints() {
        return indices.fingerprints();
    }

    @Override
    public synchronized void clear() {
        indices.recreate();
        dirty = false;
    }

    // ---- reading

    @Override
    public List<Hit> keyword(PassageQuery query, String text, int n) {
        if (text.isBlank()) {
            return List.of();
        }
        indices.ready();
        return search(PassageQueries.keyword(index, query, text, n));
    }

    @Override
    public List<Hit> nearest(PassageQuery query, float[] vector, int n) {
        indices.ready();
        return search(PassageQueries.nearest(index, query, vector, n));
    }

    private List<Hit> search(SearchRequest request) {
        var response = cluster.call("search the index", c -> c.search(request, PassageDocuments.Identity.class));
        var hits = new ArrayList<Hit>();
        for (var hit : response.hits().hits()) {
            var source = hit.source();
            if (source != null) {
                hits.add(new Hit(
                        source.id(),
                        PassageKind.valueOf(source.kind()),
                        UUID.fromString(source.sourceId()),
                        hit.score() == null ? 0 : hit.score().floatValue()));
            }
        }
        return hits;
    }

    @Override
    public Map<String, Chunk> chunks(Collection<String> chunkIds) {
        var ids = chunkIds.stream().distinct().sorted().toList();
        var found = new HashMap<String, Chunk>();
        if (ids.isEmpty()) {
            return found;
        }
        indices.ready();
        var response = cluster.call(
                "read " + ids.size() + " passages",
                c -> c.search(PassageQueries.chunks(index, ids), PassageDocuments.Stored.class));
        for (var hit : response.hits().hits()) {
            if (hit.source() != null) {
                var chunk = PassageDocuments.chunk(hit.source());
                found.put(chunk.id(), chunk);
            }
        }
        return found;
    }

    @Override
    public Map<String, float[]> vectors(Collection<String> embeddingKeys) {
        var keys = embeddingKeys.stream().distinct().sorted().toList();
        var found = new HashMap<String, float[]>();
        if (keys.isEmpty()) {
            return found;
        }
        indices.ready();
        for (var from = 0; from < keys.size(); from += KEYS) {
            var batch = keys.subList(from, Math.min(keys.size(), from + KEYS));
            var response = cluster.call(
                    "read the vectors of " + batch.size() + " passages",
                    c -> c.search(PassageQueries.embeddings(index, batch), PassageDocuments.Embedding.class));
            for (var hit : response.hits().hits()) {
                var source = hit.source();
                if (source != null && source.key() instanceof String key && source.vector() instanceof float[] vector) {
                    found.put(key, vector);
                }
            }
        }
        return found;
    }

    @Override
    public Optional<CourseId> courseOf(UUID sourceId) {
        indices.ready();
        var response = cluster.call(
                "find the course of a source",
                c -> c.search(PassageQueries.ofSource(index, sourceId), PassageDocuments.Stored.class));
        return response.hits().hits().stream()
                .map(hit -> hit.source())
                .filter(Objects::nonNull)
                .findFirst()
                .map(source -> new CourseId(UUID.fromString(source.courseId())));
    }

    @Override
    public long size() {
        indices.ready();
        return cluster.call("count the chunks", c -> c.count(r -> r.index(index)))
                .count();
    }

    @Override
    public void close() {
        cluster.close();
    }
}
