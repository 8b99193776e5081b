package org.studyloop.catalog;

import org.jspecify.annotations.Nullable;

/**
 * How a response to an item was graded.
 *
 * @param score the credit earned, from 0 to 1
 * @param feedback what to tell the student (a misconception's or a choice's feedback), if anything
 */
public record Verdict(
        Outcome outcome, double score, @Nullable String feedback) {

    public static final String UNREADABLE_FEEDBACK = "Could not read your answer.";

    public enum Outcome {
        CORRECT,
        /** Some credit: multiple choice or ordering partly right. */
        PARTIAL,
        INCORRECT,
        /** "Could not read your answer": no credit and no penalty, the student may try again. */
        UNREADABLE,
        /** An essay, left for the writing module to score. */
        PENDING
    }

    public Verdict {
        if (score < 0 || score > 1) {
            throw new IllegalArgumentException("score " + score + " is not in [0, 1]");
        }
    }

    public boolean correct() {
        return outcome == Outcome.CORRECT;
    }

    static Verdict correctAnswer() {
        return new Verdict(Outcome.CORRECT, 1, null);
    }

    static Verdict incorrect(@Nullable String feedback) {
        return new Verdict(Outcome.INCORRECT, 0, feedback);
    }

    static Verdict unreadable() {
        return new Verdict(Outcome.UNREADABLE, 0, UNREADABLE_FEEDBACK);
    }

    /** CORRECT at 1, INCORRECT at 0, PARTIAL between. */
    static Verdict scored(double score, @Nullable String feedback) {
        if (score >= 1) {
            return new Verdict(Outcome.CORRECT, 1, feedback);
        }
        return score <= 0 ? incorrect(feedback) : new Verdict(Outcome.PARTIAL, score, feedback);
    }
}
