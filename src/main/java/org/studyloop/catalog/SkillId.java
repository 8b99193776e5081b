package org.studyloop.catalog;

import java.util.UUID;

/** The id of a skill: a UUID version 5 derived from the course key and its own key (docs/content-packs.md). */
public record SkillId(UUID value) {

    public static SkillId of(String value) {
        return new SkillId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
