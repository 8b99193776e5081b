package org.studyloop.classroom.classes;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.studyloop.classroom.ClassId;
import org.studyloop.classroom.Classroom;
import org.studyloop.classroom.StudentJoinedClass;
import org.studyloop.identity.Actor;
import org.studyloop.identity.Identity;
import org.studyloop.identity.Role;
import org.studyloop.identity.UserId;
import org.studyloop.shared.ProblemException;
import org.studyloop.shared.ProblemType;

/**
 * What people do with classes. Who may do it is asked of {@link Classroom}, the one access policy:
 * a class the actor may not see is answered as missing (404); a class they may see but not change
 * (a student asking to rotate the code) is a refusal (403).
 */
@Service
public class Classes {

    /** Join codes are drawn until one is free; with 31^8 codes a second draw is already rare. */
    private static final int CODE_ATTEMPTS = 10;

    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

    private final SchoolClasses classes;
    private final Rosters rosters;
    private final Classroom policy;
    private final Identity identity;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Classes(
            SchoolClasses classes,
            Rosters rosters,
            Classroom policy,
            Identity identity,
            ApplicationEventPublisher events,
            Clock clock) {
        this.classes = classes;
        this.rosters = rosters;
        this.policy = policy;
        this.identity = identity;
        this.events = events;
        this.clock = clock;
    }

    public record Student(UserId userId, String displayName) {}

    /**
     * One class as a person who may see it sees it.
     *
     * @param managing whether the viewer may manage it, and so see its join code
     */
    public record ClassDetail(Rosters.ClassSummary summary, String teacherName, boolean managing) {}

    @Transactional
    public SchoolClass create(Actor actor, String name, @Nullable UUID courseId) {
        if (!actor.has(Role.TEACHER) && !actor.isAdmin()) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only teachers create classes.");
        }
        var created =
                SchoolClass.create(IDS.generate(), name, courseId, actor.userId(), freeJoinCode(), clock.instant());
        return classes.save(created);
    }

    /** Gives the class a new join code; the old one stops working at once. */
    @Transactional
    public SchoolClass rotateJoinCode(Actor actor, ClassId classId) {
        var schoolClass = manageable(actor, classId);
        schoolClass.rotateJoinCode(freeJoinCode());
        return classes.save(schoolClass);
    }

    /** Puts the student in the class of this code; joining again changes nothing. */
    @Transactional
    public ClassId join(Actor actor, String joinCode) {
        if (!actor.has(Role.STUDENT)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only students join classes.");
        }
        var schoolClass = classes.findLockedByJoinCodeAndArchivedAtIsNull(ReadableCodes.normalise(joinCode))
                .orElseThrow(() -> ProblemException.notFound("No class has this join code. Ask your teacher."));
        var now = clock.instant();
        if (schoolClass.join(actor.userId(), now)) {
            classes.save(schoolClass);
            events.publishEvent(new StudentJoinedClass(schoolClass.classId(), actor.userId(), now));
        }
        return schoolClass.classId();
    }

    /** The student leaves the class; one who is not in it finds no such class. */
    @Transactional
    public void leave(Actor actor, ClassId classId) {
        var schoolClass = classes.findLockedById(classId.value())
                .filter(c -> !c.archived())
                .orElseThrow(Classes::notFound);
        if (!schoolClass.removeStudent(actor.userId())) {
            throw notFound();
        }
        classes.save(schoolClass);
    }

    @Transactional
    public void removeStudent(Actor actor, ClassId classId, UserId student) {
        var schoolClass = manageable(actor, classId);
        if (!schoolClass.removeStudent(student)) {
            throw ProblemException.notFound("This student is not in the class.");
        }
        classes.save(schoolClass);
    }

    /**
     * The classes the actor teaches or is a student in. Taught classes count only with the role,
     * as in {@link Classroom#mayManageClass}: a former teacher no longer sees their join codes.
     */
    @Transactional(readOnly = true)
    public List<Rosters.ClassSummary> mine(Actor actor) {
        var mayTeach = actor.has(Role.TEACHER) || actor.isAdmin();
        return rosters.classesFor(actor.userId()).stream()
                .filter(summary -> mayTeach || !summary.teaching())
                .toList();
    }

    /** One class, for those who may see it: its teacher, its students, administrators. */
    @Transactional(readOnly = true)
    public ClassDetail view(Actor actor, ClassId classId) {
        if (!policy.mayViewClass(actor, classId)) {
            throw notFound();
        }
        var summary = rosters.find(classId, actor.userId()).orElseThrow(Classes::notFound);
        var teacherName = identity.displayNames(List.of(summary.teacher())).getOrDefault(summary.teacher(), "");
        return new ClassDetail(summary, teacherName, policy.mayManageClass(actor, classId));
    }

    /** The class's students with their display names, for its teacher and administrators. */
    @Transactional(readOnly = true)
    public List<Student> students(Actor actor, ClassId classId) {
        policy.requireClassManagement(actor, classId);
        var students = rosters.studentsOf(classId);
        var names = identity.displayNames(students);
        // An account erased since it joined has no name any more; it is left out, not shown blank.
        return students.stream()
                .filter(names::containsKey)
                .map(id -> new Student(id, names.get(id)))
                .toList();
    }

    private SchoolClass manageable(Actor actor, ClassId classId) {
        if (!policy.mayManageClass(actor, classId)) {
            if (policy.mayViewClass(actor, classId)) {
                throw new ProblemException(ProblemType.FORBIDDEN, "Only the class's teacher may do this.");
            }
            throw notFound();
        }
        return classes.findLockedById(classId.value())
                .filter(c -> !c.archived())
                .orElseThrow(Classes::notFound);
    }

    private String freeJoinCode() {
        // The unique index stays the last word: a code taken between this check and the insert
        // fails the request rather than sharing a code between two classes.
        for (var attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
            var code = ReadableCodes.random(ReadableCodes.JOIN_CODE_LENGTH);
            if (!classes.existsByJoinCode(code)) {
                return code;
            }
        }
        throw new IllegalStateException("No free join code after " + CODE_ATTEMPTS + " draws");
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("There is no such class, or it is not yours to see.");
    }
}
