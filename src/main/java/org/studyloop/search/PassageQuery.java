package org.studyloop.search;

import java.util.Optional;
import java.util.Set;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.SkillId;
import org.studyloop.classroom.ClassId;

/**
 * A retrieval request.
 *
 * @param kinds the kinds wanted; all when empty
 * @param classes the classes whose private items may be returned; ignored when {@code allClasses}
 * @param allClasses whether every class's private items may be returned (authors, administrators)
 */
public record PassageQuery(
        String text,
        Optional<CourseId> courseId,
        Set<PassageKind> kinds,
        Optional<SkillId> skillId,
        Optional<String> language,
        Set<ClassId> classes,
        boolean allClasses,
        int limit,
        Retriever retriever) {

    public PassageQuery {
        kinds = Set.copyOf(kinds);
        classes = Set.copyOf(classes);
        if (limit < 1) {
            throw new IllegalArgumentException("limit " + limit + " < 1");
        }
    }

    /** Which ranking to use: both fused (the default), or one alone (for evaluation). */
    public enum Retriever {
        HYBRID,
        BM25,
        VECTOR
    }

    /** Public content only, every kind, fused. */
    public static PassageQuery of(String text, int limit) {
        return new PassageQuery(
                text,
                Optional.empty(),
                Set.of(),
                Optional.empty(),
                Optional.empty(),
                Set.of(),
                false,
                limit,
                Retriever.HYBRID);
    }

    public PassageQuery with(Retriever other) {
        return new PassageQuery(text, courseId, kinds, skillId, language, classes, allClasses, limit, other);
    }
}
