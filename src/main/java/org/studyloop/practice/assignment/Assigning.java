package org.studyloop.practice.assignment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.studyloop.catalog.Catalog;
import org.studyloop.catalog.ItemId;
import org.studyloop.classroom.ClassId;
import org.studyloop.classroom.Classroom;
import org.studyloop.identity.Actor;
import org.studyloop.identity.Identity;
import org.studyloop.practice.AssignmentId;
import org.studyloop.practice.session.Reports;
import org.studyloop.practice.session.SessionReport;
import org.studyloop.shared.ProblemException;
import org.studyloop.shared.ProblemType;

/** A teacher sets a quiz for a class and reads the results; the class's students see what is set. */
@Service
public class Assigning {

    private final Assignments assignments;
    private final Classroom classroom;
    private final Catalog catalog;
    private final Identity identity;
    private final Reports reports;
    private final Clock clock;

    Assigning(
            Assignments assignments,
            Classroom classroom,
            Catalog catalog,
            Identity identity,
            Reports reports,
            Clock clock) {
        this.assignments = assignments;
        this.classroom = classroom;
        this.catalog = catalog;
        this.identity = identity;
        this.reports = reports;
        this.clock = clock;
    }

    /** A student's standing on an assignment; {@code score} is credit over the quiz's items. */
    public record StudentResult(
            UUID studentId,
            String name,
            Status status,
            int answered,
            int items,
            @Nullable Double score,
            @Nullable Instant finishedAt,
            boolean late) {}

    public enum Status {
        NOT_STARTED,
        IN_PROGRESS,
        FINISHED
    }

    public record Results(Assignment assignment, List<StudentResult> students) {}

    @Transactional
    public Assignment assign(Actor actor, ClassId classId, String title, List<ItemId> items, Instant dueAt) {
        if (!classroom.mayManageClass(actor, classId)) {
            // A student of the class sees it but may not set its work: refused, not hidden.
            throw classroom.mayViewClass(actor, classId)
                    ? new ProblemException(ProblemType.FORBIDDEN, "Only the class's teacher sets its assignments.")
                    : ProblemException.notFound("There is no class " + classId + ".");
        }
        var now = clock.instant();
        if (!dueAt.isAfter(now)) {
            throw ProblemException.invalid("dueAt", "must be in the future");
        }
        for (var i = 0; i < items.size(); i++) {
            var item = items.get(i);
            if (catalog.item(actor, item).isEmpty()) {
                throw ProblemException.invalid("itemIds[" + i + "]", "there is no item " + item);
            }
        }
        var assignment =
                new Assignment(new AssignmentId(UUID.randomUUID()), classId, actor.userId(), title, items, dueAt, now);
        assignments.add(assignment);
        return assignment;
    }

    @Transactional(readOnly = true)
    public List<Assignment> ofClass(Actor actor, ClassId classId) {
        if (!classroom.mayViewClass(actor, classId)) {
            throw ProblemException.notFound("There is no class " + classId + ".");
        }
        return assignments.ofClass(classId);
    }

    /** Every student of the class, with their best finished attempt or the one in progress. */
    @Transactional(readOnly = true)
    public Results results(Actor actor, AssignmentId id) {
        var assignment = assignments
                .find(id)
                .filter(a -> classroom.mayManageClass(actor, a.classId()))
                .orElseThrow(() -> ProblemException.notFound("There is no assignment " + id + "."));
        var students = classroom.studentsOf(assignment.classId());
        var names = identity.displayNames(students);
        var best = new LinkedHashMap<UUID, SessionReport>();
        for (var report : reports.ofAssignment(id)) {
            best.merge(report.studentId(), report, Assigning::better);
        }
        var results = new ArrayList<StudentResult>();
        for (var student : students) {
            var report = best.get(student.value());
            var name = names.getOrDefault(student, "");
            if (report == null) {
                results.add(new StudentResult(
                        student.value(),
                        name,
                        Status.NOT_STARTED,
                        0,
                        assignment.items().size(),
                        null,
                        null,
                        false));
            } else {
                var finished = report.finishedAt();
                results.add(new StudentResult(
                        student.value(),
                        name,
                        finished == null ? Status.IN_PROGRESS : Status.FINISHED,
                        report.answered(),
                        report.planned(),
                        report.score(),
                        finished,
                        finished != null && assignment.isLate(finished)));
            }
        }
        results.sort(Comparator.comparing(StudentResult::name));
        return new Results(assignment, results);
    }

    /** A finished attempt beats one in progress; between two finished ones, the higher score. */
    private static SessionReport better(SessionReport a, SessionReport b) {
        if ((a.finishedAt() == null) != (b.finishedAt() == null)) {
            return a.finishedAt() != null ? a : b;
        }
        var sa = a.score() == null ? 0 : a.score();
        var sb = b.score() == null ? 0 : b.score();
        return sb > sa ? b : a;
    }
}
