package org.studyloop.catalog.store;

import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.ItemPublished;
import org.studyloop.catalog.ItemType;
import org.studyloop.catalog.SkillId;
import org.studyloop.catalog.pack.PackParser;
import org.studyloop.identity.Actor;
import org.studyloop.identity.Role;
import org.studyloop.shared.ProblemException;
import org.studyloop.shared.ProblemType;

/**
 * Authors' work on single items, for AUTHOR and ADMIN only. A new item is a draft; publishing
 * makes it visible to practice. A published version is never changed: editing a published item
 * writes version n + 1, published at once (so practice never sees a half-edited item), while a
 * draft is edited in place. Retired items stay readable by id for the attempts that refer to them.
 */
@Service
public class Authoring {

    private final ItemStore items;
    private final CourseStore courses;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Authoring(ItemStore items, CourseStore courses, ApplicationEventPublisher events, Clock clock) {
        this.items = items;
        this.courses = courses;
        this.events = events;
        this.clock = clock;
    }

    public static void requireAuthor(Actor actor) {
        if (!actor.has(Role.AUTHOR) && !actor.isAdmin()) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only authors and administrators may do this.");
        }
    }

    @Transactional
    public ItemStore.Stored create(Actor actor, CourseId courseId, String item) {
        requireAuthor(actor);
        var course = courses.course(courseId).orElseThrow(() -> ProblemException.invalid("courseId", "no such course"));
        var parsed = PackParser.item("item", item);
        var id = Ids.item(course.key(), parsed.key());
        if (items.current(id).isPresent()) {
            throw new ProblemException(
                    ProblemType.CONFLICT, "The course already has an item with the key " + parsed.key() + ".");
        }
        var skills = skills(course, parsed.skills());
        var now = clock.instant();
        items.insertHead(id, courseId, parsed.key(), parsed.type(), ItemStore.Status.DRAFT, now);
        items.writeVersion(id, 1, parsed.type(), ItemStore.Status.DRAFT, normalised(parsed.body()), skills, now);
        return items.current(id).orElseThrow();
    }

    @Transactional
    public ItemStore.Stored edit(Actor actor, ItemId id, String item) {
        requireAuthor(actor);
        var current = found(id);
        var course = courses.course(current.courseId()).orElseThrow();
        var parsed = PackParser.item("item", item);
        if (!parsed.key().equals(current.key())) {
            throw ProblemException.invalid("key", "an item's key cannot change");
        }
        var skills = skills(course, parsed.skills());
        var body = normalised(parsed.body());
        switch (current.status()) {
            case DRAFT ->
                items.writeVersion(
                        id,
                        current.currentVersion(),
                        parsed.type(),
                        ItemStore.Status.DRAFT,
                        body,
                        skills,
                        clock.instant());
            case PUBLISHED -> {
                var version = current.currentVersion() + 1;
                items.writeVersion(
                        id, version, parsed.type(), ItemStore.Status.PUBLISHED, body, skills, clock.instant());
                events.publishEvent(new ItemPublished(id, version, skills));
            }
            case RETIRED -> throw new ProblemException(ProblemType.CONFLICT, "A retired item cannot be edited.");
        }
        return items.current(id).orElseThrow();
    }

    @Transactional
    public ItemStore.Stored publish(Actor actor, ItemId id) {
        requireAuthor(actor);
        var current = found(id);
        if (current.status() != ItemStore.Status.PUBLISHED) {
            items.setStatus(id, ItemStore.Status.PUBLISHED, clock.instant());
            events.publishEvent(new ItemPublished(id, current.currentVersion(), current.skillIds()));
        }
        return items.current(id).orElseThrow();
    }

    @Transactional
    public ItemStore.Stored retire(Actor actor, ItemId id) {
        requireAuthor(actor);
        found(id);
        items.setStatus(id, ItemStore.Status.RETIRED, clock.instant());
        return items.current(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public ItemStore.Stored view(Actor actor, ItemId id) {
        requireAuthor(actor);
        return found(id);
    }

    @Transactional(readOnly = true)
    public List<ItemStore.Stored> list(
            Actor actor,
            @Nullable CourseId course,
            @Nullable SkillId skill,
            @Nullable ItemType type,
            ItemStore.@Nullable Status status) {
        requireAuthor(actor);
        return items.list(course, skill, type, status);
    }

    private ItemStore.Stored found(ItemId id) {
        return items.current(id).orElseThrow(() -> ProblemException.notFound("There is no item " + id + "."));
    }

    private List<SkillId> skills(CourseStore.CourseRow course, List<String> keys) {
        var known = courses.outline(course.courseId()).orElseThrow().skills().stream()
                .map(s -> s.key())
                .toList();
        for (var key : keys) {
            if (!known.contains(key)) {
                throw ProblemException.invalid("skills", "the skill '" + key + "' does not exist in this course");
            }
        }
        return keys.stream().map(k -> Ids.skill(course.key(), k)).toList();
    }

    private static java.util.Map<String, Object> normalised(java.util.Map<String, Object> body) {
        return ItemViews.parse(ItemViews.json(body));
    }
}
