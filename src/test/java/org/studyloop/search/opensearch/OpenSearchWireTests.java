package org.studyloop.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.SkillId;
import org.studyloop.search.PassageKind;
import org.studyloop.search.PassageQuery;
import org.studyloop.search.index.Chunk;
import org.studyloop.search.index.Hit;

/**
 * The adapter through the real client and HTTP transport, against {@link FakeCluster}: which
 * requests it sends, in which order, and how it reads answers shaped as OpenSearch's. What a real
 * cluster does with them (analysis, BM25, k-NN) is OpenSearchIndexTests, run only when a URL is
 * given.
 */
class OpenSearchWireTests {

    private static final String ACKNOWLEDGED = """
            {"acknowledged": true, "shards_acknowledged": true, "index": "passages"}
            """;
    private static final String SHARDS = "\"_shards\": {\"total\": 1, \"successful\": 1, \"failed\": 0}";
    private static final String CURRENT = """
            {"schema": "s1", "mapping": 2, "fingerprints": {"c1": "abc"}}
            """;

    private final CourseId course = new CourseId(UUID.randomUUID());
    private FakeCluster cluster;
    private OpenSearchIndex index;

    private OpenSearchIndex open(FakeCluster fake) {
        cluster = fake;
        index = OpenSearchIndex.connect(fake.url(), "passages", "s1", 4);
        return index;
    }

