package org.studyloop.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.json.JSONException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.studyloop.catalog.CourseId;

/**
 * What the indexer asks the OpenSearch adapter, against {@link FakeCluster}: the stored vectors of
 * unchanged passages by embedding key, and a source's course. The request is pinned, and the
 * answers are shaped as a cluster's (a collapsed search with {@code track_total_hits} off has no
 * total, and each hit carries the collapse key in {@code fields}).
 */
class OpenSearchVectorsTests {

    private static final String SHARDS = "\"_shards\": {\"total\": 1, \"successful\": 1, \"failed\": 0}";
    private static final String NO_HITS = """
            {"took": 1, "timed_out": false, %s, "hits": {"max_score": null, "hits": []}}
            """.formatted(SHARDS);

    private final FakeCluster cluster;
    private final OpenSearchIndex index;

    OpenSearchVectorsTests() throws IOException {
        cluster = new FakeCluster("passages")
                .state("{\"schema\": \"s1\", \"mapping\": 2, \"fingerprints\": {}}")
                .answer("HEAD /passages-meta", 200, "")
                .answer("HEAD /passages", 200, "");
        index = OpenSearchIndex.connect(cluster.url(), "passages", "s1", 4);
    }

    @AfterEach
    void close() {
        index.close();
        cluster.close();
    }

    private static void assertJson(String expected, String actual) {
        try {
            JSONAssert.assertEquals(expected, actual, JSONCompareMode.STRICT);
        } catch (JSONException e) {
            throw new AssertionError("not JSON: " + actual, e);
        }
    }

    private static String hit(String id, String source) {
        return """
                {"_index": "passages", "_id": "%s", "_score": 0.0, "_source": %s}""".formatted(id, source);
    }

    @Test
    void theVectorsOfKnownKeysAreReadFromOneCollapsedSearch() {
        cluster.answer("POST /passages/_search", 200, """
                {"took": 2, "timed_out": false, %s, "hits": {"max_score": 0.0, "hits": [
                  {"_index": "passages", "_id": "LESSON:a#0", "_score": 0.0,
                   "_source": {"embedding_key": "k1", "vector": [0.6, 0.8, 0.0, 0.0]},
                   "fields": {"embedding_key": ["k1"]}},
                  {"_index": "passages", "_id": "HINT:b#1", "_score": 0.0,
                   "_source": {"vector": [0.0, 0.0, -1.0, 0.0], "embedding_key": "k2"},
                   "fields": {"embedding_key": ["k2"]}}]}}
                """.formatted(SHARDS));

        var vectors = index.vectors(List.of("k3", "k1", "k2", "k1"));

        assertThat(vectors).containsOnlyKeys("k1", "k2");
        assertThat(vectors.get("k1")).containsExactly(0.6f, 0.8f, 0f, 0f);
        assertThat(vectors.get("k2")).containsExactly(0f, 0f, -1f, 0f);
        assertThat(vectors)
                .as("a key the cluster did not answer is left to the model")
                .doesNotContainKey("k3");
        var search = cluster.requests().getLast();
        assertThat(search.line()).isEqualTo("POST /passages/_search");
        // One hit per key however many passages share it, so as many hits as keys bring every one.
        assertJson("""
                {"size": 3, "track_total_hits": false,
                 "query": {"bool": {"filter": [{"terms": {"embedding_key": ["k1", "k2", "k3"]}}]}},
                 "collapse": {"field": "embedding_key"},
                 "_source": {"includes": ["embedding_key", "vector"]}}
                """, search.body());
    }

    @Test
    void manyKeysAreAskedInBatches() {
        cluster.answer("POST /passages/_search", 200, NO_HITS);
        var keys = IntStream.range(0, 2 * OpenSearchIndex.KEYS + 7)
                .mapToObj(i -> "key-%05d".formatted(i))
                .toList();

        assertThat(index.vectors(keys)).isEmpty();

        var searches = cluster.requests().stream()
                .filter(r -> r.line().equals("POST /passages/_search"))
                .map(FakeCluster.Request::body)
                .toList();
        assertThat(searches).hasSize(3);
        assertThat(searches.get(0)).contains("\"size\":" + OpenSearchIndex.KEYS, "\"key-00000\"");
        assertThat(searches.get(2)).contains("\"size\":7", "\"key-02006\"").doesNotContain("\"key-00000\"");
    }

    @Test
    void noKeysAskNothing() {
        assertThat(index.vectors(List.of())).isEmpty();
        assertThat(cluster.lines()).isEmpty();
    }

    @Test
    void aSourcesCourseIsTheCourseOfOneOfItsChunks() {
        var source = UUID.randomUUID();
        var course = new CourseId(UUID.randomUUID());
        cluster.answer("POST /passages/_search", 200, """
                {"took": 1, "timed_out": false, %s, "hits": {"max_score": 0.0, "hits": [%s]}}
                """.formatted(
                        SHARDS, hit("ITEM:%s#0".formatted(source), """
                        {"id": "ITEM:%s#0", "kind": "ITEM", "source_id": "%s", "source_key": "item-7",
                         "course_id": "%s", "course_key": "calculus", "skill_id": [], "language": "en",
                         "class_id": "public", "title": "Chain rule", "text": "Differentiate"}
                        """.formatted(source, source, course.value()))));

        assertThat(index.courseOf(source)).contains(course);

        assertJson("""
                {"size": 1, "track_total_hits": false,
                 "query": {"bool": {"filter": [{"term": {"source_id": {"value": "%s"}}}]}},
                 "_source": {"includes": ["id", "kind", "source_id", "source_key", "course_id", "course_key",
                   "skill_id", "language", "class_id", "title", "text"]}}
                """.formatted(source), cluster.requests().getLast().body());

        cluster.answer("POST /passages/_search", 200, NO_HITS);
        assertThat(index.courseOf(UUID.randomUUID()))
                .as("a source the index does not hold")
                .isEmpty();
    }
}
