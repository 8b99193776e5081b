package org.studyloop.tutor.turn;

import java.util.List;
import java.util.Optional;
import org.studyloop.ai.Engine;

/**
 * The tutor's answer to one message.
 *
 * @param hintLevel the highest rung of the item's hint ladder shown in the conversation, 0 for none
 * @param hintsAvailable the length of the item's ladder, 0 without an item
 * @param solutionShown whether this reply shows the item's worked solution
 * @param guarded whether the answer-leak guard replaced a reply that gave the answer away
 * @param checked for a check, the verdict's outcome ({@code CORRECT}, {@code INCORRECT}, ...)
 * @param items for a question set, the items offered
 * @param quizItemIds for a question set, the ids to start a QUIZ with
 */
public record Reply(
        String text,
        List<Citation> citations,
        Intent intent,
        Engine engine,
        int hintLevel,
        int hintsAvailable,
        boolean solutionShown,
        boolean guarded,
        Optional<String> checked,
        List<QuizItem> items,
        List<java.util.UUID> quizItemIds) {

    public Reply {
        citations = List.copyOf(citations);
        items = List.copyOf(items);
        quizItemIds = List.copyOf(quizItemIds);
    }

    public Reply withText(String other, Engine by) {
        return new Reply(
                other,
                citations,
                intent,
                by,
                hintLevel,
                hintsAvailable,
                solutionShown,
                guarded,
                checked,
                items,
                quizItemIds);
    }

    public Reply withCitations(List<Citation> other) {
        return new Reply(
                text,
                other,
                intent,
                engine,
                hintLevel,
                hintsAvailable,
                solutionShown,
                guarded,
                checked,
                items,
                quizItemIds);
    }

    public Reply withChecked(String outcome) {
        return new Reply(
                text,
                citations,
                intent,
                engine,
                hintLevel,
                hintsAvailable,
                solutionShown,
                guarded,
                Optional.of(outcome),
                items,
                quizItemIds);
    }

    public Reply guardedBy(String hint) {
        return new Reply(
                hint,
                List.of(),
                intent,
                Engine.FALLBACK,
                hintLevel,
                hintsAvailable,
                false,
                true,
                checked,
                items,
                quizItemIds);
    }
}
