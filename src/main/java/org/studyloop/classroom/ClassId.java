package org.studyloop.classroom;

import java.util.UUID;

/** The id of a class: a UUID (version 7, time-ordered, RFC 9562 §5.7). */
public record ClassId(UUID value) {

    public static ClassId of(String value) {
        return new ClassId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
