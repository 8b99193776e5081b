package org.studyloop.catalog;

/** A course was imported or changed by an import; listeners re-read it through {@link Catalog}. */
public record CoursePublished(CourseId courseId) {}
