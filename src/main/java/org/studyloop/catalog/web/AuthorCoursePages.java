package org.studyloop.catalog.web;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.CourseOutline;
import org.studyloop.catalog.ItemType;
import org.studyloop.catalog.SkillId;
import org.studyloop.catalog.store.Authoring;
import org.studyloop.catalog.store.CourseStore;
import org.studyloop.catalog.store.ItemStore;
import org.studyloop.identity.Actor;
import org.studyloop.shared.ProblemException;

/**
 * The author's course tree: the courses an author may edit (every course, for AUTHOR and ADMIN,
 * as {@link Authoring} allows) with their counts, and one course as units, skills with their
 * prerequisites, lessons and items with their status, each item linked to its editors. Items are
 * read through {@link Authoring#list}, the authoring API's query, so drafts and retired items show
 * too; an item practising several skills is listed under its first, which is its main one.
 */
@Controller
class AuthorCoursePages {

    record CourseRow(
            UUID courseId,
            String key,
            String title,
            String subject,
            int skills,
            Map<ItemStore.Status, Integer> items) {}

    record ItemRow(
            UUID itemId,
            String key,
            ItemType type,
            ItemStore.Status status,
            int version,
            boolean classPrivate,
            boolean template) {}

    record SkillNode(
            String key,
            String name,
            String description,
            List<String> prerequisites,
            List<String> lessons,
            List<ItemRow> items) {}

    record UnitNode(String key, String title, List<SkillNode> skills) {}

    private final Authoring authoring;
    private final CourseStore courses;

    AuthorCoursePages(Authoring authoring, CourseStore courses) {
        this.authoring = authoring;
        this.courses = courses;
    }

    @GetMapping("/author/courses")
    String courses(Actor actor, Model model) {
        Authoring.requireAuthor(actor);
        var byCourse = authoring.list(actor, null, null, null, null).stream()
                .collect(Collectors.groupingBy(ItemStore.Stored::courseId));
        model.addAttribute(
                "courses",
                courses.courses().stream()
                        .map(c -> new CourseRow(
                                c.courseId().value(),
                                c.key(),
                                c.title(),
                                c.subject(),
                                c.skillCount(),
                                counts(byCourse.getOrDefault(c.courseId(), List.of()))))
                        .toList());
        model.addAttribute("statuses", ItemStore.Status.values());
        return "catalog/author-courses";
    }

    @GetMapping("/author/courses/{courseId}")
    String course(Actor actor, @PathVariable UUID courseId, Model model) {
        Authoring.requireAuthor(actor);
        var id = new CourseId(courseId);
        var outline = courses.outline(id).orElseThrow(() -> ProblemException.notFound("There is no such course."));
        var names = new HashMap<SkillId, String>();
        outline.skills().forEach(s -> names.put(s.skillId(), s.name()));
        var items = authoring.list(actor, id, null, null, null);
        var itemsBySkill = items.stream()
                .filter(i -> !i.skillIds().isEmpty())
                .sorted(Comparator.comparing(ItemStore.Stored::key))
                .collect(Collectors.groupingBy(i -> i.skillIds().getFirst()));
        var lessonsBySkill = courses.lessons(id, null).stream()
                .collect(Collectors.groupingBy(
                        CourseStore.Lesson::skillId,
                        Collectors.mapping(CourseStore.Lesson::title, Collectors.toList())));
        var units = outline.units().stream()
                .map(unit -> new UnitNode(
                        unit.key(),
                        unit.title(),
                        unit.skills().stream()
                                .map(skill -> skill(skill, names, lessonsBySkill, itemsBySkill))
                                .toList()))
                .toList();
        model.addAttribute("course", outline);
        model.addAttribute("units", units);
        model.addAttribute("counts", counts(items));
        model.addAttribute("statuses", ItemStore.Status.values());
        return "catalog/author-course";
    }

    private static SkillNode skill(
            CourseOutline.Skill skill,
            Map<SkillId, String> names,
            Map<SkillId, List<String>> lessons,
            Map<SkillId, List<ItemStore.Stored>> items) {
        return new SkillNode(
                skill.key(),
                skill.name(),
                skill.description(),
                skill.prerequisites().stream()
                        .map(p -> names.getOrDefault(p, p.toString()))
                        .toList(),
                lessons.getOrDefault(skill.skillId(), List.of()),
                items.getOrDefault(skill.skillId(), List.of()).stream()
                        .map(i -> new ItemRow(
                                i.itemId().value(),
                                i.key(),
                                i.type(),
                                i.status(),
                                i.version(),
                                i.classId() != null,
                                i.type() == ItemType.TEMPLATE))
                        .toList());
    }

    private static Map<ItemStore.Status, Integer> counts(List<ItemStore.Stored> items) {
        var counts = new EnumMap<ItemStore.Status, Integer>(ItemStore.Status.class);
        for (var status : ItemStore.Status.values()) {
            counts.put(status, 0);
        }
        items.forEach(i -> counts.merge(i.status(), 1, Integer::sum));
        return counts;
    }
}
