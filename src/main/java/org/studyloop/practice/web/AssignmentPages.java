package org.studyloop.practice.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.studyloop.catalog.Catalog;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.ItemType;
import org.studyloop.classroom.ClassId;
import org.studyloop.classroom.Classroom;
import org.studyloop.identity.Actor;
import org.studyloop.practice.AssignmentId;
import org.studyloop.practice.assignment.Assigning;
import org.studyloop.shared.ProblemException;

/**
 * A teacher's assignment pages: a class's quizzes with the form that sets one (a course's first
 * items, a due date), and each quiz's results per student. The same {@link Assigning} as the API.
 */
@Controller
class AssignmentPages {

    private static final int MAX_ITEMS = 30;

    private final Assigning assigning;
    private final Catalog catalog;
    private final Classroom classroom;
    private final PracticePages courses;

    AssignmentPages(Assigning assigning, Catalog catalog, Classroom classroom, PracticePages courses) {
        this.assigning = assigning;
        this.catalog = catalog;
        this.classroom = classroom;
        this.courses = courses;
    }

    @GetMapping("/teacher/classes/{classId}/assignments")
    String list(Actor actor, @PathVariable UUID classId, Model model) {
        var id = new ClassId(classId);
        classroom.requireClassManagement(actor, id);
        model.addAttribute("classId", classId);
        model.addAttribute("assignments", assigning.ofClass(actor, id));
        model.addAttribute("courses", courses.courseChoices());
        model.addAttribute("tomorrow", LocalDate.now(ZoneOffset.UTC).plusDays(1));
        return "practice/assignments";
    }

    @PostMapping("/teacher/classes/{classId}/assignments")
    String assign(
            Actor actor,
            @PathVariable UUID classId,
            @RequestParam(defaultValue = "") String title,
            @RequestParam UUID courseId,
            @RequestParam(defaultValue = "5") int count,
            @RequestParam(defaultValue = "") String due,
            Model model) {
        var id = new ClassId(classId);
        classroom.requireClassManagement(actor, id);
        try {
            var name = title.strip();
            if (name.isEmpty() || name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
                throw ProblemException.invalid("title", "must be one line of at most 100 characters");
            }
            if (count < 1 || count > MAX_ITEMS) {
                throw ProblemException.invalid("count", "must be from 1 to " + MAX_ITEMS);
            }
            var dueAt = parseDay(due).atTime(LocalTime.of(23, 59)).toInstant(ZoneOffset.UTC);
            var items = catalog.publishedItems(new CourseId(courseId)).stream()
                    .filter(p ->
                            p.item().type() != ItemType.TEMPLATE && p.classId().isEmpty())
                    .map(p -> p.item().itemId())
                    .limit(count)
                    .toList();
            if (items.isEmpty()) {
                throw ProblemException.invalid("courseId", "has no items to set");
            }
            assigning.assign(actor, id, name, items, dueAt);
        } catch (ProblemException refused) {
            model.addAttribute("error", true);
            return list(actor, classId, model);
        }
        return "redirect:/teacher/classes/" + classId + "/assignments";
    }

    @GetMapping("/teacher/assignments/{assignmentId}")
    String results(Actor actor, @PathVariable UUID assignmentId, Model model) {
        var results = assigning.results(actor, new AssignmentId(assignmentId));
        model.addAttribute("assignment", results.assignment());
        model.addAttribute("students", results.students());
        return "practice/assignment-results";
    }

    private static LocalDate parseDay(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException malformed) {
            throw ProblemException.invalid("due", "must be a date (YYYY-MM-DD)");
        }
    }
}
