package org.studyloop.catalog;

import java.util.UUID;

/** The id of a item: a UUID version 5 derived from the course key and its own key (docs/content-packs.md). */
public record ItemId(UUID value) {

    public static ItemId of(String value) {
        return new ItemId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
