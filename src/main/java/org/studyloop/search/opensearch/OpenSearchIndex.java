package org.studyloop.search.opensearch;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.core5.http.HttpHost;
import org.jspecify.annotations.Nullable;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch._types.Time;
import org.opensearch.client.opensearch._types.mapping.DynamicMapping;
import org.opensearch.client.opensearch._types.mapping.Property;
import org.opensearch.client.opensearch._types.mapping.TypeMapping;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.search.SourceConfig;
import org.opensearch.client.opensearch.indices.IndexSettings;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.SkillId;
import org.studyloop.classroom.ClassId;
import org.studyloop.search.PassageKind;
import org.studyloop.search.PassageQuery;
import org.studyloop.search.index.Chunk;
import org.studyloop.search.index.Hit;
import org.studyloop.search.index.SearchIndex;
import org.studyloop.search.text.Analyzers;

/**
 * The index in an OpenSearch cluster (2.9 or later, with the k-NN plugin of the default
 * distribution), used instead of the embedded Lucene index when {@code
 * STUDYLOOP_SEARCH_OPENSEARCH_URL} is set. It mirrors {@code LuceneSearchIndex} field for field, so
 * that either gives the same two rankings:
 *
 * <ul>
 *   <li>keyword fields for the filters (course, kind, skill, language, class), with the same
 *       meaning: a query sees public passages and those of its classes, unless it may see all;
 *   <li>per-language {@code body_<lang>} and {@code title_<lang>} text fields analysed by
 *       OpenSearch's {@code english}, {@code french} and {@code spanish} analysers, which are
 *       Lucene's analysers of those languages, as the embedded index uses; BM25 is OpenSearch's
 *       default similarity, as it is Lucene's;
 *   <li>a {@code knn_vector} of the embedding's dimensions in an HNSW graph (Malkov and
 *       Yashunin, IEEE TPAMI 42(4), 2020) with inner product: the vectors are unit length, so
 *       this ranks as Lucene's {@code DOT_PRODUCT} does. The k-NN query carries the filters
 *       itself ("efficient filtering", Faiss engine, OpenSearch 2.9 and later: OpenSearch
 *       documentation, "Efficient k-NN filtering"), so a restrictive filter still yields
 *       {@code n} hits rather than the few that survive a post-filter.
 * </ul>
 *
 * <p>Fusion is client-side: {@link #keyword} and {@link #nearest} return two ranked lists and
 * {@code HybridRetrieval} fuses them by weighted reciprocal rank (Cormack, Clarke and Büttcher,
 * SIGIR 2009), exactly as with Lucene. So no OpenSearch hybrid query, score normalisation or
 * search pipeline is used, and both back ends rank alike.
 *
 * <p>The schema and the per-course fingerprints live in one document of a second index, {@code
 * <index>-meta}. Both indices are created on first use, and deleted and created empty when their
 * schema is not this one (or one of them is missing), as the Lucene index starts empty in a new
 * or foreign folder; the indexer's start-up reconciliation then fills them. They belong to
 * StudyLoop: do not point the index name at an index of something else.
 *
 * <p>OpenSearch has no transaction to hold changes until {@link #commit}: each replacement is
 * written at once, durable when acknowledged (the translog is synced on each request by
 * default). The index is created with no periodic refresh, so searches see a change once {@link
 * #commit} refreshes, never half a course. {@link #commit} then records the fingerprints, so a
 * crash before that leaves the courses stale and the next start reindexes them.
 *
 * <p>A cluster that cannot be reached gives an {@link UncheckedIOException}, and a request it
 * refuses an {@link IllegalStateException}, each naming the cluster, the index and what was
 * being done; the indexer logs them, and the next start reconciles.
 */
public final class OpenSearchIndex implements SearchIndex {

    /** The class of public passages: the same marker as the Lucene index's. */
    static final String PUBLIC = "public";

    /** Chunks per bulk request: about 4 MB of JSON with 384-dimension vectors. */
    static final int BULK = 500;

    private static final String STATE = "state";
    private static final Map<String, String> ANALYZERS = Map.of("en", "english", "fr", "french", "es", "spanish");
    /** What a hit brings back: the stored fields, not the analysed copies or the vector. */
    private static final List<String> STORED = List.of(
            "id",
            "kind",
            "source_id",
            "source_key",
            "course_id",
            "course_key",
            "skill_id",
            "language",
            "class_id",
            "title",
            "text");

