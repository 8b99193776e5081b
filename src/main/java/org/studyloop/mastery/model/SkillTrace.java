package org.studyloop.mastery.model;

/**
 * What the online model remembers of one student on one skill: a handful of numbers, updated in
 * O(1) per answer without looking at the history again (the "sufficient statistics" of PFA, R-PFA
 * and DAS3H features, Pavlik et al. 2009, Galyardt and Goldin 2015, Choffin et al. 2019).
 *
 * @param answers answers on the skill
 * @param wins right answers on the skill
 * @param local the Elo ability on the skill (Pelánek 2016, concept-specific ability)
 * @param fastWins successes decayed by 0.5 per answer on the skill (R-PFA)
 * @param fastFails failures decayed by 0.5 per answer
 * @param slowWins successes decayed by 0.85 per answer
 * @param slowFails failures decayed by 0.85 per answer
 * @param dayWins successes decayed with a half-life of a day, valued at {@code lastAt}
 * @param dayFails failures decayed with a half-life of a day, valued at {@code lastAt}
 * @param monthWins successes decayed with a half-life of 30 days, valued at {@code lastAt}
 * @param monthFails failures decayed with a half-life of 30 days, valued at {@code lastAt}
 * @param lastAt the time of the last answer on the skill, in seconds
 */
public record SkillTrace(
        int answers,
        int wins,
        double local,
        double fastWins,
        double fastFails,
        double slowWins,
        double slowFails,
        double dayWins,
        double dayFails,
        double monthWins,
        double monthFails,
        long lastAt) {

    /** A skill the student never answered. */
    public static final SkillTrace NONE = new SkillTrace(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public int fails() {
        return answers - wins;
    }

    /** The decay factor of a time-decayed count from {@code lastAt} to {@code time}. */
    static double decay(long lastAt, long time, double halfLife) {
        return Math.exp(-TraceModel.LN2 * Math.max(0, time - lastAt) / halfLife);
    }

    /** Successes decayed with a half-life of a day, valued at {@code time}. */
    public double dayWinsAt(long time) {
        return dayWins * decay(lastAt, time, TraceModel.DAY);
    }

    public double dayFailsAt(long time) {
        return dayFails * decay(lastAt, time, TraceModel.DAY);
    }

    public double monthWinsAt(long time) {
        return monthWins * decay(lastAt, time, TraceModel.MONTH);
    }

    public double monthFailsAt(long time) {
        return monthFails * decay(lastAt, time, TraceModel.MONTH);
    }

    /**
     * The trace after one more answer at {@code time}: counts and decayed counts take the outcome,
     * the local ability moves by the Elo step.
     */
    public SkillTrace after(boolean correct, double localStep, long time) {
        int y = correct ? 1 : 0;
        long at = Math.max(time, lastAt);
        return new SkillTrace(
                answers + 1,
                wins + y,
                local + localStep,
                TraceModel.FAST * fastWins + y,
                TraceModel.FAST * fastFails + 1 - y,
                TraceModel.SLOW * slowWins + y,
                TraceModel.SLOW * slowFails + 1 - y,
                dayWinsAt(at) + y,
                dayFailsAt(at) + 1 - y,
                monthWinsAt(at) + y,
                monthFailsAt(at) + 1 - y,
                at);
    }
}
