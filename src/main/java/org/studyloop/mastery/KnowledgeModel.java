package org.studyloop.mastery;

/**
 * A model of P(correct | student, item) that learns item and skill parameters in batch and
 * follows each student online.
 *
 * <p>{@link #fit} trains on a log of earlier answers (it may take seconds and runs off the answer
 * path); the online path — {@link #predict} before an answer, {@link #update} after it — only reads
 * the trained parameters and touches the student's state for the item's skills, so it costs
 * O(skills of the item) and never waits for training.
 */
public interface KnowledgeModel {

    /** The name {@code learner-eval --model} knows it by. */
    String name();

    /** Trains the item and skill parameters; replaces any earlier fit. */
    void fit(AttemptLog log, ItemSkills skills);

    /** A line naming the hyper-parameters in use and how they were chosen. */
    String describe();

    /** The state of a student with no answer yet. */
    StudentState newState();

    /** P(correct) for the student's next answer to the item, in (0, 1), when time is not known. */
    double predict(StudentState state, int item);

    /** Records the student's answer to the item, when time is not known. */
    void update(StudentState state, int item, boolean correct);

    /**
     * P(correct) for the student's answer to the item at a time in seconds. Models that ignore time
     * answer as {@link #predict(StudentState, int)}.
     */
    default double predict(StudentState state, int item, long time) {
        return predict(state, item);
    }

    /** Records the student's answer to the item at a time in seconds, not earlier than the last. */
    default void update(StudentState state, int item, boolean correct, long time) {
        update(state, item, correct);
    }

    /** The student's mastery of a skill: P(correct) on an average item of it, with a confidence. */
    SkillMastery mastery(StudentState state, int skill);
}