    private final OpenSearchClient client;
    private final String where;
    private final String index;
    private final String meta;
    private final String schema;
    private final int dimensions;
    private volatile boolean ready;
    /** Whether chunks were written since the last refresh (a delete by query would miss them). */
    private volatile boolean dirty;

    /**
     * Uses the cluster through this client; nothing is sent until the first call.
     *
     * @param where the cluster's address without credentials, for messages
     * @param index the passages' index; the metadata is in {@code <index>-meta}
     * @param schema the index schema (fields, chunking, embedding model)
     * @param dimensions of the embedding vectors
     */
    OpenSearchIndex(OpenSearchClient client, String where, String index, String schema, int dimensions) {
        this.client = client;
        this.where = where;
        this.index = index;
        this.meta = index + "-meta";
        this.schema = schema;
        this.dimensions = dimensions;
    }

    /**
     * Connects to the cluster at the URL, for example {@code http://localhost:9200} or {@code
     * https://user:password@search.example.org:9200}: credentials in the URL are sent by HTTP basic
     * authentication, and a path is kept as a prefix (a cluster behind a proxy). Over HTTPS the
     * cluster's certificate must be one the JVM trusts.
     */
    public static OpenSearchIndex connect(String url, String index, String schema, int dimensions) {
        var uri = URI.create(url.strip());
        return new OpenSearchIndex(client(uri), withoutCredentials(uri), index, schema, dimensions);
    }

