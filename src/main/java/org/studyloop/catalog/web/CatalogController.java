package org.studyloop.catalog.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.studyloop.catalog.Catalog;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.SkillId;
import org.studyloop.catalog.store.CourseStore;
import org.studyloop.identity.Actor;
import org.studyloop.shared.ProblemException;

/** The catalog reads of API.md, for any signed-in person: courses, a course's skills graph, lessons, items. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Catalog")
class CatalogController {

    private final Catalog catalog;
    private final CourseStore courses;

    CatalogController(Catalog catalog, CourseStore courses) {
        this.catalog = catalog;
        this.courses = courses;
    }

    record CourseEntry(UUID courseId, String title, String subject, int skillCount, int itemCount) {}

    record SkillView(UUID skillId, String name, List<UUID> prerequisites) {}

    record UnitView(UUID unitId, String title, List<SkillView> skills) {}

    record CourseView(UUID courseId, String title, List<UnitView> units) {}

    record LessonView(
            UUID lessonId,
            String title,
            String body,
            @Nullable String video,
            @Nullable String article,
            @Nullable String pdf) {}

    @GetMapping("/courses")
    List<CourseEntry> courses(Actor actor) {
        return courses.courses().stream()
                .map(c -> new CourseEntry(c.courseId().value(), c.title(), c.subject(), c.skillCount(), c.itemCount()))
                .toList();
    }

    @GetMapping("/courses/{courseId}")
    CourseView course(Actor actor, @PathVariable UUID courseId) {
        var outline = catalog.course(new CourseId(courseId)).orElseThrow(() -> notFound("course"));
        return new CourseView(
                courseId,
                outline.title(),
                outline.units().stream()
                        .map(u -> new UnitView(
                                UUID.fromString(u.unitId()),
                                u.title(),
                                u.skills().stream()
                                        .map(s -> new SkillView(
                                                s.skillId().value(),
                                                s.name(),
                                                s.prerequisites().stream()
                                                        .map(SkillId::value)
                                                        .toList()))
                                        .toList()))
                        .toList());
    }

    @GetMapping("/courses/{courseId}/skills/{skillId}/lessons")
    List<LessonView> lessons(Actor actor, @PathVariable UUID courseId, @PathVariable UUID skillId) {
        var outline = catalog.course(new CourseId(courseId)).orElseThrow(() -> notFound("course"));
        if (outline.skills().stream().noneMatch(s -> s.skillId().value().equals(skillId))) {
            throw notFound("skill");
        }
        return courses.lessons(new CourseId(courseId), new SkillId(skillId)).stream()
                .map(l -> new LessonView(l.lessonId(), l.title(), l.body(), l.video(), l.article(), pdfLink(l)))
                .toList();
    }

    @GetMapping("/items/{itemId}")
    ItemViewResponses.StudentItem item(Actor actor, @PathVariable UUID itemId) {
        return catalog.item(actor, new ItemId(itemId))
                .map(ItemViewResponses.StudentItem::of)
                .orElseThrow(() -> notFound("item"));
    }

    /** A PDF that came in the pack is served by StudyLoop; a link elsewhere is shown as it is. */
    private static @Nullable String pdfLink(CourseStore.Lesson lesson) {
        var pdf = lesson.pdf();
        return pdf == null || pdf.contains("://") ? pdf : "/api/v1/lessons/" + lesson.lessonId() + "/attachment";
    }

    private static ProblemException notFound(String what) {
        return ProblemException.notFound("There is no such " + what + ".");
    }
}
