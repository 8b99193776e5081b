package org.studyloop.tutor.turn;

import java.util.List;
import java.util.UUID;
import org.studyloop.catalog.ItemSnapshot;

/** An item offered by a question set, as the student sees it: no key, no hints, no solution. */
public record QuizItem(UUID itemId, String type, String stem, List<Choice> choices, List<UUID> skillIds) {

    public QuizItem {
        choices = List.copyOf(choices);
        skillIds = List.copyOf(skillIds);
    }

    public record Choice(String id, String text) {}

    public static QuizItem of(ItemSnapshot item) {
        return new QuizItem(
                item.itemId().value(),
                item.type().name(),
                item.stem(),
                item.type().hasChoices()
                        ? item.choices().stream()
                                .map(c -> new QuizItem.Choice(c.id(), c.text()))
                                .toList()
                        : List.of(),
                item.skillIds().stream().map(s -> s.value()).toList());
    }
}
