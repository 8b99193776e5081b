package org.studyloop.tutor.turn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.studyloop.catalog.Catalog;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.CourseOutline;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.ItemSnapshot;
import org.studyloop.catalog.ItemType;
import org.studyloop.catalog.SkillId;
import org.studyloop.search.PassageKind;
import org.studyloop.search.PassageQuery;
import org.studyloop.search.Search;

/**
 * "Give me 5 SAT-style questions on functions": the skills the topic names (by the words of their
 * names, keys and descriptions; else the skills of the lessons search finds for it), within the
 * courses of the exam family named ("SAT", "IELTS", "A-level") or the conversation's course, then
 * that many public published items of those skills, round-robin over the skills, with a template
 * drawn as a fresh instance. Essays are left out: a quiz is graded at once.
 */
@Component
public class PracticeSets {

    private final Catalog catalog;
    private final Search search;

    PracticeSets(Catalog catalog, Search search) {
        this.catalog = catalog;
        this.search = search;
    }

    /** The skills chosen and the items drawn. */
    public record Drawn(List<CourseOutline.Skill> skills, List<ItemSnapshot> items) {}

    public Drawn draw(Diagnosis diagnosis, Optional<CourseId> conversationCourse, long seed) {
        var courses = courses(diagnosis.style(), conversationCourse);
        var skills = skills(diagnosis.topic(), courses);
        if (skills.isEmpty()) {
            return new Drawn(List.of(), List.of());
        }
        var random = new Random(seed);
        var perSkill = new LinkedHashMap<SkillId, List<ItemId>>();
        for (var skill : skills) {
            var ids = new ArrayList<>(catalog.itemsForSkills(List.of(skill.skillId())));
            Collections.shuffle(ids, random);
            perSkill.put(skill.skillId(), ids);
        }
        var items = new ArrayList<ItemSnapshot>();
        var chosen = new java.util.HashSet<ItemId>();
        while (items.size() < diagnosis.count() && perSkill.values().stream().anyMatch(l -> !l.isEmpty())) {
            for (var ids : perSkill.values()) {
                if (ids.isEmpty() || items.size() >= diagnosis.count()) {
                    continue;
                }
                var id = ids.removeFirst();
                if (!chosen.add(id)) {
                    continue;
                }
                catalog.item(id)
                        .map(item -> item.isTemplate() ? catalog.instantiate(id, random.nextLong()) : item)
                        .filter(item -> item.type() != ItemType.ESSAY)
                        .ifPresent(items::add);
            }
        }
        return new Drawn(skills, items);
    }

    private List<CourseOutline> courses(Optional<String> style, Optional<CourseId> conversationCourse) {
        var all = catalog.courses().stream()
                .map(catalog::course)
                .flatMap(Optional::stream)
                .toList();
        if (style.isPresent()) {
            var family = style.get();
            var matching = all.stream()
                    .filter(c ->
                            c.key().replace("-", "").toLowerCase(Locale.ROOT).startsWith(family))
                    .toList();
            if (!matching.isEmpty()) {
                return matching;
            }
        }
        if (conversationCourse.isPresent()) {
            var own = all.stream()
                    .filter(c -> c.courseId().equals(conversationCourse.get()))
                    .toList();
            if (!own.isEmpty()) {
                return own;
            }
        }
        return all;
    }

    private List<CourseOutline.Skill> skills(String topic, List<CourseOutline> courses) {
        var words = Extracts.words(topic);
        words.removeAll(Set.of("sat", "ielt", "level", "style", "exam", "practice", "practise", "some", "more"));
        var scored = courses.stream()
                .flatMap(c -> c.skills().stream())
                .map(s -> new Scored(
                        s,
                        Extracts.overlap(words, s.name() + " " + s.key().replace('-', ' ')) * 2
                                + Extracts.overlap(words, s.description())))
                .filter(s -> s.score() > 0)
                .sorted(Comparator.comparingInt(Scored::score).reversed())
                .toList();
        if (!scored.isEmpty()) {
            var best = scored.getFirst().score();
            return scored.stream()
                    .filter(s -> s.score() * 2 >= best)
                    .limit(4)
                    .map(Scored::skill)
                    .toList();
        }
        var known = courses.stream().flatMap(c -> c.skills().stream()).toList();
        var fromSearch = search.passages(PassageQuery.of(topic, 5).with(PassageQuery.Retriever.HYBRID)).stream()
                .filter(p -> p.kind() == PassageKind.LESSON || p.kind() == PassageKind.ITEM)
                .flatMap(p -> p.skillIds().stream())
                .distinct()
                .toList();
        return known.stream()
                .filter(s -> fromSearch.contains(s.skillId()))
                .limit(3)
                .toList();
    }

    private record Scored(CourseOutline.Skill skill, int score) {}
}
