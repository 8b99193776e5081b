package org.studyloop.tutor.turn;

import java.util.List;
import java.util.UUID;

/** An item offered by a question set, as the student sees it: no key, no hints, no solution. */
public record QuizItem(UUID itemId, String type, String stem, List<Choice> choices, List<UUID> skillIds) {

    public QuizItem {
        choices = List.copyOf(choices);
        skillIds = List.copyOf(skillIds);
    }

    public record Choice(String id, String text) {}
}
