package org.studyloop.classroom;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.studyloop.classroom.classes.Rosters;
import org.studyloop.classroom.guardians.Guardianships;
import org.studyloop.identity.Actor;
import org.studyloop.identity.Role;
import org.studyloop.identity.UserId;
import org.studyloop.shared.ProblemException;

/**
 * The classroom module's API, and the one place that answers "may this actor read or act on this
 * learner's data?" (API.md, "Learner model"): the learner themselves, a linked guardian, a teacher
 * of a class the learner is in, an administrator; nobody else. Every endpoint of every module that
 * takes a user or class id asks here first, and a refusal is a 404 like a missing resource, so that
 * a stranger cannot even learn whether the learner exists.
 *
 * <p>Relations count only together with the role that gives them meaning, as the access token
 * states it now: a guardian link with {@code PARENT}, a class with {@code TEACHER}. A teacher whose
 * role was withdrawn keeps no access through the classes they once taught.
 */
@Service
public class Classroom {

    private final Rosters rosters;
    private final Guardianships guardianships;

    Classroom(Rosters rosters, Guardianships guardianships) {
        this.rosters = rosters;
        this.guardianships = guardianships;
    }

    @Transactional(readOnly = true)
    public boolean mayAccessLearner(Actor actor, UserId learner) {
        if (actor.is(learner) || actor.isAdmin()) {
            return true;
        }
        if (actor.has(Role.PARENT) && guardianships.isGuardian(actor.userId(), learner)) {
            return true;
        }
        return actor.has(Role.TEACHER) && rosters.teachesStudent(actor.userId(), learner);
    }

    /** Returns quietly when the actor may, else a 404 problem that says nothing about the learner. */
    public void requireLearnerAccess(Actor actor, UserId learner) {
        if (!mayAccessLearner(actor, learner)) {
            throw notFound();
        }
    }

    /**
     * Whether the actor may see the class and act on it as its teacher would (its student list,
     * its dashboard, its join code): its teacher, or an administrator.
     */
    @Transactional(readOnly = true)
    public boolean mayManageClass(Actor actor, ClassId classId) {
        return actor.isAdmin() || (actor.has(Role.TEACHER) && rosters.teaches(actor.userId(), classId));
    }

    /** Returns quietly when the actor may manage the class, else a 404 problem. */
    public void requireClassManagement(Actor actor, ClassId classId) {
        if (!mayManageClass(actor, classId)) {
            throw notFound();
        }
    }

    /** Whether the actor may see the class at all: those who manage it, and its students. */
    @Transactional(readOnly = true)
    public boolean mayViewClass(Actor actor, ClassId classId) {
        return mayManageClass(actor, classId) || rosters.isStudentIn(classId, actor.userId());
    }

    /** Whether the user is the teacher of this live class (a fact, whatever their roles today). */
    @Transactional(readOnly = true)
    public boolean teaches(UserId teacher, ClassId classId) {
        return rosters.teaches(teacher, classId);
    }

    /** Whether the user teaches a live class the student is in (a fact, whatever their roles today). */
    @Transactional(readOnly = true)
    public boolean teachesStudent(UserId teacher, UserId student) {
        return rosters.teachesStudent(teacher, student);
    }

    /** The teacher of a live class; empty for an unknown or archived class. */
    @Transactional(readOnly = true)
    public Optional<UserId> teacherOf(ClassId classId) {
        return rosters.teacherOf(classId);
    }

    /** The students of a live class, in the order they joined; empty for an unknown class. */
    @Transactional(readOnly = true)
    public List<UserId> studentsOf(ClassId classId) {
        return rosters.studentsOf(classId);
    }

    /**
     * The id of the course a live class was created for (a catalog course id), if it names one;
     * empty for an unknown or archived class.
     */
    @Transactional(readOnly = true)
    public Optional<UUID> courseOf(ClassId classId) {
        return rosters.courseOf(classId);
    }

    /** The live classes the student is in. */
    @Transactional(readOnly = true)
    public List<ClassId> classesOf(UserId student) {
        return rosters.classesOf(student);
    }

    /** The live classes the user teaches or is a student in: whose class-private content they may see. */
    @Transactional(readOnly = true)
    public List<ClassId> classesOfMember(UserId user) {
        return rosters.classesFor(user).stream()
                .map(Rosters.ClassSummary::classId)
                .toList();
    }

    /** The students this guardian is linked to now. */
    @Transactional(readOnly = true)
    public List<UserId> childrenOf(UserId guardian) {
        return guardianships.childrenOf(guardian).stream()
                .map(Guardianships.Link::other)
                .toList();
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("There is nothing here, or it is not yours to see.");
    }
}
