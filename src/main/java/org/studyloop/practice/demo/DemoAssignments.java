package org.studyloop.practice.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.SkillId;
import org.studyloop.classroom.ClassId;
import org.studyloop.classroom.Classroom;
import org.studyloop.identity.Actor;
import org.studyloop.practice.AssignmentId;
import org.studyloop.practice.assignment.Assigning;
import org.studyloop.practice.assignment.Assignment;
import org.studyloop.practice.bank.ItemBank;
import org.studyloop.shared.SimulatedTime;

/**
 * The quizzes the demo teacher set the demo class, through the same {@link Assigning} as the
 * teacher's page: one on linear equations set on day 10 and due on day 15, which most of the class
 * has done, and one on functions set on day 18 and due three days from today, which some have
 * started. Set once: a later start finds them by title.
 */
@Component
class DemoAssignments {

    /** A quiz the simulated students may take between two days (0 = three weeks ago). */
    record Quiz(AssignmentId id, int firstDay, int lastDay, double willingness) {}

    private record Plan(String title, int skillFrom, int skillTo, int setOn, int dueOn, double willingness) {}

    private static final List<Plan> PLANS = List.of(
            new Plan("Linear equations check", 0, 2, 10, 15, 0.8),
            new Plan("Functions warm-up", 6, 8, 18, SimulatedStudy.DAYS + 3, 0.5));

    private static final int ITEMS = 6;

    private final Assigning assigning;
    private final Classroom classroom;
    private final ItemBank bank;

    DemoAssignments(Assigning assigning, Classroom classroom, ItemBank bank) {
        this.assigning = assigning;
        this.classroom = classroom;
        this.bank = bank;
    }

    /** The demo class's quizzes, set now if missing; none when the teacher teaches no class of the student. */
    List<Quiz> set(Actor teacher, Actor student, CourseId course, LocalDate today) {
        var demoClass = classroom.classesOf(student.userId()).stream()
                .filter(c -> classroom.teaches(teacher.userId(), c))
                .findFirst();
        if (demoClass.isEmpty()) {
            return List.of();
        }
        var skills = bank.course(course).orElseThrow().skillOrder();
        var first = today.minusDays(SimulatedStudy.DAYS).atStartOfDay().toInstant(ZoneOffset.UTC);
        var quizzes = new ArrayList<Quiz>();
        for (var plan : PLANS) {
            var id = existing(teacher, demoClass.get(), plan.title())
                    .orElseGet(() -> set(
                            teacher, demoClass.get(), plan, skills.subList(plan.skillFrom(), plan.skillTo()), first));
            quizzes.add(
                    new Quiz(id, plan.setOn(), Math.min(plan.dueOn(), SimulatedStudy.DAYS - 1), plan.willingness()));
        }
        return quizzes;
    }

    private Optional<AssignmentId> existing(Actor teacher, ClassId classId, String title) {
        return assigning.ofClass(teacher, classId).stream()
                .filter(a -> a.title().equals(title))
                .map(Assignment::id)
                .findFirst();
    }

    private AssignmentId set(Actor teacher, ClassId classId, Plan plan, List<SkillId> skills, Instant first) {
        var items = new ArrayList<ItemId>();
        for (var skill : skills) {
            bank.itemsOf(skill).stream()
                    .filter(id ->
                            bank.item(id).filter(item -> !item.isTemplate()).isPresent())
                    .limit(ITEMS / skills.size())
                    .forEach(items::add);
        }
        SimulatedTime.pin(first.plus(Duration.ofDays(plan.setOn())).plus(Duration.ofHours(8)));
        try {
            var due = first.plus(Duration.ofDays(plan.dueOn())).plus(Duration.ofHours(22));
            return assigning.assign(teacher, classId, plan.title(), items, due).id();
        } finally {
            SimulatedTime.release();
        }
    }
}