    /** A client of the cluster at the URL (see {@link #connect}). */
    static OpenSearchClient client(URI uri) {
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "the OpenSearch URL must look like http://host:9200, not " + withoutCredentials(uri));
        }
        var host = new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort());
        var builder = ApacheHttpClient5TransportBuilder.builder(host).setMapper(new JacksonJsonpMapper());
        var path = uri.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            builder.setPathPrefix(path);
        }
        var userInfo = uri.getUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            var colon = userInfo.indexOf(':');
            var user = colon < 0 ? userInfo : userInfo.substring(0, colon);
            var password = colon < 0 ? "" : userInfo.substring(colon + 1);
            var credentials = new BasicCredentialsProvider();
            credentials.setCredentials(
                    new AuthScope(host), new UsernamePasswordCredentials(user, password.toCharArray()));
            builder.setHttpClientConfigCallback(http -> http.setDefaultCredentialsProvider(credentials));
        }
        return new OpenSearchClient(builder.build());
    }

    /** The URL as it may be logged: without the user and password. */
    static String withoutCredentials(URI uri) {
        if (uri.getUserInfo() == null) {
            return uri.toString();
        }
        var authority = uri.getRawAuthority();
        return uri.toString().replace(authority, authority.substring(authority.indexOf('@') + 1));
    }

    static String body(String language) {
        return "body_" + language;
    }

    static String title(String language) {
        return "title_" + language;
    }

    // ---- the schema

    /** The passages' settings: k-NN on, and no periodic refresh (changes show at commit). */
    static IndexSettings settings() {
        return IndexSettings.of(s -> s.index(i -> i.knn(true).refreshInterval(Time.of(t -> t.time("-1")))));
    }

    /**
     * The passages' mapping. Strict, so that a field this code does not know is an error rather
     * than a guess; the displayed text is kept in the source but not indexed.
     */
    static TypeMapping mapping(int dimensions) {
        var properties = new LinkedHashMap<String, Property>();
        for (var field : List.of("id", "kind", "source_id", "course_id", "skill_id", "language", "class_id")) {
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
                "vector",
                Property.of(p -> p.knnVector(v -> v.dimension(dimensions)
                        .method(m -> m.name("hnsw")
                                .engine("faiss")
                                .spaceType("innerproduct")
                                .parameters("m", JsonData.of(16))
                                .parameters("ef_construction", JsonData.of(100))))));
        return TypeMapping.of(m -> m.dynamic(DynamicMapping.Strict).properties(properties));
    }

    /** The analysed languages in a fixed order, so the mapping and queries are reproducible. */
    private static List<String> languages() {
        return Analyzers.LANGUAGES.stream().sorted().toList();
    }

    /** The metadata document: the schema the passages were built with, and the fingerprints. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record State(
            @JsonProperty("schema") String schema,
            @JsonProperty("fingerprints") Map<String, String> fingerprints) {}

    /** Creates the indices on first use, or recreates them empty when their schema is another. */
    private void ready() {
        if (ready) {
            return;
        }
        synchronized (this) {
            if (ready) {
                return;
            }
            var metaExists = call(
                            "look for the index metadata",
                            () -> client.indices().exists(e -> e.index(meta)))
                    .value();
            var state = metaExists ? state() : Optional.<State>empty();
            var passages = call("look for the index", () -> client.indices().exists(e -> e.index(index)))
                    .value();
            if (state.isEmpty() || !schema.equals(state.get().schema()) || !passages) {
                recreate();
            }
            ready = true;
        }
    }

    /** The metadata document, read in real time (a get needs no refresh); its index must exist. */
    private Optional<State> state() {
        var got = call(
                "read the index metadata", () -> client.get(g -> g.index(meta).id(STATE), State.class));
        return got.found() ? Optional.ofNullable(got.source()) : Optional.empty();
    }

    private synchronized void recreate() {
        call(
                "delete the index",
                () -> client.indices().delete(d -> d.index(index, meta).ignoreUnavailable(true)));
        call(
                "create the index",
                () -> client.indices()
                        .create(c -> c.index(index).settings(settings()).mappings(mapping(dimensions))));
        // The metadata is one document read by id: its fields need no mapping, and the
        // fingerprints, one field per course, must not grow one.
        call(
                "create the index metadata",
                () -> client.indices()
                        .create(c ->
                                c.index(meta).settings(s -> s.numberOfShards(1)).mappings(m -> m.enabled(false))));
        writeState(Map.of());
        dirty = false;
    }

    private void writeState(Map<String, String> fingerprints) {
        var state = new State(schema, Map.copyOf(fingerprints));
        call(
                "write the index metadata",
                () -> client.index(i -> i.index(meta).id(STATE).document(state).refresh(Refresh.True)));
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
        ready();
        // A delete by query reads a snapshot of what is searchable: chunks written since the last
        // refresh would survive it (OpenSearch documentation, "Delete by query").
        if (dirty) {
            refresh();
        }
        var deleted = call(
                "delete the chunks of " + field + " " + value,
                () -> client.deleteByQuery(d -> d.index(index).query(term(field, value))));
        if (!deleted.failures().isEmpty()) {
            throw new IllegalStateException("OpenSearch at %s could not delete every chunk of %s %s in %s: %s"
                    .formatted(where, field, value, index, deleted.failures().getFirst()));
        }
        dirty = true;
    }

    private void write(List<Chunk> chunks) {
        for (var from = 0; from < chunks.size(); from += BULK) {
            var operations = new ArrayList<BulkOperation>();
            for (var chunk : chunks.subList(from, Math.min(chunks.size(), from + BULK))) {
                var document = document(chunk);
                operations.add(BulkOperation.of(
                        o -> o.index(i -> i.index(index).id(chunk.id()).document(document))));
            }
            var response = call(
                    "index " + operations.size() + " chunks",
                    () -> client.bulk(b -> b.index(index).operations(operations)));
            dirty = true;
            if (response.errors()) {
                var failed = response.items().stream()
                        .filter(item -> item.error() != null)
                        .toList();
                var first = failed.getFirst();
                throw new IllegalStateException("OpenSearch at %s refused %d of %d chunks in %s; chunk %s: %s"
                        .formatted(
                                where,
                                failed.size(),
                                operations.size(),
                                index,
                                first.id(),
                                first.error() == null ? "" : first.error().reason()));
            }
        }
    }

    /** The chunk as an OpenSearch document: the Lucene index's fields under the same names. */
    static Map<String, Object> document(Chunk chunk) {
        var language = Analyzers.supported(chunk.language());
        var document = new LinkedHashMap<String, Object>();
        document.put("id", chunk.id());
        document.put("kind", chunk.kind().name());
        document.put("source_id", chunk.sourceId().toString());
        document.put("source_key", chunk.sourceKey());
        document.put("course_id", chunk.courseId().value().toString());
        document.put("course_key", chunk.courseKey());
        document.put(
                "skill_id",
                chunk.skillIds().stream().map(s -> s.value().toString()).toList());
        document.put("language", chunk.language());
        document.put("class_id", chunk.classId().map(c -> c.value().toString()).orElse(PUBLIC));
        document.put("title", chunk.title());
        document.put("text", chunk.text());
        document.put(title(language), chunk.title());
        document.put(body(language), chunk.indexed());
        document.put("vector", chunk.vector());
        return document;
    }

    @Override
    public void commit(Map<String, String> fingerprints) {
        ready();
        refresh();
        var merged = new HashMap<>(fingerprints());
        merged.putAll(fingerprints);
        writeState(merged);
    }

    private void refresh() {
        call("refresh the index", () -> client.indices().refresh(r -> r.index(index)));
        dirty = false;
    }

    @Override
    public Map<String, String> fingerprints() {
        ready();
        return new HashMap<>(state().map(State::fingerprints).orElse(Map.of()));
    }

    @Override
    public synchronized void clear() {
        recreate();
        ready = true;
    }

    // ---- reading

    @Override
    public List<Hit> keyword(PassageQuery query, String text, int n) {
        if (text.isBlank()) {
            return List.of();
        }
        ready();
        return search(SearchRequest.of(
                s -> s.index(index).size(n).query(keywordQuery(query, text)).source(stored())));
    }

    @Override
    public List<Hit> nearest(PassageQuery query, float[] vector, int n) {
        ready();
        return search(SearchRequest.of(s ->
                s.index(index).size(n).query(nearestQuery(query, vector, n)).source(stored())));
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

    /** The {@code n} nearest chunks within the filters, the filters applied during the search. */
    static Query nearestQuery(PassageQuery query, float[] vector, int n) {
        var values = new ArrayList<Float>(vector.length);
        for (var value : vector) {
            values.add(value);
        }
        var filters = filters(query);
        return Query.of(q -> q.knn(k -> {
            k.field("vector").vector(values).k(n);
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
            visible.add(PUBLIC);
            query.classes().forEach(c -> visible.add(c.value().toString()));
            filters.add(terms("class_id", visible));
        }
        return filters;
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value))));
    }

    /** Any of the values; sorted, so the same query is the same JSON. */
    private static Query terms(String field, List<String> values) {
        var sorted = values.stream().sorted().map(FieldValue::of).toList();
        return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(sorted))));
    }

    private static SourceConfig stored() {
        return SourceConfig.of(s -> s.filter(f -> f.includes(STORED)));
    }

    /**
     * A hit's source: the stored fields of {@link #document}. Other fields are ignored (the
     * client's Jackson mapper would otherwise refuse them), should a search return them.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Stored(
            @JsonProperty("id") String id,
            @JsonProperty("kind") String kind,
            @JsonProperty("source_id") String sourceId,
            @JsonProperty("source_key") String sourceKey,
            @JsonProperty("course_id") String courseId,
            @JsonProperty("course_key") String courseKey,
            @JsonProperty("skill_id") @Nullable List<String> skillIds,
            @JsonProperty("language") String language,
            @JsonProperty("class_id") String classId,
            @JsonProperty("title") String title,
            @JsonProperty("text") String text) {}

    private List<Hit> search(SearchRequest request) {
        var response = call("search the index", () -> client.search(request, Stored.class));
        var hits = new ArrayList<Hit>();
        for (var hit : response.hits().hits()) {
            var source = hit.source();
            if (source != null) {
                hits.add(new Hit(
                        chunk(source), hit.score() == null ? 0 : hit.score().floatValue()));
            }
        }
        return hits;
    }

    /** The chunk of a hit, as the Lucene index gives it: without the indexed text or the vector. */
    static Chunk chunk(Stored stored) {
        return new Chunk(
                stored.id(),
                PassageKind.valueOf(stored.kind()),
                UUID.fromString(stored.sourceId()),
                stored.sourceKey(),
                new CourseId(UUID.fromString(stored.courseId())),
                stored.courseKey(),
                stored.skillIds() == null
                        ? List.of()
                        : stored.skillIds().stream()
                                .map(s -> new SkillId(UUID.fromString(s)))
                                .toList(),
                stored.language(),
                PUBLIC.equals(stored.classId())
                        ? Optional.empty()
                        : Optional.of(new ClassId(UUID.fromString(stored.classId()))),
                stored.title(),
                stored.text(),
                "",
                "",
                new float[0]);
    }

    @Override
    public long size() {
        ready();
        return call("count the chunks", () -> client.count(c -> c.index(index))).count();
    }

    @Override
    public void close() {
        try {
            client._transport().close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the connection to OpenSearch at " + where, e);
        }
    }

    // ---- errors

    private interface Call<T> {
        T run() throws IOException;
    }

    /** Runs a request, turning a failure into an exception that says where and what. */
    private <T> T call(String what, Call<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot %s: OpenSearch at %s (index %s) did not answer: %s".formatted(what, where, index, e), e);
        } catch (OpenSearchException e) {
            throw new IllegalStateException(
                    "cannot %s: OpenSearch at %s (index %s) refused: %s".formatted(what, where, index, e.getMessage()),
                    e);
        }
    }
}