    @AfterEach
    void close() {
        if (index != null) {
            index.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private static FakeCluster existing() throws IOException {
        return new FakeCluster("passages")
                .state(CURRENT)
                .answer("HEAD /passages-meta", 200, "")
                .answer("HEAD /passages", 200, "");
    }

    private Chunk chunk(String id, String text) {
        return new Chunk(
                id,
                PassageKind.LESSON,
                UUID.randomUUID(),
                "key",
                course,
                "course",
                List.of(new SkillId(UUID.randomUUID())),
                "en",
                Optional.empty(),
                text,
                text,
                text,
                text,
                new float[] {1, 0, 0, 0});
    }

    @Test
    void aNewClusterGetsBothIndicesAndTheSchema() throws IOException {
        var index = open(new FakeCluster("passages")
                .answer("DELETE /passages,passages-meta", 200, "{\"acknowledged\": true}")
                .answer("PUT /passages", 200, ACKNOWLEDGED)
                .answer("PUT /passages-meta", 200, ACKNOWLEDGED.replace("passages", "passages-meta"))
                .answer("POST /passages/_count", 200, "{\"count\": 0, " + SHARDS + "}"));

        assertThat(index.size()).isZero();

        assertThat(cluster.lines())
                .containsExactly(
                        "HEAD /passages-meta",
                        "HEAD /passages",
                        "DELETE /passages,passages-meta",
                        "PUT /passages",
                        "PUT /passages-meta",
                        "PUT /passages-meta/_doc/state",
                        "POST /passages/_count");
        var requests = cluster.requests();
        assertThat(requests.get(2).query()).contains("ignore_unavailable=true");
        assertThat(requests.get(3).body())
                .contains("\"knn\":true", "\"refresh_interval\":\"-1\"", "\"dynamic\":\"strict\"")
                .contains("\"type\":\"knn_vector\"", "\"dimension\":4", "\"space_type\":\"innerproduct\"")
                .contains("\"embedding_key\":{\"type\":\"keyword\"}");
        assertThat(requests.get(4).body()).contains("\"enabled\":false");
        assertThat(requests.get(5).query()).contains("refresh=true");
        assertThat(cluster.state()).isEqualTo("{\"schema\":\"s1\",\"mapping\":2,\"fingerprints\":{}}");
    }

    @Test
    void anIndexOfAnotherSchemaIsRebuiltEmpty() throws IOException {
        var index = open(existing()
                .state("{\"schema\": \"s0\", \"fingerprints\": {\"c1\": \"abc\"}}")
                .answer("DELETE /passages,passages-meta", 200, "{\"acknowledged\": true}")
                .answer("PUT /passages", 200, ACKNOWLEDGED)
                .answer("PUT /passages-meta", 200, ACKNOWLEDGED.replace("passages", "passages-meta")));

        assertThat(index.fingerprints()).as("every course will be reindexed").isEmpty();
        assertThat(cluster.lines()).contains("DELETE /passages,passages-meta", "PUT /passages");
    }

    @Test
    void anIndexOfThisSchemaWithAnOlderMappingIsRebuiltEmpty() throws IOException {
        // Written before the mapping had a version: its strict mapping lacks embedding_key, so
        // every chunk sent now would be refused.
        var index = open(existing()
                .state("{\"schema\": \"s1\", \"fingerprints\": {\"c1\": \"abc\"}}")
                .answer("DELETE /passages,passages-meta", 200, "{\"acknowledged\": true}")
                .answer("PUT /passages", 200, ACKNOWLEDGED)
                .answer("PUT /passages-meta", 200, ACKNOWLEDGED.replace("passages", "passages-meta")));

        assertThat(index.fingerprints()).as("every course will be reindexed").isEmpty();
        assertThat(cluster.lines()).contains("DELETE /passages,passages-meta", "PUT /passages");
        assertThat(cluster.state()).contains("\"mapping\":2");
    }

    @Test
    void aMetadataIndexWithoutItsDocumentIsRebuiltEmpty() throws IOException {
        var index = open(new FakeCluster("passages")
                .answer("HEAD /passages-meta", 200, "")
                .answer("HEAD /passages", 200, "")
                .answer("DELETE /passages,passages-meta", 200, "{\"acknowledged\": true}")
                .answer("PUT /passages", 200, ACKNOWLEDGED)
                .answer("PUT /passages-meta", 200, ACKNOWLEDGED.replace("passages", "passages-meta")));

        assertThat(index.fingerprints()).isEmpty();
        assertThat(cluster.lines())
                .startsWith("HEAD /passages-meta", "GET /passages-meta/_doc/state", "HEAD /passages")
                .contains("DELETE /passages,passages-meta");
    }

    @Test
    void anIndexOfThisSchemaIsKeptWithItsFingerprints() throws IOException {
        var index = open(existing());

        assertThat(index.fingerprints()).isEqualTo(Map.of("c1", "abc"));
        assertThat(cluster.lines()).doesNotContain("DELETE /passages,passages-meta");
    }

    @Test
    void aReplacementDeletesThenIndexesAndTheCommitRefreshesThenRecordsTheFingerprints() throws IOException {
        var index = open(existing()
                .answer("POST /passages/_delete_by_query", 200, """
                        {"took": 1, "timed_out": false, "total": 1, "deleted": 1, "batches": 1,
                         "version_conflicts": 0, "noops": 0, "retries": {"bulk": 0, "search": 0},
                         "throttled_millis": 0, "requests_per_second": -1.0, "throttled_until_millis": 0,
                         "failures": []}
                        """)
                .answer("POST /passages/_bulk", 200, """
                        {"took": 3, "errors": false, "items": [
                          {"index": {"_index": "passages", "_id": "a", "_version": 1, "result": "created",
                            "status": 201, %s, "_seq_no": 0, "_primary_term": 1}}]}
                        """.formatted(SHARDS))
                .answer("POST /passages/_refresh", 200, "{" + SHARDS + "}"));
        index.fingerprints();
        cluster.forget();

        var chainRule = chunk("a", "chain rule");
        index.replaceCourse(course, List.of(chainRule));
        index.replaceSource(UUID.randomUUID(), List.of(chunk("b", "product rule")));
        index.commit(Map.of(course.value().toString(), "def"));

        assertThat(cluster.lines())
                .containsExactly(
                        "POST /passages/_delete_by_query",
                        "POST /passages/_bulk",
                        // what was just written must be searchable for the next delete to see it
                        "POST /passages/_refresh",
                        "POST /passages/_delete_by_query",
                        "POST /passages/_bulk",
                        "POST /passages/_refresh",
                        "GET /passages-meta/_doc/state",
                        "PUT /passages-meta/_doc/state");
        var requests = cluster.requests();
        assertThat(requests.getFirst().body())
                .isEqualTo("{\"query\":{\"term\":{\"course_id\":{\"value\":\"" + course.value() + "\"}}}}");
        assertThat(requests.get(1).body())
                .startsWith("{\"index\":{\"_id\":\"a\",\"_index\":\"passages\"}}\n{\"id\":\"a\",\"kind\":\"LESSON\"")
                .contains("\"body_en\":\"chain rule\"", "\"vector\":[1.0,0.0,0.0,0.0]")
                .contains("\"embedding_key\":\"" + chainRule.embeddingKey() + "\"");
        assertThat(cluster.state())
                .as("the fingerprints of the commit are added to those already there")
                .contains("\"schema\":\"s1\"", "\"c1\":\"abc\"", "\"" + course.value() + "\":\"def\"");
    }

    @Test
    void hitsComeBackBestFirstAndTheirChunksAreFetchedByIdAfterwards() throws IOException {
        var first = UUID.randomUUID();
        var index = open(existing().answer("POST /passages/_search", 200, """
                        {"took": 2, "timed_out": false, %s,
                         "hits": {"total": {"value": 2, "relation": "eq"}, "max_score": 2.5, "hits": [
                           {"_index": "passages", "_id": "LESSON:%s#0", "_score": 2.5, "_source": {
                             "id": "LESSON:%s#0", "kind": "LESSON", "source_id": "%s", "source_key": "chain-rule",
                             "course_id": "%s", "course_key": "calculus", "skill_id": [], "language": "en",
                             "class_id": "public", "title": "Chain rule", "text": "$f(g(x))$"}},
                           {"_index": "passages", "_id": "HINT:x#1", "_score": 1.25, "_source": {
                             "id": "HINT:x#1", "kind": "HINT", "source_id": "%s", "source_key": "item-7",
                             "course_id": "%s", "course_key": "calculus",
                             "skill_id": ["00000000-0000-0000-0000-000000005c11"], "language": "fr",
                             "class_id": "00000000-0000-0000-0000-0000000c1a55", "title": "Indice", "text": "..."}}]}}
                        """.formatted(
                        SHARDS, first, first, first, course.value(), UUID.randomUUID(), course.value())));
        var query = new PassageQuery(
                "chain rule",
                Optional.of(course),
                Set.of(),
                Optional.empty(),
                Optional.empty(),
                Set.of(),
                true,
                5,
                PassageQuery.Retriever.HYBRID);

        var hits = index.keyword(query, "chain rule", 5);

        assertThat(hits).extracting(h -> h.score()).containsExactly(2.5f, 1.25f);
        assertThat(hits).extracting(Hit::chunkId).containsExactly("LESSON:" + first + "#0", "HINT:x#1");
        assertThat(hits.getFirst().sourceId()).isEqualTo(first);
        assertThat(hits.get(1).kind()).isEqualTo(PassageKind.HINT);
        assertThat(cluster.requests().getLast().body())
                .as("a search brings back which chunks it found, not their texts")
                .contains(
                        "\"size\":5",
                        "\"_source\":{\"includes\":[\"id\",\"kind\",\"source_id\"]}",
                        "\"match\":{\"body_en\"");

        var chunks = index.chunks(List.of("HINT:x#1", "LESSON:" + first + "#0"));
        assertThat(cluster.requests().getLast().body())
                .contains("\"terms\":{\"id\":[\"HINT:x#1\",\"LESSON:" + first + "#0\"]}", "\"size\":2", "\"text\"");
        var lesson = chunks.get("LESSON:" + first + "#0");
        assertThat(lesson.sourceId()).isEqualTo(first);
        assertThat(lesson.classId()).isEmpty();
        assertThat(lesson.text()).isEqualTo("$f(g(x))$");
        assertThat(chunks.get("HINT:x#1").classId()).isPresent();
        assertThat(chunks.get("HINT:x#1").skillIds()).hasSize(1);

        index.nearest(query, new float[] {1, 0, 0, 0}, 5);
        assertThat(cluster.requests().getLast().body())
                .contains("\"knn\":{\"vector\":{\"filter\":", "\"k\":5", "\"vector\":[1.0,0.0,0.0,0.0]");
        assertThat(index.keyword(query, "  ", 5)).as("no words, no request").isEmpty();
    }

    @Test
    void aRefusedChunkIsAnErrorWithOpenSearchsReason() throws IOException {
        var index = open(existing()
                .answer("POST /passages/_delete_by_query", 200, "{\"took\": 1, \"deleted\": 0, \"failures\": []}")
                .answer("POST /passages/_bulk", 200, """
                        {"took": 3, "errors": true, "items": [
                          {"index": {"_index": "passages", "_id": "a", "status": 400, "error": {
                            "type": "mapper_parsing_exception", "reason": "failed to parse field [vector]"}}}]}
                        """));

        assertThatThrownBy(() -> index.replaceCourse(course, List.of(chunk("a", "x"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refused 1 of 1 chunks")
                .hasMessageContaining("failed to parse field [vector]");
    }

    @Test
    void aRefusedRequestIsAnErrorWithOpenSearchsReason() throws IOException {
        var index = open(existing().answer("POST /passages/_search", 400, """
                        {"error": {"type": "query_shard_exception", "reason": "failed to create query",
                          "root_cause": [{"type": "query_shard_exception", "reason": "failed to create query"}]},
                         "status": 400}
                        """));

        assertThatThrownBy(() -> index.keyword(PassageQuery.of("x", 3), "x", 3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot search the index: OpenSearch at " + cluster.url())
                .hasMessageContaining("failed to create query");
    }
}
