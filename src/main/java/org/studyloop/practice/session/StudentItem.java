package org.studyloop.practice.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.studyloop.catalog.ItemSnapshot;
import org.studyloop.catalog.SkillId;

/**
 * API.md's student view of an item: never its key, hints, solution or feedback.
 *
 * @param hints how many hints its ladder holds
 */
public record StudentItem(
        UUID itemId,
        String type,
        String stem,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<Choice> choices,
        List<UUID> skillIds,
        int hints) {

    public record Choice(String id, String text) {}

    static StudentItem of(ItemSnapshot item) {
        return new StudentItem(
                item.itemId().value(),
                item.type().name(),
                item.stem(),
                item.type().hasChoices()
                        ? item.choices().stream()
                                .map(c -> new Choice(c.id(), c.text()))
                                .toList()
                        : null,
                item.skillIds().stream().map(SkillId::value).toList(),
                item.hints().size());
    }
}
