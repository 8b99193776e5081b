package org.studyloop.tutor.turn;

import java.util.UUID;

/** A text a reply may quote and cite: a lesson passage, or an item's stem or worked solution. */
public record Source(String kind, UUID id, String title, String text) {

    public Citation citation() {
        return new Citation(kind, id, title);
    }
}
