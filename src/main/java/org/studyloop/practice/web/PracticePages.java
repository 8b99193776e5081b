package org.studyloop.practice.web;

import java.util.List;
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
import org.studyloop.identity.Actor;
import org.studyloop.practice.SessionId;
import org.studyloop.practice.SessionMode;
import org.studyloop.practice.session.Reports;
import org.studyloop.practice.session.SessionStarts;
import org.studyloop.practice.session.Start;
import org.studyloop.shared.ProblemException;

/**
 * The practice pages: choose a course and start an adaptive session (or a review of what is due),
 * then the session's page with its current item. Answers and hints go through {@link AnswerFragments}
 * without reloading the page.
 */
@Controller
class PracticePages {

    private final Catalog catalog;
    private final SessionStarts starts;
    private final Reports reports;

    PracticePages(Catalog catalog, SessionStarts starts, Reports reports) {
        this.catalog = catalog;
        this.starts = starts;
        this.reports = reports;
    }

    record CourseChoice(UUID courseId, String title, String subject, int skills) {}

    @GetMapping("/practice")
    String choose(Model model) {
        model.addAttribute(
                "courses",
                catalog.courses().stream()
                        .flatMap(id -> catalog.course(id).stream())
                        .map(c -> new CourseChoice(
                                c.courseId().value(),
                                c.title(),
                                c.subject(),
                                c.skills().size()))
                        .toList());
        return "practice/choose";
    }

    @PostMapping("/practice/sessions")
    String start(
            Actor actor,
            @RequestParam(defaultValue = "ADAPTIVE") String mode,
            @RequestParam(required = false) @Nullable UUID courseId) {
        var chosen = switch (mode) {
            case "ADAPTIVE" -> SessionMode.ADAPTIVE;
            case "REVIEW" -> SessionMode.REVIEW;
            default -> throw ProblemException.invalid("mode", "must be ADAPTIVE or REVIEW");
        };
        if (chosen == SessionMode.ADAPTIVE && courseId == null) {
            throw ProblemException.invalid("courseId", "must be given for adaptive practice");
        }
        var course = chosen == SessionMode.ADAPTIVE ? Optional.of(new CourseId(courseId)) : Optional.<CourseId>empty();
        var started = starts.start(
                actor,
                new Start(chosen, course, List.of(), Optional.empty(), List.of(), Optional.empty(), Optional.empty()));
        return "redirect:/practice/sessions/" + started.sessionId();
    }

    @GetMapping("/practice/sessions/{sessionId}")
    String session(Actor actor, @PathVariable UUID sessionId, Model model) {
        var report = reports.read(actor, new SessionId(sessionId));
        model.addAttribute("sessionId", sessionId);
        model.addAttribute("item", report.currentItem());
        model.addAttribute("answered", report.answered());
        model.addAttribute(
                "courseTitle",
                Optional.ofNullable(report.courseId())
                        .flatMap(id -> catalog.course(new CourseId(id)))
                        .map(CourseOutline::title)
                        .orElse(""));
        return "practice/session";
    }
}
