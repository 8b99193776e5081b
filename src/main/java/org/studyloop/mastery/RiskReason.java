package org.studyloop.mastery;

/**
 * Why a student's risk is what it is.
 *
 * @param signal what the reason is about, so that suggestions to teachers can follow from it
 * @param level the level this reason alone gives
 * @param text the reason in words ("No practice for 9 days.")
 * @param value the figure behind it: days without practice, the fall of course mastery, or the
 *     forecast course mastery
 */
public record RiskReason(Signal signal, RiskLevel level, String text, double value) {

    public enum Signal {
        /** The student has not answered yet. */
        NO_ANSWERS,
        /** No practice for a number of days. */
        INACTIVE,
        /** Course mastery fell over about two weeks. */
        FALLING,
        /** The forecast course mastery at the target horizon is below the target. */
        BELOW_TARGET,
        /** Nothing to worry about. */
        ON_TRACK
    }
}
