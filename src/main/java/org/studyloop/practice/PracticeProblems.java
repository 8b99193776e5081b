package org.studyloop.practice;

import org.springframework.http.HttpStatus;
import org.studyloop.shared.ProblemType;

/** The problem types of practice; clients branch on their URIs. */
public final class PracticeProblems {

    public static final ProblemType SESSION_FINISHED =
            new ProblemType("session-finished", HttpStatus.CONFLICT, "The session has ended");
    public static final ProblemType TIME_UP = new ProblemType("time-up", HttpStatus.CONFLICT, "The exam's time is up");
    public static final ProblemType NOT_DURING_EXAM = new ProblemType(
            "not-during-exam", HttpStatus.CONFLICT, "Hints, solutions and the tutor wait until the exam ends");
    public static final ProblemType NOT_THE_CURRENT_ITEM =
            new ProblemType("not-the-current-item", HttpStatus.CONFLICT, "This item is not open in the session");
    public static final ProblemType NO_MORE_HINTS =
            new ProblemType("no-more-hints", HttpStatus.CONFLICT, "Every hint of this item is shown");
    public static final ProblemType IDEMPOTENCY_KEY_REUSED = new ProblemType(
            "idempotency-key-reused",
            HttpStatus.UNPROCESSABLE_CONTENT,
            "This idempotency key was used for a different request");
    public static final ProblemType NOTHING_TO_PRACTISE =
            new ProblemType("nothing-to-practise", HttpStatus.UNPROCESSABLE_CONTENT, "There is nothing to practise");

    private PracticeProblems() {}
}
