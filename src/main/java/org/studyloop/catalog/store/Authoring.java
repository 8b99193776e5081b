package org.studyloop.catalog.store;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.ItemPublished;
import org.studyloop.catalog.ItemRetired;
import org.studyloop.catalog.ItemType;
import org.studyloop.catalog.SkillId;
import org.studyloop.catalog.pack.PackParser;
import org.studyloop.classroom.ClassId;
import org.studyloop.classroom.Classroom;
import org.studyloop.identity.Actor;
import org.studyloop.identity.Role;
import org.studyloop.shared.ProblemException;
import org.studyloop.shared.ProblemType;

/**
 * Authors' work on single items. AUTHOR and ADMIN work on every item; a TEACHER works only on items
 * private to a class they teach (see {@link ItemAccess}). A new item is a draft; publishing makes it
 * visible to practice. A published version is never changed: editing a published item writes
 * version n + 1, published at once (so practice never sees a half-edited item), while a draft is
 * edited in place. Retired items stay readable by id for the attempts that refer to them.
 *
 * <p>Refusals follow the access policy: an item the actor may not see is a 404 like a missing one;
 * an item they may see but not change (any public item, for a teacher or a student) is a 403.
 */
@Service
public class Authoring {

    private final ItemStore items;
    private final CourseStore courses;
    private final Classroom classroom;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Authoring(
            ItemStore items, CourseStore courses, Classroom classroom, ApplicationEventPublisher events, Clock clock) {
        this.items = items;
        this.courses = courses;
        this.classroom = classroom;
        this.events = events;
        this.clock = clock;
    }

    public static void requireAuthor(Actor actor) {
        if (!ItemAccess.isAuthor(actor)) {
            throw forbidden();
        }
    }

    /** Authors, administrators and teachers (who author items for their classes); 403 for everyone else. */
    public static void requireAuthorOrTeacher(Actor actor) {
        if (!ItemAccess.isAuthor(actor) && !actor.has(Role.TEACHER)) {
            throw forbidden();
        }
    }

    /**
     * A new draft item of the course, private to the class if one is given. A teacher must give a
     * class they teach: without one it is a 403, with a class they do not teach a 404.
     */
    @Transactional
    public ItemStore.Stored create(Actor actor, CourseId courseId, @Nullable ClassId classId, String item) {
        requireAuthorOrTeacher(actor);
        if (!ItemAccess.isAuthor(actor)) {
            if (classId == null) {
                throw new ProblemException(
                        ProblemType.FORBIDDEN, "Teachers may only create items private to a class they teach.");
            }
            if (!classroom.teaches(actor.userId(), classId)) {
                throw ProblemException.notFound("There is no such class, or it is not yours.");
            }
        }
        var course = courses.course(courseId).orElseThrow(() -> ProblemException.invalid("courseId", "no such course"));
        var parsed = PackParser.item("item", item);
        var id = Ids.item(course.key(), parsed.key());
        if (items.current(id).isPresent()) {
            throw new ProblemException(
                    ProblemType.CONFLICT, "The course already has an item with the key " + parsed.key() + ".");
        }
        var skills = skills(course, parsed.skills());
        var now = clock.instant();
        items.insertHead(id, courseId, classId, parsed.key(), parsed.type(), ItemStore.Status.DRAFT, now);
        items.writeVersion(id, 1, parsed.type(), ItemStore.Status.DRAFT, normalised(parsed.body()), skills, now);
        return items.current(id).orElseThrow();
    }

    @Transactional
    public ItemStore.Stored edit(Actor actor, ItemId id, String item) {
        var current = authored(actor, id);
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
        var current = authored(actor, id);
        if (current.status() != ItemStore.Status.PUBLISHED) {
            items.setStatus(id, ItemStore.Status.PUBLISHED, clock.instant());
            events.publishEvent(new ItemPublished(id, current.currentVersion(), current.skillIds()));
        }
        return items.current(id).orElseThrow();
    }

    @Transactional
    public ItemStore.Stored retire(Actor actor, ItemId id) {
        var current = authored(actor, id);
        items.setStatus(id, ItemStore.Status.RETIRED, clock.instant());
        if (current.status() != ItemStore.Status.RETIRED) {
            events.publishEvent(new ItemRetired(id));
        }
        return items.current(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public ItemStore.Stored view(Actor actor, ItemId id) {
        return authored(actor, id);
    }

    /** Every item for authors and administrators; for a teacher, the items of the classes they teach. */
    @Transactional(readOnly = true)
    public List<ItemStore.Stored> list(
            Actor actor,
            @Nullable CourseId course,
            @Nullable SkillId skill,
            @Nullable ItemType type,
            ItemStore.@Nullable Status status) {
        requireAuthorOrTeacher(actor);
        if (ItemAccess.isAuthor(actor)) {
            return items.list(course, skill, type, status, false);
        }
        var taught = new HashMap<ClassId, Boolean>();
        return items.list(course, skill, type, status, true).stream()
                .filter(i -> taught.computeIfAbsent(
                        Objects.requireNonNull(i.classId()), c -> classroom.teaches(actor.userId(), c)))
                .toList();
    }

    /** The item, if the actor may change it; else 404 when they may not see it, 403 when they may. */
    private ItemStore.Stored authored(Actor actor, ItemId id) {
        var current = items.current(id)
                .filter(i -> ItemAccess.mayView(classroom, actor, i))
                .orElseThrow(() -> ProblemException.notFound("There is no item " + id + "."));
        if (!ItemAccess.mayAuthor(classroom, actor, current)) {
            throw forbidden();
        }
        return current;
    }

    private static ProblemException forbidden() {
        return new ProblemException(
                ProblemType.FORBIDDEN,
                "Only authors and administrators, or teachers for items private to their classes, may do this.");
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
