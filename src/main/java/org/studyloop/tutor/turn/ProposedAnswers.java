package org.studyloop.tutor.turn;

import java.util.List;
import java.util.Optional;
import org.studyloop.catalog.Grading;
import org.studyloop.catalog.ItemSnapshot;
import org.studyloop.catalog.ItemType;
import org.studyloop.catalog.Response;
import org.studyloop.catalog.Verdict;

/**
 * A student's proposed answer ("is it b?", "I got 1/2") read as practice would receive it, so that
 * "check my answer" grades exactly as the item will: a choice by its id or its text, several ids for
 * a multiple choice ("a and c"), LaTeX made plain for numbers and expressions.
 */
public final class ProposedAnswers {

    private ProposedAnswers() {}

    /** A proposed answer as the item's type reads it: "a and c" is two ids for a multiple choice. */
    public static Response response(ItemSnapshot item, String proposed) {
        var text = proposed.strip()
                .replaceAll("^(?i)(option|choice|answer)\\s+", "")
                .replaceAll("^\\((.+)\\)$", "$1");
        if (item.type().hasChoices()) {
            var ids = item.choices().stream().map(ItemSnapshot.Choice::id).toList();
            var byText = item.choices().stream()
                    .filter(c -> MathText.normalise(MathText.plain(c.text()))
                            .equals(MathText.normalise(MathText.plain(text))))
                    .map(ItemSnapshot.Choice::id)
                    .findFirst();
            if (byText.isPresent()) {
                return Response.text(byText.get());
            }
            var parts = List.of(text.split("\\s*(?:,|\\band\\b|\\bet\\b|\\by\\b|\\bund\\b|&|\\s)\\s*"));
            var picked = parts.stream()
                    .map(String::strip)
                    .filter(p -> !p.isEmpty())
                    .map(p ->
                            ids.stream().filter(p::equalsIgnoreCase).findFirst().orElse(p))
                    .toList();
            return item.type() == ItemType.SINGLE_CHOICE && picked.size() == 1
                    ? Response.text(picked.getFirst())
                    : Response.ids(picked);
        }
        return Response.text(MathText.plain(text).strip());
    }

    public static Optional<String> feedback(ItemSnapshot item, String proposed) {
        return feedback(item, response(item, proposed));
    }

    public static Optional<String> feedback(ItemSnapshot item, Response response) {
        try {
            return Optional.ofNullable(Grading.grade(item, response).feedback())
                    .filter(f -> !f.equals(Verdict.UNREADABLE_FEEDBACK));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
