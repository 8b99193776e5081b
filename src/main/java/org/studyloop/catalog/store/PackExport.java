package org.studyloop.catalog.store;

import java.util.HashMap;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.pack.Pack;

/**
 * A stored course as a pack, for {@code export-pack} and the authoring download: the current
 * version of every item that is not retired. Importing the export gives the same course.
 */
@Service
public class PackExport {

    private final CourseStore courses;
    private final ItemStore items;

    private final LessonAttachments attachments;

    PackExport(CourseStore courses, ItemStore items, LessonAttachments attachments) {
        this.courses = courses;
        this.items = items;
        this.attachments = attachments;
    }

    @Transactional(readOnly = true)
    public Optional<Pack> pack(CourseId courseId) {
        var row = courses.course(courseId);
        var outline = courses.outline(courseId);
        if (row.isEmpty() || outline.isEmpty()) {
            return Optional.empty();
        }
        var course = row.get();
        var skillKeys = new HashMap<UUID, String>();
        outline.get().skills().forEach(s -> skillKeys.put(s.skillId().value(), s.key()));
        var units = outline.get().units().stream()
                .map(u -> new Pack.Unit(u.key(), u.title()))
                .toList();
        var skills = outline.get().units().stream()
                .flatMap(u -> u.skills().stream()
                        .map(s -> new Pack.Skill(
                                s.key(),
                                u.key(),
                                s.name(),
                                s.description(),
                                s.prerequisites().stream()
                                        .map(p -> skillKeys.get(p.value()))
                                        .toList())))
                .toList();
        var lessons = courses.lessons(courseId, null).stream()
                .map(l -> new Pack.Lesson(
                        l.key(),
                        skillKeys.get(l.skillId().value()),
                        l.title(),
                        l.video(),
                        l.article(),
                        l.pdf(),
                        l.body()))
                .toList();
        var packItems = items.currentOfCourse(courseId).stream()
                .map(i -> new Pack.Item(
                        i.key(),
                        i.type(),
                        i.skillIds().stream().map(s -> skillKeys.get(s.value())).toList(),
                        i.body()))
                .toList();
        return Optional.of(new Pack(
                new Pack.Course(
                        course.key(),
                        course.title(),
                        course.subject(),
                        course.language(),
                        course.description(),
                        course.source(),
                        course.licence(),
                        course.packVersion(),
                        units),
                skills,
                lessons,
                packItems,
                attachments.ofCourse(courseId)));
    }

    public Optional<CourseId> courseByKey(String key) {
        return courses.courses().stream()
                .filter(c -> c.key().equals(key))
                .map(CourseStore.CourseSummary::courseId)
                .findFirst();
    }
}
