package org.studyloop.catalog.store;

import org.studyloop.classroom.Classroom;
import org.studyloop.identity.Actor;
import org.studyloop.identity.Role;

/**
 * Who may see and who may change an item. Public items: seen by anyone signed in, changed by AUTHOR
 * and ADMIN. Items private to a class: seen by the class's teacher and students, authors and
 * administrators; changed by the class's teacher, authors and administrators.
 */
public final class ItemAccess {

    private ItemAccess() {}

    public static boolean isAuthor(Actor actor) {
        return actor.has(Role.AUTHOR) || actor.isAdmin();
    }

    /** Whether the actor may see the item at all (the student view for a student). */
    public static boolean mayView(Classroom classroom, Actor actor, ItemStore.Stored item) {
        var classId = item.classId();
        return classId == null || actor.has(Role.AUTHOR) || classroom.mayViewClass(actor, classId);
    }

    /** Whether the actor may read the authoring view of the item and change it. */
    public static boolean mayAuthor(Classroom classroom, Actor actor, ItemStore.Stored item) {
        var classId = item.classId();
        return isAuthor(actor)
                || (classId != null && actor.has(Role.TEACHER) && classroom.teaches(actor.userId(), classId));
    }
}
