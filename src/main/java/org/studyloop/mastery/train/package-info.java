/**
 * Batch training of the online model from the module's own evidence log: the {@code
 * fit-learner-model} command and the nightly job. Internal to the module.
 */
@NullMarked
package org.studyloop.mastery.train;

import org.jspecify.annotations.NullMarked;
