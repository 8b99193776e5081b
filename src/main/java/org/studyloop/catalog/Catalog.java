package org.studyloop.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.studyloop.catalog.store.CourseStore;
import org.studyloop.catalog.store.Ids;
import org.studyloop.catalog.store.ItemAccess;
import org.studyloop.catalog.store.ItemStore;
import org.studyloop.catalog.store.ItemViews;
import org.studyloop.catalog.template.TemplateEngine;
import org.studyloop.classroom.ClassId;
import org.studyloop.classroom.Classroom;
import org.studyloop.identity.Actor;

/**
 * The catalog module's API, for practice, mastery, search and the tutor: courses with their skills
 * graph, items as {@link ItemSnapshot}s with everything grading needs, and template instances.
 * Drafts are invisible here; retired items stay readable by id, since attempts refer to them, but
 * are no longer offered by {@link #itemsForSkills}. Items private to a class are answered by id
 * like any other, but offered by {@link #itemsForSkills} only for their class and shown to people
 * only through {@link #item(Actor, ItemId)}.
 */
@Service
public class Catalog {

    private final CourseStore courses;
    private final ItemStore items;
    private final Classroom classroom;

    Catalog(CourseStore courses, ItemStore items, Classroom classroom) {
        this.courses = courses;
        this.items = items;
        this.classroom = classroom;
    }

    /** The current version of a published (or retired) item, or of a template instance handed out before. */
    @Transactional(readOnly = true)
    public Optional<ItemSnapshot> item(ItemId id) {
        var stored = items.current(id).filter(Catalog::visible);
        if (stored.isPresent()) {
            return stored.map(Catalog::snapshot);
        }
        return templateOf(id)
                .filter(instance -> visible(instance.template()))
                .map(instance -> instance(instance.template(), instance.seed(), id));
    }

    /** A template and a seed an instance id stands for. */
    private record Instance(ItemStore.Stored template, long seed) {}

    /** The template and seed behind an instance id: held in the id, or remembered for an earlier one. */
    private Optional<Instance> templateOf(ItemId id) {
        var named = Ids.instanceOf(id);
        if (named.isPresent()) {
            return items.template(named.get())
                    .filter(t -> t.type() == ItemType.TEMPLATE)
                    .map(template -> new Instance(template, named.get().seed()));
        }
        return items.earlierInstance(id)
                .flatMap(earlier -> items.current(earlier.getKey()).map(t -> new Instance(t, earlier.getValue())));
    }

    /** A given version of an item, as it was published. */
    @Transactional(readOnly = true)
    public Optional<ItemSnapshot> item(ItemId id, int version) {
        return items.version(id, version).filter(Catalog::visible).map(Catalog::snapshot);
    }

    /**
     * The instance of a template for a seed: the same seed always gives the same item, with the id
     * {@code Ids.instance(template, seed)}, which {@link #item(ItemId)} then also answers. The id
     * holds the template and the seed's low 58 bits, which is the seed used, so nothing is written.
     *
     * @throws IllegalArgumentException when the id is not a published template
     */
    @Transactional(readOnly = true)
    public ItemSnapshot instantiate(ItemId templateId, long seed) {
        var template = items.current(templateId)
                .filter(Catalog::visible)
                .filter(t -> t.type() == ItemType.TEMPLATE)
                .orElseThrow(() -> new IllegalArgumentException("no published template " + templateId));
        return instance(template, seed & Ids.SEED_MASK, Ids.instance(templateId, seed));
    }

    /**
     * The public published items (templates included) that practise any of these skills, in a
     * stable order; never an item private to a class.
     */
    @Transactional(readOnly = true)
    public List<ItemId> itemsForSkills(Collection<SkillId> skills) {
        return itemsForSkills(skills, Optional.empty());
    }

    /** As {@link #itemsForSkills(Collection)}, with the items private to the class if one is given. */
    @Transactional(readOnly = true)
    public List<ItemId> itemsForSkills(Collection<SkillId> skills, Optional<ClassId> classId) {
        return skills.isEmpty() ? List.of() : items.publishedFor(List.copyOf(skills), classId.orElse(null));
    }

    /**
     * The item as {@link #item(ItemId)} gives it, if the actor may see it: every public item to anyone
     * signed in; an item private to a class only to the class's teacher and students, authors and
     * administrators.
     */
    @Transactional(readOnly = true)
    public Optional<ItemSnapshot> item(Actor actor, ItemId id) {
        var stored = items.current(id).or(() -> templateOf(id).map(Instance::template));
        if (stored.isEmpty() || !ItemAccess.mayView(classroom, actor, stored.get())) {
            return Optional.empty();
        }
        return item(id);
    }

    /** Each skill's first lesson (its id) by skill, without reading the lessons' bodies. */
    @Transactional(readOnly = true)
    public Map<SkillId, UUID> firstLessons(CourseId id) {
        return courses.firstLessons(id);
    }

    /** The course's lessons in the pack's order. */
    @Transactional(readOnly = true)
    public List<LessonSnapshot> lessons(CourseId id) {
        var course = courses.outline(id);
        if (course.isEmpty()) {
            return List.of();
        }
        return courses.lessons(id, null).stream()
                .map(l -> new LessonSnapshot(
                        l.lessonId(),
                        id,
                        course.get().key(),
                        l.key(),
                        l.skillId(),
                        l.title(),
                        l.body(),
                        course.get().language()))
                .toList();
    }

    /**
     * The course's published items, class-private ones included (with their class) and templates
     * excluded, for indexes; readers must still apply {@link #item(Actor, ItemId)}'s visibility.
     */
    @Transactional(readOnly = true)
    public List<PublishedItem> publishedItems(CourseId id) {
        var courseKey = courses.outline(id).map(CourseOutline::key).orElse("");
        return items.publishedOfCourse(id).stream()
                .filter(stored -> stored.type() != ItemType.TEMPLATE)
                .map(stored -> published(stored, courseKey))
                .toList();
    }

    /** The item with its course, key and class, while it is published and not a template. */
    @Transactional(readOnly = true)
    public Optional<PublishedItem> publishedItem(ItemId id) {
        return items.current(id)
                .filter(stored -> stored.status() == ItemStore.Status.PUBLISHED && stored.type() != ItemType.TEMPLATE)
                .map(stored -> published(
                        stored,
                        courses.outline(stored.courseId())
                                .map(CourseOutline::key)
                                .orElse("")));
    }

    private static PublishedItem published(ItemStore.Stored stored, String courseKey) {
        return new PublishedItem(
                snapshot(stored), stored.courseId(), courseKey, stored.key(), Optional.ofNullable(stored.classId()));
    }

    @Transactional(readOnly = true)
    public Optional<CourseOutline> course(CourseId id) {
        return courses.outline(id);
    }

    /** Every course's id, by title. */
    @Transactional(readOnly = true)
    public List<CourseId> courses() {
        return courses.courses().stream()
                .map(CourseStore.CourseSummary::courseId)
                .toList();
    }

    private static boolean visible(ItemStore.Stored stored) {
        return stored.status() != ItemStore.Status.DRAFT;
    }

    private static ItemSnapshot snapshot(ItemStore.Stored stored) {
        return ItemViews.snapshot(
                stored.itemId(), stored.version(), stored.body(), stored.skillIds(), stored.defaults(), null, null);
    }

    private static ItemSnapshot instance(ItemStore.Stored template, long seed, ItemId id) {
        var produced = TemplateEngine.instantiate(template.body(), seed).item();
        return ItemViews.snapshot(
                id, template.version(), produced, template.skillIds(), template.defaults(), template.itemId(), seed);
    }
}
