/** Offline evaluation of the knowledge models: the {@code learner-eval} command and its metrics. */
@NullMarked
package org.studyloop.mastery.eval;

import org.jspecify.annotations.NullMarked;
