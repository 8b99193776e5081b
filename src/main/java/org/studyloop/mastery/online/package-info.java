/**
 * The learner model behind practice's {@code LearnerModel} port: per-student states in the
 * database with a write-through cache, the items' online calibration, and the model parameters in
 * use. Internal to the module.
 */
@NullMarked
package org.studyloop.mastery.online;

import org.jspecify.annotations.NullMarked;
