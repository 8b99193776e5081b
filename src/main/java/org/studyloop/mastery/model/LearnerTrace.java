package org.studyloop.mastery.model;

/**
 * What the online model remembers of a student over all skills: the answers given and the global
 * Elo ability (Pelánek 2016).
 *
 * @param answers answers given
 * @param ability the Elo ability over all skills
 * @param lastAt the time of the last answer, in seconds
 */
public record LearnerTrace(int answers, double ability, long lastAt) {

    /** A student with no answer yet. */
    public static final LearnerTrace NONE = new LearnerTrace(0, 0, 0);

    public LearnerTrace after(double step, long time) {
        return new LearnerTrace(answers + 1, ability + step, Math.max(time, lastAt));
    }
}
