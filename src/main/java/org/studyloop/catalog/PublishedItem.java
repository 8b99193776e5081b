package org.studyloop.catalog;

import java.util.Optional;
import org.studyloop.classroom.ClassId;

/**
 * A published item with where it comes from: its course, its key in the course's pack, and the
 * class it is private to, if any — what an index needs to filter by course and visibility.
 */
public record PublishedItem(
        ItemSnapshot item, CourseId courseId, String courseKey, String key, Optional<ClassId> classId) {}
