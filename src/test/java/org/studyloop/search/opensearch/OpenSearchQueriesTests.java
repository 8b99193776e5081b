package org.studyloop.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.json.JSONException;
import org.junit.jupiter.api.Test;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.SkillId;
import org.studyloop.classroom.ClassId;
import org.studyloop.search.PassageKind;
import org.studyloop.search.PassageQuery;
import org.studyloop.search.index.Chunk;

/**
 * What the OpenSearch adapter sends, pinned without a cluster: the mapping, and the filters of a
 * query, which must mean what the Lucene index's do (LuceneDocuments.filter). The same
 * scenario against a live cluster is OpenSearchIndexTests, run only when a URL is given.
 */
class OpenSearchQueriesTests {

    private final CourseId course = new CourseId(UUID.fromString("00000000-0000-0000-0000-00000000c001"));
    private final ClassId aClass = new ClassId(UUID.fromString("00000000-0000-0000-0000-0000000c1a55"));
    private final SkillId skill = new SkillId(UUID.fromString("00000000-0000-0000-0000-000000005c11"));

    private static PassageQuery query(
            Optional<CourseId> course,
            Set<PassageKind> kinds,
            Optional<SkillId> skill,
            Optional<String> language,
            Set<ClassId> classes,
            boolean allClasses) {
        return new PassageQuery(
                "q", course, kinds, skill, language, classes, allClasses, 10, PassageQuery.Retriever.HYBRID);
    }

    private static void assertJson(String expected, String actual) {
        try {
            JSONAssert.assertEquals(expected, actual, JSONCompareMode.STRICT);
        } catch (JSONException e) {
            throw new AssertionError("not JSON: " + actual, e);
        }
    }

    private static String json(List<Query> queries) {
        return "[" + String.join(",", queries.stream().map(Query::toJsonString).toList()) + "]";
    }

    @Test
    void theMappingMirrorsTheLuceneFields() {
        assertJson("""
                {"dynamic": "strict", "properties": {
                  "id": {"type": "keyword"}, "kind": {"type": "keyword"}, "source_id": {"type": "keyword"},
                  "course_id": {"type": "keyword"}, "skill_id": {"type": "keyword"},
                  "language": {"type": "keyword"}, "class_id": {"type": "keyword"},
                  "embedding_key": {"type": "keyword"},
                  "source_key": {"type": "text", "index": false}, "course_key": {"type": "text", "index": false},
                  "title": {"type": "text", "index": false}, "text": {"type": "text", "index": false},
                  "title_en": {"type": "text", "analyzer": "english"}, "body_en": {"type": "text", "analyzer": "english"},
                  "title_es": {"type": "text", "analyzer": "spanish"}, "body_es": {"type": "text", "analyzer": "spanish"},
                  "title_fr": {"type": "text", "analyzer": "french"}, "body_fr": {"type": "text", "analyzer": "french"},
                  "vector": {"type": "knn_vector", "dimension": 384, "method": {
                    "name": "hnsw", "engine": "faiss", "space_type": "innerproduct",
                    "parameters": {"m": 16, "ef_construction": 100}}}}}
                """, PassageMapping.mapping(384).toJsonString());
        assertJson("""
                {"index": {"knn": true, "refresh_interval": "-1"}}
                """, PassageMapping.settings().toJsonString());
    }

    @Test
    void aQueryWithNoFilterSeesOnlyPublicPassages() {
        assertJson("""
                [{"terms": {"class_id": ["public"]}}]
                """, json(PassageQueries.filters(PassageQuery.of("q", 5))));
    }

    @Test
    void everyFilterOfTheQueryIsApplied() {
        var filters = PassageQueries.filters(query(
                Optional.of(course),
                Set.of(PassageKind.SOLUTION, PassageKind.HINT),
                Optional.of(skill),
                Optional.of("fr"),
                Set.of(aClass),
                false));
        assertJson("""
                [{"term": {"course_id": {"value": "00000000-0000-0000-0000-00000000c001"}}},
                 {"terms": {"kind": ["HINT", "SOLUTION"]}},
                 {"term": {"skill_id": {"value": "00000000-0000-0000-0000-000000005c11"}}},
                 {"term": {"language": {"value": "fr"}}},
                 {"terms": {"class_id": ["00000000-0000-0000-0000-0000000c1a55", "public"]}}]
                """, json(filters));
    }

