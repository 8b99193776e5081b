package org.studyloop.tutor;

import java.util.UUID;

/** The id of a tutor conversation. */
public record ConversationId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
