package org.studyloop.mastery.advice;

import static org.studyloop.mastery.advice.Recommendations.percent;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.studyloop.catalog.Catalog;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.PublishedItem;
import org.studyloop.catalog.SkillId;
import org.studyloop.classroom.Classroom;
import org.studyloop.identity.UserId;
import org.studyloop.mastery.advice.Recommendations.Kind;
import org.studyloop.mastery.advice.Recommendations.Recommendation;

/**
 * "Students like you": items the student has not seen that are most similar ({@link
 * ItemSimilarity}) to the items they got wrong most recently, over the answers of the students who
 * answered those items too (at most {@value #PEERS}, the most recent). Only published items of the
 * student's courses that they may practise (public, or private to one of their classes).
 */
@Component
class CohortItems {

    static final int SEEDS = 10;
    static final int PEERS = 500;
    static final int MIN_SUPPORT = 2;

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final Classroom classroom;

    CohortItems(JdbcClient jdbc, Catalog catalog, Classroom classroom) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.classroom = classroom;
    }

    List<Recommendation> of(UserId student, Skills skills) {
        var seen = new HashSet<UUID>();
        var seeds = new LinkedHashSet<UUID>();
        jdbc.sql(
                        "select item_id, correct from mastery.evidence where student_id = ? order by answered_at desc, id desc")
                .param(student.value())
                .query((rs, n) -> {
                    var item = rs.getObject("item_id", UUID.class);
                    seen.add(item);
                    if (!rs.getBoolean("correct") && seeds.size() < SEEDS) {
                        seeds.add(item);
                    }
                    return item;
                })
                .list();
        if (seeds.isEmpty()) {
            return List.of();
        }
        var answers = new HashMap<UUID, Map<UUID, Double>>();
        jdbc.sql("""
                        with peers as (
                            select student_id from mastery.evidence
                            where item_id = any(?::uuid[]) and student_id <> ?
                            group by student_id order by max(answered_at) desc limit ?)
                        select e.student_id, e.item_id, avg(case when e.correct then 1.0 else -1.0 end) as v
                        from mastery.evidence e join peers p using (student_id)
                        group by e.student_id, e.item_id""")
                .params(array(seeds), student.value(), PEERS)
                .query((rs, n) -> answers.computeIfAbsent(rs.getObject("student_id", UUID.class), k -> new HashMap<>())
                        .put(rs.getObject("item_id", UUID.class), rs.getDouble("v")))
                .list();
        var classes = new HashSet<>(classroom.classesOf(student));
        var result = new java.util.ArrayList<Recommendation>();
        for (var n : ItemSimilarity.neighbours(answers, seeds, seen, MIN_SUPPORT, 50)) {
            var item = catalog.publishedItem(new ItemId(n.item()))
                    .filter(p -> p.classId().map(classes::contains).orElse(true));
            var skill = item.flatMap(p -> p.item().skillIds().stream()
                    .filter(s -> skills.masteryOf().containsKey(s))
                    .findFirst());
            if (skill.isEmpty()) {
                continue;
            }
            var skillName = skills.name(skill.get());
            result.add(new Recommendation(
                    Kind.ITEM,
                    n.item(),
                    skillName + ": " + excerpt(item.get()),
                    reason(n, skill.get(), skills),
                    Recommendations.Phrase.of("recommendation.title.item", skillName, excerpt(item.get())),
                    Recommendations.Phrase.of(
                            "recommendation.reason.item",
                            n.support(),
                            seedSkill(n, skills),
                            n.similarity(),
                            skillName,
                            Recommendations.wholePercent(skills.mastery(skill.get())))));
            if (result.size() >= Recommendations.PER_KIND) {
                break;
            }
        }
        return result;
    }

    private String seedSkill(ItemSimilarity.Neighbour<UUID> n, Skills skills) {
        return catalog.item(new ItemId(n.nearestSeed()))
                .flatMap(i -> i.skillIds().stream().findFirst())
                .map(skills::name)
                .orElse("a skill");
    }

    private String reason(ItemSimilarity.Neighbour<UUID> n, SkillId skill, Skills skills) {
        var seedSkill = seedSkill(n, skills);
        return String.format(
                Locale.ROOT,
                "Students like you: %d students who answered an item of %s that you missed also practised this one,"
                        + " with results that go together (similarity %.2f); it works on %s, where your mastery is %s.",
                n.support(),
                seedSkill,
                n.similarity(),
                skills.name(skill),
                percent(skills.mastery(skill)));
    }

    /** The item's stem on one line, cut at 80 characters. */
    private static String excerpt(PublishedItem item) {
        var stem = item.item().stem().replaceAll("\\s+", " ").strip();
        return stem.length() > 80 ? stem.substring(0, 79) + "…" : stem;
    }

    private static String array(java.util.Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }
}
