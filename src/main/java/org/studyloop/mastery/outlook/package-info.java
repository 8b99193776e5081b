/**
 * What the learner model foresees for a student: course mastery at +30/60/90 days with an interval,
 * from the student's learning rate and activity, and the risk level with its reasons; the stored
 * risk per student that raises {@link org.studyloop.mastery.StudentAtRisk}. Internal to the module.
 */
@NullMarked
package org.studyloop.mastery.outlook;

import org.jspecify.annotations.NullMarked;
