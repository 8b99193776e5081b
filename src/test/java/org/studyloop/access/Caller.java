package org.studyloop.access;

/** The eight callers of the authorisation matrix, seen from the owner student's data. */
enum Caller {
    OWNER_STUDENT,
    OTHER_STUDENT,
    TEACHER_OF_CLASS,
    OTHER_TEACHER,
    LINKED_PARENT,
    OTHER_PARENT,
    ADMIN,
    ANONYMOUS
}
