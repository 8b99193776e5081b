package org.studyloop.catalog;

import java.util.UUID;

/** The id of a course: a UUID version 5 derived from the course key (docs/content-packs.md). */
public record CourseId(UUID value) {

    public static CourseId of(String value) {
        return new CourseId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
