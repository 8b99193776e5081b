package org.studyloop.catalog.web;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.studyloop.catalog.CourseOutline;
import org.studyloop.catalog.store.CourseStore;
import org.studyloop.identity.Actor;
import org.studyloop.shared.ProblemException;

/**
 * A lesson for a student to read: where it sits (course, unit, skill), its Markdown rendered on the
 * server ({@link LessonMarkdown}) with its TeX typeset in the browser, the course's source and
 * licence, its video, article and PDF, the previous and next lessons of the course in its order, and ways on: adaptive practice of the lesson's skill, a tutor conversation about the course. Lessons are
 * read by anyone signed in, as {@code GET /api/v1/courses/{id}/skills/{id}/lessons} serves them
 * (courses are not private to a class, only some items are); an unknown id is the 404 page.
 */
@Controller
class LessonPage {

    record LessonLink(UUID lessonId, String title) {}

    record Reading(
            UUID lessonId,
            UUID courseId,
            UUID skillId,
            String courseTitle,
            String unitTitle,
            String skillName,
            String title,
            String html,
            @Nullable String source,
            @Nullable String licence,
            @Nullable String video,
            @Nullable String article,
            @Nullable String pdf,
            @Nullable LessonLink previous,
            @Nullable LessonLink next,
            List<LessonLink> contents) {}

    private final CourseStore courses;

    LessonPage(CourseStore courses) {
        this.courses = courses;
    }

    @GetMapping("/lessons/{lessonId}")
    String lesson(Actor actor, @PathVariable UUID lessonId, Model model) {
        var courseId = courses.courseOfLesson(lessonId).orElseThrow(LessonPage::notFound);
        var outline = courses.outline(courseId).orElseThrow(LessonPage::notFound);
        var row = courses.course(courseId).orElseThrow(LessonPage::notFound);
        var lessons = courseOrder(outline, courses.lessons(courseId, null));
        var at = -1;
        for (var i = 0; i < lessons.size(); i++) {
            if (lessons.get(i).lessonId().equals(lessonId)) {
                at = i;
            }
        }
        if (at < 0) {
            throw notFound();
        }
        var lesson = lessons.get(at);
        var unit = outline.units().stream()
                .filter(u -> u.skills().stream().anyMatch(s -> s.skillId().equals(lesson.skillId())))
                .findFirst();
        model.addAttribute(
                "lesson",
                new Reading(
                        lessonId,
                        courseId.value(),
                        lesson.skillId().value(),
                        outline.title(),
                        unit.map(CourseOutline.Unit::title).orElse(""),
                        unit.flatMap(u -> u.skills().stream()
                                        .filter(s -> s.skillId().equals(lesson.skillId()))
                                        .findFirst())
                                .map(CourseOutline.Skill::name)
                                .orElse(""),
                        lesson.title(),
                        LessonMarkdown.html(lesson.body()),
                        blankToNull(row.source()),
                        blankToNull(row.licence()),
                        safe(lesson.video()),
                        safe(lesson.article()),
                        pdf(lesson),
                        at > 0 ? link(lessons.get(at - 1)) : null,
                        at + 1 < lessons.size() ? link(lessons.get(at + 1)) : null,
                        lessons.stream().map(LessonPage::link).toList()));
        return "catalog/lesson";
    }

    /**
     * The lessons in the course's order: by their skill's place in the outline (units, then skills, as
     * the pack lists them), then as the pack lists the lessons. The stored position alone is the order
     * of the pack's lesson files, which for a folder of lessons is alphabetical, not the syllabus.
     */
    static List<CourseStore.Lesson> courseOrder(CourseOutline outline, List<CourseStore.Lesson> lessons) {
        var skills = outline.skills().stream().map(CourseOutline.Skill::skillId).toList();
        return lessons.stream()
                .sorted(Comparator.comparingInt(l -> {
                    var at = skills.indexOf(l.skillId());
                    return at < 0 ? Integer.MAX_VALUE : at;
                }))
                .toList();
    }

    private static LessonLink link(CourseStore.Lesson lesson) {
        return new LessonLink(lesson.lessonId(), lesson.title());
    }

    /** A PDF that came in the pack is served by StudyLoop, as the API links it; a link elsewhere as it is. */
    private static @Nullable String pdf(CourseStore.Lesson lesson) {
        var pdf = lesson.pdf();
        if (pdf == null || pdf.contains("://")) {
            return safe(pdf);
        }
        return "/api/v1/lessons/" + lesson.lessonId() + "/attachment";
    }

    /** Only web links become links: a pack's {@code javascript:} URL must not reach an {@code href}. */
    private static @Nullable String safe(@Nullable String url) {
        return Optional.ofNullable(url)
                .filter(u -> u.startsWith("https://") || u.startsWith("http://"))
                .orElse(null);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("There is no such lesson.");
    }
}
