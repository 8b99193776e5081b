/** The {@code tutor-eval} command: the tutor against a scripted student. */
@NullMarked
package org.studyloop.tutor.eval;

import org.jspecify.annotations.NullMarked;
