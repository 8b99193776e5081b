/**
 * The answer loop's side of the learner model: practice's {@code LearnerModel} port, the update of
 * a student's state by an answer, and the choice of the next item. Internal to the module.
 */
@NullMarked
package org.studyloop.mastery.loop;

import org.jspecify.annotations.NullMarked;
