package org.studyloop.search.opensearch;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.opensearch.client.opensearch._types.Refresh;

/**
 * The passages' index and {@code <index>-meta}, whose one document holds the schema the passages
 * were built with and the per-course fingerprints. Both are created on first use, and deleted and
 * created empty when their schema or mapping is not this one (or one of them is missing), as the
 * Lucene index starts empty in a new or foreign folder; the indexer's start-up reconciliation then
 * fills them. They belong to StudyLoop: do not point the index name at an index of something else.
 */
final class Indices {

    private static final String STATE = "state";

    private final Cluster cluster;
    private final String index;
    private final String meta;
    private final String schema;
    private final int dimensions;
    private volatile boolean ready;

    /**
     * @param index the passages' index; the metadata is in {@code <index>-meta}
     * @param schema the index schema (fields, chunking, embedding model)
     * @param dimensions of the embedding vectors
     */
    Indices(Cluster cluster, String index, String schema, int dimensions) {
        this.cluster = cluster;
        this.index = index;
        this.meta = index + "-meta";
        this.schema = schema;
        this.dimensions = dimensions;
    }

    /**
     * The metadata document: the schema the passages were built with, the version of their
     * mapping ({@link PassageMapping#VERSION}; 0 when a version before the field wrote it), and
     * the fingerprints.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record State(
            @JsonProperty("schema") String schema,
            @JsonProperty("mapping") int mapping,
            @JsonProperty("fingerprints") Map<String, String> fingerprints) {

        boolean builtBy(String schema) {
            return this.schema.equals(schema) && mapping == PassageMapping.VERSION;
        }
    }

    /** Creates the indices on first use, or recreates them empty when their schema is another. */
    void ready() {
        if (ready) {
            return;
        }
        synchronized (this) {
            if (ready) {
                return;
            }
            var metaExists = cluster.call(
                            "look for the index metadata", c -> c.indices().exists(e -> e.index(meta)))
                    .value();
            var state = metaExists ? state() : Optional.<State>empty();
            var passages = cluster.call("look for the index", c -> c.indices().exists(e -> e.index(index)))
                    .value();
            if (state.isEmpty() || !state.get().builtBy(schema) || !passages) {
                recreate();
            }
            ready = true;
        }
    }

    /** The metadata document, read in real time (a get needs no refresh); its index must exist. */
    private Optional<State> state() {
        var got = cluster.call(
                "read the index metadata", c -> c.get(g -> g.index(meta).id(STATE), State.class));
        return got.found() ? Optional.ofNullable(got.source()) : Optional.empty();
    }

    /** Deletes both indices and creates them empty, with no fingerprint. */
    synchronized void recreate() {
        cluster.call(
                "delete the index",
                c -> c.indices().delete(d -> d.index(index, meta).ignoreUnavailable(true)));
        cluster.call(
                "create the index",
                c -> c.indices()
                        .create(i -> i.index(index)
                                .settings(PassageMapping.settings())
                                .mappings(PassageMapping.mapping(dimensions))));
        // The metadata is one document read by id: its fields need no mapping, and the
        // fingerprints, one field per course, must not grow one.
        cluster.call(
                "create the index metadata",
                c -> c.indices()
                        .create(i ->
                                i.index(meta).settings(s -> s.numberOfShards(1)).mappings(m -> m.enabled(false))));
        write(Map.of());
        ready = true;
    }

    /** The fingerprints of the last commit. */
    Map<String, String> fingerprints() {
        ready();
        return new HashMap<>(state().map(State::fingerprints).orElse(Map.of()));
    }

    /** Records these fingerprints over those already recorded. */
    void record(Map<String, String> fingerprints) {
        var merged = fingerprints();
        merged.putAll(fingerprints);
        write(merged);
    }

    private void write(Map<String, String> fingerprints) {
        var state = new State(schema, PassageMapping.VERSION, Map.copyOf(fingerprints));
        cluster.call(
                "write the index metadata",
                c -> c.index(i -> i.index(meta).id(STATE).document(state).refresh(Refresh.True)));
    }
}
