package org.studyloop.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.studyloop.catalog.store.CourseStore;
import org.studyloop.catalog.store.Ids;
import org.studyloop.catalog.store.ItemStore;
import org.studyloop.catalog.store.ItemViews;
import org.studyloop.catalog.template.TemplateEngine;

/**
 * The catalog module's API, for practice, mastery, search and the tutor: courses with their skills
 * graph, items as {@link ItemSnapshot}s with everything grading needs, and template instances.
 * Drafts are invisible here; retired items stay readable by id, since attempts refer to them, but
 * are no longer offered by {@link #itemsForSkills}.
 */
@Service
public class Catalog {

    private final CourseStore courses;
    private final ItemStore items;

    Catalog(CourseStore courses, ItemStore items) {
        this.courses = courses;
        this.items = items;
    }

    /** The current version of a published (or retired) item, or of a template instance handed out before. */
    @Transactional(readOnly = true)
    public Optional<ItemSnapshot> item(ItemId id) {
        var stored = items.current(id).filter(Catalog::visible);
        if (stored.isPresent()) {
            return stored.map(Catalog::snapshot);
        }
        return items.instance(id)
                .flatMap(instance -> items.current(instance.getKey())
                        .filter(Catalog::visible)
                        .map(template -> instance(template, instance.getValue())));
    }

    /** A given version of an item, as it was published. */
    @Transactional(readOnly = true)
    public Optional<ItemSnapshot> item(ItemId id, int version) {
        return items.version(id, version).filter(Catalog::visible).map(Catalog::snapshot);
    }

    /**
     * The instance of a template for a seed: the same seed always gives the same item, with the id
     * {@code Ids.instance(template, seed)}, which {@link #item(ItemId)} then also answers.
     *
     * @throws IllegalArgumentException when the id is not a published template
     */
    @Transactional
    public ItemSnapshot instantiate(ItemId templateId, long seed) {
        var template = items.current(templateId)
                .filter(Catalog::visible)
                .filter(t -> t.type() == ItemType.TEMPLATE)
                .orElseThrow(() -> new IllegalArgumentException("no published template " + templateId));
        items.rememberInstance(Ids.instance(templateId, seed), templateId, seed);
        return instance(template, seed);
    }

    /** The published items (templates included) that practise any of these skills, in a stable order. */
    @Transactional(readOnly = true)
    public List<ItemId> itemsForSkills(Collection<SkillId> skills) {
        return skills.isEmpty() ? List.of() : items.publishedFor(List.copyOf(skills));
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

    private static ItemSnapshot instance(ItemStore.Stored template, long seed) {
        var produced = TemplateEngine.instantiate(template.body(), seed).item();
        return ItemViews.snapshot(
                Ids.instance(template.itemId(), seed),
                template.version(),
                produced,
                template.skillIds(),
                template.defaults(),
                template.itemId(),
                seed);
    }
}
