package org.studyloop.mastery;

/**
 * What a {@link KnowledgeModel} remembers of one student between answers. Each model has its own
 * implementation; a state is only ever passed back to the model that created it. Not thread-safe:
 * one student's answers are applied one at a time.
 */
public interface StudentState {

    /** How many answers this state has seen. */
    int answers();
}
