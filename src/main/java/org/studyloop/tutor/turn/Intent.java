package org.studyloop.tutor.turn;

/** What a student's message asks for (issue 8, "diagnose"). */
public enum Intent {
    /** A concept explained, grounded in the course's lessons. */
    EXPLAIN,
    /** The next rung of the item's hint ladder. */
    HINT,
    /** The answer itself, openly or in disguise: answered with the next rung until the ladder ends. */
    ANSWER,
    /** "Check my answer": the proposed answer graded, right or wrong said, the key never shown. */
    CHECK,
    /** "Give me 5 SAT-style questions on functions": items startable as a QUIZ. */
    PRACTICE_SET,
    /** "Why is my essay weak?": writing guidance from the writing course's lessons. */
    ESSAY
}
