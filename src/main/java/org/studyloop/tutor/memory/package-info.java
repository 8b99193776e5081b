/** The tutor's memory of each student: notes per skill and a long-term profile. */
@NullMarked
package org.studyloop.tutor.memory;

import org.jspecify.annotations.NullMarked;
