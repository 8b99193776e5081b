package org.studyloop.search.opensearch;

import static org.studyloop.search.opensearch.PassageMapping.EMBEDDING_KEY;
import static org.studyloop.search.opensearch.PassageMapping.VECTOR;
import static org.studyloop.search.opensearch.PassageMapping.body;
import static org.studyloop.search.opensearch.PassageMapping.title;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opensearch.client.opensearch.core.search.SourceConfig;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.SkillId;
import org.studyloop.classroom.ClassId;
import org.studyloop.search.PassageKind;
import org.studyloop.search.index.Chunk;
import org.studyloop.search.text.Analyzers;

/** A chunk as an OpenSearch document, and back: the Lucene index's fields under the same names. */
final class PassageDocuments {

    /** The class of public passages: the same marker as the Lucene index's. */
    static final String PUBLIC = "public";

    /** What a hit brings back: the stored fields, not the analysed copies, key or vector. */
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

    private PassageDocuments() {}

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
        document.put(VECTOR, chunk.vector());
        document.put(EMBEDDING_KEY, chunk.embeddingKey());
        return document;
    }

    /** The source filter of a search's hit: the fields of {@link Identity}. */
    static SourceConfig identity() {
        return SourceConfig.of(s -> s.filter(f -> f.includes("id", "kind", "source_id")));
    }

    /** Which chunk a search found, and of which source. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Identity(
            @JsonProperty("id") String id,
            @JsonProperty("kind") String kind,
            @JsonProperty("source_id") String sourceId) {}

    /** The source filter of a hit read as a chunk: the fields of {@link Stored}. */
    static SourceConfig stored() {
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

    /** The source filter of a hit read as an {@link Embedding}. */
    static SourceConfig embedding() {
        return SourceConfig.of(s -> s.filter(f -> f.includes(EMBEDDING_KEY, VECTOR)));
    }

    /**
     * A hit's embedding key and vector, as indexed. Either may be missing from a document written
     * otherwise than by {@link #document}; such a hit is passed over.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Embedding(
            @JsonProperty(EMBEDDING_KEY) @Nullable String key,
            @JsonProperty(VECTOR) float @Nullable [] vector) {}
}
