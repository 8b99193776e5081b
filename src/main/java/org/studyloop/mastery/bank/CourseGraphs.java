package org.studyloop.mastery.bank;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.studyloop.catalog.Catalog;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.CourseOutline;
import org.studyloop.catalog.CoursePublished;
import org.studyloop.catalog.SkillId;

/**
 * Courses' skill graphs in memory: each skill's prerequisites in the course, a prerequisite order,
 * how many skills depend on each (directly or through others) and the skills' names; and a
 * directory of every skill of every course, for the learner model's endpoints.
 */
@Component
public class CourseGraphs {

    private static final Duration TIME_TO_LIVE = Duration.ofMinutes(10);

    /**
     * A course's skills graph.
     *
     * @param order the skills in a prerequisite order (Kahn's algorithm, A. B. Kahn, CACM 5(11),
     *     1962), ties broken by the pack's order
     * @param prerequisites each skill's direct prerequisites within the course
     * @param dependents how many skills of the course build on each, directly or through others
     */
    public record Graph(
            CourseOutline outline,
            List<SkillId> order,
            Map<SkillId, List<SkillId>> prerequisites,
            Map<SkillId, Integer> dependents,
            Map<SkillId, String> names) {

        public List<SkillId> prerequisitesOf(SkillId skill) {
            return prerequisites.getOrDefault(skill, List.of());
        }

        public int dependentsOf(SkillId skill) {
            return dependents.getOrDefault(skill, 0);
        }
    }

    /** A skill's name and the course it belongs to. */
    public record SkillEntry(SkillId skillId, String name, CourseId courseId) {}

    private final Catalog catalog;
    private final Cache<CourseId, Optional<Graph>> graphs = Caffeine.newBuilder()
            .maximumSize(1_000)
            .expireAfterWrite(TIME_TO_LIVE)
            .build();
    private final Cache<String, Map<SkillId, SkillEntry>> directory =
            Caffeine.newBuilder().expireAfterWrite(TIME_TO_LIVE).build();

    CourseGraphs(Catalog catalog) {
        this.catalog = catalog;
    }

    public Optional<Graph> course(CourseId id) {
        return graphs.get(id, key -> catalog.course(key).map(CourseGraphs::graph));
    }

    /** Every skill of every course, by id, course by course in prerequisite order. */
    public Map<SkillId, SkillEntry> skills() {
        return directory.get("all", key -> {
            var all = new LinkedHashMap<SkillId, SkillEntry>();
            for (var courseId : catalog.courses()) {
                course(courseId)
                        .ifPresent(g -> g.order()
                                .forEach(skill -> all.putIfAbsent(
                                        skill, new SkillEntry(skill, g.names().get(skill), courseId))));
            }
            return Collections.unmodifiableMap(all);
        });
    }

    static Graph graph(CourseOutline outline) {
        var prerequisites = new LinkedHashMap<SkillId, List<SkillId>>();
        var names = new LinkedHashMap<SkillId, String>();
        outline.skills().forEach(s -> names.put(s.skillId(), s.name()));
        outline.skills()
                .forEach(s -> prerequisites.put(
                        s.skillId(),
                        s.prerequisites().stream().filter(names::containsKey).toList()));
        var order = new LinkedHashSet<SkillId>();
        while (order.size() < prerequisites.size()) {
            int before = order.size();
            for (var entry : prerequisites.entrySet()) {
                if (!order.contains(entry.getKey()) && order.containsAll(entry.getValue())) {
                    order.add(entry.getKey());
                    break;
                }
            }
            if (order.size() == before) { // a cycle: the catalog rejects them, but never loop
                order.addAll(prerequisites.keySet());
            }
        }
        var dependents = new HashMap<SkillId, Integer>();
        var children = new HashMap<SkillId, List<SkillId>>();
        prerequisites.forEach((skill, pre) -> pre.forEach(p ->
                children.computeIfAbsent(p, k -> new java.util.ArrayList<>()).add(skill)));
        for (var skill : prerequisites.keySet()) {
            var reached = new HashSet<SkillId>();
            var queue = new ArrayDeque<>(children.getOrDefault(skill, List.of()));
            while (!queue.isEmpty()) {
                var next = queue.poll();
                if (reached.add(next)) {
                    queue.addAll(children.getOrDefault(next, List.of()));
                }
            }
            reached.remove(skill);
            dependents.put(skill, reached.size());
        }
        return new Graph(
                outline, List.copyOf(order), Map.copyOf(prerequisites), Map.copyOf(dependents), Map.copyOf(names));
    }

    @ApplicationModuleListener
    void on(CoursePublished event) {
        graphs.invalidateAll();
        directory.invalidateAll();
    }
}
