package org.studyloop.search.index;

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
        float[] vector) {

    public Chunk {
        skillIds = List.copyOf(skillIds);
    }

    public Chunk withVector(float[] embedding) {
        return new Chunk(
                id, kind, sourceId, sourceKey, courseId, courseKey, skillIds, language, classId, title, text, indexed,
                embedding);
    }
}
