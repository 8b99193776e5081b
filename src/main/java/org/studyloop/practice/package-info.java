/**
 * Practice: sessions (adaptive, quiz, timed mock exam, review), answers graded by the catalog's
 * {@link org.studyloop.catalog.Grading}, hints, the append-only attempts, and quizzes a teacher
 * assigns to a class. The top-level package is the module's API: {@link
 * org.studyloop.practice.Practice}, the ids, the events {@link org.studyloop.practice.AnswerRecorded}
 * and {@link org.studyloop.practice.SessionFinished}, and the port {@link
 * org.studyloop.practice.LearnerModel} that the learner model implements.
 */
@ApplicationModule(displayName = "Practice")
@NullMarked
package org.studyloop.practice;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
