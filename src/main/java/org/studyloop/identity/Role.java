package org.studyloop.identity;

/**
 * What an account may do. STUDENT, TEACHER and PARENT can be chosen at registration; AUTHOR and
 * ADMIN are granted only by an administrator.
 */
public enum Role {
    STUDENT,
    TEACHER,
    PARENT,
    AUTHOR,
    ADMIN;

    public boolean selfSelectable() {
        return this == STUDENT || this == TEACHER || this == PARENT;
    }
}
