package org.studyloop.catalog;

import java.util.List;

/**
 * A version of an item was published: imported, published by an author, or edited after
 * publication (which makes a new version). Ids only: events are stored in the publication registry.
 */
public record ItemPublished(ItemId itemId, int version, List<SkillId> skillIds) {

    public ItemPublished {
        skillIds = List.copyOf(skillIds);
    }
}
