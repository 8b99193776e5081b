package org.studyloop.catalog;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a right answer is, one shape per item type; {@link Grading} grades a response against it. {@link
 * #json()} gives the key as API.md's authoring view shows it.
 */
public sealed interface AnswerKey {

    /** The key as the authoring view shows it: a choice id, choice ids, a number, an expression or texts. */
    @Nullable
    Object json();

    /** SINGLE_CHOICE (one id), MULTIPLE_CHOICE (every right id) and ORDERING (the right order). */
    record Choices(List<String> choiceIds) implements AnswerKey {
        public Choices {
            choiceIds = List.copyOf(choiceIds);
        }

        @Override
        public Object json() {
            return choiceIds.size() == 1 ? choiceIds.getFirst() : choiceIds;
        }
    }

    /** NUMERIC: exact unless a tolerance is given (absolute or relative), with an optional unit. */
    record Numeric(
            BigDecimal value,
            @Nullable BigDecimal absolute,
            @Nullable BigDecimal relative,
            @Nullable String unit) implements AnswerKey {
        @Override
        public Object json() {
            return value;
        }
    }

    /** EXPRESSION: the canonical expression in EvalEx syntax and its variables. */
    record Expression(String expression, List<String> variables) implements AnswerKey {
        public Expression {
            variables = List.copyOf(variables);
        }

        @Override
        public Object json() {
            return expression;
        }
    }

    /** SHORT_TEXT: accepted answers, compared after normalising spaces, accents and (by default) case. */
    record Texts(
            List<String> accepted,
            boolean caseSensitive,
            @Nullable String pattern) implements AnswerKey {
        public Texts {
            accepted = List.copyOf(accepted);
        }

        @Override
        public Object json() {
            return accepted;
        }
    }

    /** ESSAY: scored against a rubric, not a key. */
    record Essay(@Nullable Integer minWords, List<Criterion> rubric) implements AnswerKey {
        public Essay {
            rubric = List.copyOf(rubric);
        }

        @Override
        public Object json() {
            return rubric;
        }
    }

    record Criterion(String criterion, String description, int maxScore) {}

    /** A template has no key of its own; each instance has one. */
    record None() implements AnswerKey {
        @Override
        public @Nullable Object json() {
            return null;
        }
    }
}
