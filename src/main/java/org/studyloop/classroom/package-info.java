/**
 * Classes, their students, guardians, and the one access policy of StudyLoop: who may read or act
 * on whose learner data. The top-level package is the module's API: {@link
 * org.studyloop.classroom.Classroom}, {@link org.studyloop.classroom.ClassId} and the event {@link
 * org.studyloop.classroom.StudentJoinedClass}. Every later module that takes a user or class id
 * asks {@code Classroom} before it reads or writes.
 */
@ApplicationModule(displayName = "Classroom")
@NullMarked
package org.studyloop.classroom;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
