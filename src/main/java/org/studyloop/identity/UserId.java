package org.studyloop.identity;

import java.util.UUID;

/** The id of an account: a UUID (version 7, time-ordered, RFC 9562 §5.7). */
public record UserId(UUID value) {

    public static UserId of(String value) {
        return new UserId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
