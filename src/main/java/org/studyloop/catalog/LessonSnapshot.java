package org.studyloop.catalog;

import java.util.UUID;

/**
 * A lesson as other modules read it (search indexes it, the tutor cites it).
 *
 * @param body Markdown with LaTeX between dollar signs
 * @param language the course's language (ISO 639-1)
 */
public record LessonSnapshot(
        UUID lessonId,
        CourseId courseId,
        String courseKey,
        String key,
        SkillId skillId,
        String title,
        String body,
        String language) {}
