/** Quizzes a teacher assigns to a class, with a due date, and their results. */
@NullMarked
package org.studyloop.practice.assignment;

import org.jspecify.annotations.NullMarked;
