package org.studyloop.mastery.fsrs;

import java.time.Duration;

/**
 * The four grades of FSRS, numbered as the algorithm uses them (Again 1 … Easy 4). A learner never
 * grades themself here: the answer does.
 */
public enum Rating {
    AGAIN,
    HARD,
    GOOD,
    EASY;

    /** The grade G in FSRS's formulas, 1 to 4. */
    public int grade() {
        return ordinal() + 1;
    }

    public static Rating ofGrade(int grade) {
        return values()[grade - 1];
    }

    /**
     * The rating an answer earns: wrong is Again (a lapse); right after a hint is Hard, since the
     * memory needed help; right without help is Good, and Easy when it also came quickly (under
     * {@code quick}), the usual proxy for effortless recall. An unknown time ({@code elapsed} zero)
     * never makes an answer Easy.
     */
    public static Rating of(boolean correct, int hintsUsed, Duration elapsed, Duration quick) {
        if (!correct) {
            return AGAIN;
        }
        if (hintsUsed > 0) {
            return HARD;
        }
        return elapsed.isPositive() && elapsed.compareTo(quick) < 0 ? EASY : GOOD;
    }
}
