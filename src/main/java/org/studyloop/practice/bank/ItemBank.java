package org.studyloop.practice.bank;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.studyloop.catalog.Catalog;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.CourseOutline;
import org.studyloop.catalog.CoursePublished;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.ItemPublished;
import org.studyloop.catalog.ItemSnapshot;
import org.studyloop.catalog.SkillId;

/**
 * The catalog as the answer loop reads it: item snapshots, each course's skills in prerequisite
 * order and each skill's items, held in memory so that an answer costs no catalog query (the
 * issue's benchmark note: "keep per-course item metadata in memory where that removes SQL from the
 * loop"). Entries are dropped when the catalog publishes a change, and expire after ten minutes
 * in any case, which bounds staleness when another instance published the change.
 */
@Component
public class ItemBank {

    private static final Duration TIME_TO_LIVE = Duration.ofMinutes(10);

    private final Catalog catalog;
    private final Cache<ItemId, Optional<ItemSnapshot>> items = Caffeine.newBuilder()
            .maximumSize(50_000)
            .expireAfterWrite(TIME_TO_LIVE)
            .build();
    private final Cache<SkillId, List<ItemId>> skillItems = Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfterWrite(TIME_TO_LIVE)
            .build();
    private final Cache<CourseId, Optional<Course>> courses = Caffeine.newBuilder()
            .maximumSize(1_000)
            .expireAfterWrite(TIME_TO_LIVE)
            .build();

    ItemBank(Catalog catalog) {
        this.catalog = catalog;
    }

    /** A course's skills in prerequisite order, and which skills each one builds on. */
    public record Course(CourseOutline outline, List<SkillId> skillOrder, Map<SkillId, List<SkillId>> prerequisites) {}

    public Optional<ItemSnapshot> item(ItemId id) {
        return items.get(id, catalog::item);
    }

    /** A template's instance for a seed; the catalog remembers it, so it can be graded later. */
    public ItemSnapshot instance(ItemId templateId, long seed) {
        var instance = catalog.instantiate(templateId, seed);
        items.put(instance.itemId(), Optional.of(instance));
        return instance;
    }

    public Optional<Course> course(CourseId id) {
        return courses.get(id, key -> catalog.course(key).map(ItemBank::ordered));
    }

    /** The published public items of a skill, templates included, in the catalog's stable order. */
    public List<ItemId> itemsOf(SkillId skill) {
        return skillItems.get(skill, key -> catalog.itemsForSkills(List.of(key)));
    }

    /** The items of these skills, skill by skill, each item once (under its first skill here). */
    public List<ItemId> itemsOf(List<SkillId> skills) {
        var all = new LinkedHashSet<ItemId>();
        skills.forEach(skill -> all.addAll(itemsOf(skill)));
        return List.copyOf(all);
    }

    @ApplicationModuleListener
    void on(ItemPublished event) {
        items.invalidate(event.itemId());
        skillItems.invalidateAll(event.skillIds());
    }

    @ApplicationModuleListener
    void on(CoursePublished event) {
        courses.invalidateAll();
        skillItems.invalidateAll();
        items.invalidateAll();
    }

    /**
     * The outline's skills in a topological order of the prerequisite graph (Kahn's algorithm, A.
     * B. Kahn, "Topological sorting of large networks", CACM 5(11), 1962), ties broken by the
     * pack's order so that authors control the sequence; the catalog rejects cycles on import.
     */
    static Course ordered(CourseOutline outline) {
        var skills = outline.skills();
        var inCourse = new LinkedHashMap<SkillId, List<SkillId>>();
        skills.forEach(s -> inCourse.put(s.skillId(), s.prerequisites()));
        var placed = new LinkedHashSet<SkillId>();
        while (placed.size() < skills.size()) {
            var before = placed.size();
            for (var skill : skills) {
                if (!placed.contains(skill.skillId())
                        && skill.prerequisites().stream()
                                .filter(inCourse::containsKey)
                                .allMatch(placed::contains)) {
                    placed.add(skill.skillId());
                    break;
                }
            }
            if (placed.size() == before) {
                skills.forEach(s -> placed.add(s.skillId()));
            }
        }
        return new Course(outline, List.copyOf(placed), Map.copyOf(inCourse));
    }

    /** The skills of a course among those given, in the course's prerequisite order. */
    public static List<SkillId> inOrder(Course course, Set<SkillId> wanted) {
        var ordered = new ArrayList<SkillId>();
        course.skillOrder().stream().filter(wanted::contains).forEach(ordered::add);
        return ordered;
    }
}
