package org.studyloop.practice.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.studyloop.catalog.Catalog;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.CourseOutline;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.SkillId;
import org.studyloop.classroom.Classroom;
import org.studyloop.identity.Actor;
import org.studyloop.practice.AssignmentId;
import org.studyloop.practice.SessionId;
import org.studyloop.practice.SessionMode;
import org.studyloop.practice.assignment.Assigning;
import org.studyloop.practice.assignment.Assignment;
import org.studyloop.practice.session.Reports;
import org.studyloop.practice.session.SessionReport;
import org.studyloop.practice.session.SessionStarts;
import org.studyloop.practice.session.Start;
import org.studyloop.shared.ProblemException;

/**
 * The practice pages: choose a course and start an adaptive session (or a review of what is due, or
 * a quiz a teacher set, or one of the items of a tutor's question set), then the session's page with its current item. Answers and hints go
 * through {@link AnswerFragments} without reloading the page.
 */
@Controller
class PracticePages {

    /** As the API's start request allows (StartRequest). */
    static final int MAX_QUIZ_ITEMS = 100;

    /** As the API's start request allows (StartRequest). */
    static final int MAX_SKILLS = 200;

    private final Catalog catalog;
    private final SessionStarts starts;
    private final Reports reports;
    private final Assigning assigning;
    private final Classroom classroom;
    private final Clock clock;

    PracticePages(
            Catalog catalog,
            SessionStarts starts,
            Reports reports,
            Assigning assigning,
            Classroom classroom,
            Clock clock) {
        this.catalog = catalog;
        this.starts = starts;
        this.reports = reports;
        this.assigning = assigning;
        this.classroom = classroom;
        this.clock = clock;
    }

    @PostMapping("/practice/sessions/{sessionId}/finish")
    String finish(Actor actor, @PathVariable UUID sessionId) {
        reports.finish(actor, new SessionId(sessionId));
        return "redirect:/practice/sessions/" + sessionId;
    }

    /** {@code firstLesson}: where the course's lessons start (catalog's page {@code /lessons/{id}}), if it has any. */
    record CourseChoice(
            UUID courseId,
            String title,
            String subject,
            int skills,
            @Nullable UUID firstLesson) {}

    /** A quiz set for one of the student's classes. */
    record Assigned(UUID assignmentId, String title, Instant dueAt, int items) {}

    @GetMapping("/practice")
    String choose(Actor actor, Model model) {
        model.addAttribute("courses", courseChoices());
        model.addAttribute(
                "assigned",
                classroom.classesOf(actor.userId()).stream()
                        .flatMap(c -> assigning.ofClass(actor, c).stream())
                        .filter(a -> a.dueAt().isAfter(clock.instant()))
                        .sorted(Comparator.comparing(Assignment::dueAt))
                        .map(a -> new Assigned(
                                a.id().value(), a.title(), a.dueAt(), a.items().size()))
                        .toList());
        return "practice/choose";
    }

    List<CourseChoice> courseChoices() {
        return catalog.courses().stream()
                .flatMap(id -> catalog.course(id).stream())
                .map(c -> new CourseChoice(
                        c.courseId().value(), c.title(), c.subject(), c.skills().size(), firstLesson(c)))
                .toList();
    }

    /** The lesson of the course's earliest skill that has one, as the lesson page orders them. */
    private @Nullable UUID firstLesson(CourseOutline course) {
        var first = catalog.firstLessons(course.courseId());
        return course.skills().stream()
                .map(s -> first.get(s.skillId()))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    @PostMapping("/practice/sessions")
    String start(
            Actor actor,
            @RequestParam(defaultValue = "ADAPTIVE") String mode,
            @RequestParam(required = false) @Nullable UUID courseId,
            @RequestParam(required = false) @Nullable UUID assignmentId,
            @RequestParam(name = "itemId", required = false) @Nullable List<UUID> itemIds,
            @RequestParam(name = "skillId", required = false) @Nullable List<UUID> skillIds) {
        var items = itemIds == null ? List.<UUID>of() : itemIds;
        if (items.size() > MAX_QUIZ_ITEMS) {
            throw ProblemException.invalid("itemId", "at most " + MAX_QUIZ_ITEMS + " items");
        }
        // Adaptive practice narrowed to some skills of the course, as the API's skillIds (the lesson page's
        // "Practise this skill"); SessionStarts refuses a skill that is not the course's.
        var skills = skillIds == null ? List.<UUID>of() : skillIds;
        if (skills.size() > MAX_SKILLS) {
            throw ProblemException.invalid("skillId", "at most " + MAX_SKILLS + " skills");
        }
        var chosen = switch (mode) {
            case "ADAPTIVE" -> SessionMode.ADAPTIVE;
            case "REVIEW" -> SessionMode.REVIEW;
            case "QUIZ" -> SessionMode.QUIZ;
            case "EXAM" -> SessionMode.EXAM;
            default -> throw ProblemException.invalid("mode", "must be ADAPTIVE, REVIEW, QUIZ or EXAM");
        };
        if (chosen == SessionMode.QUIZ && assignmentId == null && items.isEmpty()) {
            throw ProblemException.invalid("assignmentId", "must be given for an assignment, or items for a quiz");
        }
        if ((chosen == SessionMode.ADAPTIVE || chosen == SessionMode.EXAM) && courseId == null) {
            throw ProblemException.invalid("courseId", "must be given for adaptive practice");
        }
        var course = courseId == null ? Optional.<CourseId>empty() : Optional.of(new CourseId(courseId));
        var started = starts.start(
                actor,
                new Start(
                        chosen,
                        course,
                        skills.stream().map(SkillId::new).toList(),
                        Optional.ofNullable(assignmentId).map(AssignmentId::new),
                        items.stream().map(ItemId::new).toList(),
                        Optional.empty(),
                        Optional.empty()));
        return "redirect:/practice/sessions/" + started.sessionId();
    }

    /**
     * A session's page: its current item; for a quiz or an exam the item asked for ({@code ?item=})
     * with the sections to move between and, for an exam, the time left; once finished, its report.
     */
    @GetMapping("/practice/sessions/{sessionId}")
    String session(
            Actor actor,
            @PathVariable UUID sessionId,
            @RequestParam(required = false) @Nullable UUID item,
            Model model) {
        var report = reports.read(actor, new SessionId(sessionId));
        model.addAttribute("sessionId", sessionId);
        model.addAttribute("report", report);
        model.addAttribute("answered", report.answered());
        var planned = report.items() == null ? List.<SessionReport.PlannedItem>of() : report.items();
        var shown = planned.stream()
                .filter(p -> p.item().itemId().equals(item))
                .map(SessionReport.PlannedItem::item)
                .findFirst()
                .orElse(report.currentItem());
        model.addAttribute("item", report.finishedAt() == null ? shown : null);
        model.addAttribute(
                "courseTitle",
                Optional.ofNullable(report.courseId())
                        .flatMap(id -> catalog.course(new CourseId(id)))
                        .map(CourseOutline::title)
                        .orElse(""));
        if (report.finishedAt() != null && !planned.isEmpty()) {
            return "practice/report";
        }
        return planned.isEmpty() ? "practice/session" : "practice/exam";
    }
}
