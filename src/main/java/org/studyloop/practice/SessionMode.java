package org.studyloop.practice;

/** The kinds of practice session of API.md. */
public enum SessionMode {
    /** A course, unit or set of skills; the learner model picks each next item until the student stops. */
    ADAPTIVE,
    /** A fixed set of items, chosen by the student's scope or assigned by a teacher. */
    QUIZ,
    /** A timed mock exam following a blueprint: no hints, tutor or feedback until it ends. */
    EXAM,
    /** What the learner model says is due for review. */
    REVIEW;

    /** Whether feedback, solutions, hints and the tutor wait until the session ends. */
    public boolean isExam() {
        return this == EXAM;
    }
}