    @Test
    void whoMaySeeEveryClassIsNotFilteredByClass() {
        var all = query(Optional.of(course), Set.of(), Optional.empty(), Optional.empty(), Set.of(aClass), true);
        assertJson("""
                [{"term": {"course_id": {"value": "00000000-0000-0000-0000-00000000c001"}}}]
                """, json(PassageQueries.filters(all)));
        var nothing = query(Optional.empty(), Set.of(), Optional.empty(), Optional.empty(), Set.of(), true);
        assertThat(PassageQueries.filters(nothing)).isEmpty();
        assertJson(
                """
                {"knn": {"vector": {"vector": [0.5, 0.25], "k": 3}}}
                """,
                PassageQueries.nearestQuery(nothing, new float[] {0.5f, 0.25f}, 3)
                        .toJsonString());
    }

    @Test
    void keywordsMustMatchWithinTheFilters() {
        var q = query(Optional.of(course), Set.of(), Optional.empty(), Optional.empty(), Set.of(), false);
        // The words are a must of their own: beside filters, bare should clauses would be optional.
        assertJson("""
                {"bool": {
                  "must": [{"bool": {"should": [
                    {"match": {"body_en": {"query": "chain rule"}}},
                    {"match": {"title_en": {"query": "chain rule", "boost": 1.5}}},
                    {"match": {"body_es": {"query": "chain rule"}}},
                    {"match": {"title_es": {"query": "chain rule", "boost": 1.5}}},
                    {"match": {"body_fr": {"query": "chain rule"}}},
                    {"match": {"title_fr": {"query": "chain rule", "boost": 1.5}}}]}}],
                  "filter": [
                    {"term": {"course_id": {"value": "00000000-0000-0000-0000-00000000c001"}}},
                    {"terms": {"class_id": ["public"]}}]}}
                """, PassageQueries.keywordQuery(q, "chain rule").toJsonString());
    }

    @Test
    void nearestNeighboursAreFilteredDuringTheSearch() {
        var q = query(
                Optional.of(course), Set.of(PassageKind.LESSON), Optional.empty(), Optional.empty(), Set.of(), false);
        assertJson("""
                {"knn": {"vector": {"vector": [1.0, 0.0], "k": 7, "filter": {"bool": {"filter": [
                  {"term": {"course_id": {"value": "00000000-0000-0000-0000-00000000c001"}}},
                  {"terms": {"kind": ["LESSON"]}},
                  {"terms": {"class_id": ["public"]}}]}}}}}
                """, PassageQueries.nearestQuery(q, new float[] {1, 0}, 7).toJsonString());
    }

    @Test
    void aChunkComesBackAsItWasIndexedLessWhatItsRetrieversRead() throws IOException {
        var objects = new JacksonJsonpMapper().objectMapper();
        for (var classId : List.of(Optional.<ClassId>empty(), Optional.of(aClass))) {
            var chunk = new Chunk(
                    "ITEM:x#0",
                    PassageKind.ITEM,
                    UUID.randomUUID(),
                    "item-key",
                    course,
                    "course-key",
                    List.of(skill, new SkillId(UUID.randomUUID())),
                    "de",
                    classId,
                    "Title",
                    "Text $x^2$",
                    "Text x squared",
                    "Text x squared",
                    new float[] {0.6f, 0.8f});
            var document = PassageDocuments.document(chunk);
            assertThat(document)
                    .as("a language without its analyser is indexed as English, as in Lucene")
                    .containsEntry("body_en", "Text x squared")
                    .containsEntry("title_en", "Title")
                    .containsEntry("language", "de")
                    .containsEntry("embedding_key", chunk.embeddingKey());
            var json = objects.writeValueAsString(document);
            var back = PassageDocuments.chunk(objects.readValue(json, PassageDocuments.Stored.class));
            assertThat(back)
                    .usingRecursiveComparison()
                    .ignoringFields("indexed", "embedded", "vector")
                    .isEqualTo(chunk);
            assertThat(back.vector()).isEmpty();
        }
    }

    @Test
    void credentialsAreLeftOutOfMessages() {
        assertThat(Cluster.withoutCredentials(URI.create("https://admin:s3cret@search.example.org:9200/os")))
                .isEqualTo("https://search.example.org:9200/os");
        assertThat(Cluster.withoutCredentials(URI.create("http://localhost:9200")))
                .isEqualTo("http://localhost:9200");
    }

    @Test
    void anUnreachableClusterIsAClearError() throws IOException {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (var index = OpenSearchIndex.connect("http://127.0.0.1:" + port, "passages", "s1", 4)) {
            assertThatThrownBy(index::size)
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("OpenSearch at http://127.0.0.1:" + port)
                    .hasMessageContaining("index passages")
                    .hasMessageContaining("did not answer");
        }
    }
}
