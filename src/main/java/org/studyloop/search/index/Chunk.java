package org.studyloop.search.index;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.SkillId;
import org.studyloop.classroom.ClassId;
import org.studyloop.search.PassageKind;

/**
 * One indexed passage.
 *
 * @param id unique in the index: kind, source and position
 * @param text the passage as displayed (LaTeX verbatim)
 * @param indexed what BM25 reads: title, heading, text, and the maths spelled out
 * @param embedded what the embedding model reads: the indexed text without an item chunk's title,
 *     which repeats the first line of the question the chunk starts with
 * @param vector the passage's unit-length embedding
 */
public record Chunk(
        String id,
        PassageKind kind,
        UUID sourceId,
        String sourceKey,
        CourseId courseId,
        String courseKey,
        List<SkillId> skillIds,
        String language,
        Optional<ClassId> classId,
        String title,
        String text,
        String indexed,
        String embedded,
        float[] vector) {

    public Chunk {
        skillIds = List.copyOf(skillIds);
    }

    /**
     * A digest of what the embedding model reads: a passage whose indexed text is unchanged keeps
     * the vector the index holds (another model is another index schema, rebuilt from scratch).
     */
    public String embeddingKey() {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(embedded.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    public Chunk withVector(float[] embedding) {
        return new Chunk(
                id, kind, sourceId, sourceKey, courseId, courseKey, skillIds, language, classId, title, text, indexed,
                embedded, embedding);
    }
}
