package org.studyloop.mastery.advice;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.studyloop.catalog.Catalog;
import org.studyloop.catalog.SkillId;
import org.studyloop.identity.UserId;
import org.studyloop.mastery.bank.CourseGraphs;
import org.studyloop.mastery.bank.StudentCourses;
import org.studyloop.mastery.online.LearnerStore;
import org.studyloop.mastery.online.MasteryProperties;
import org.studyloop.mastery.online.ModelParameters;

/**
 * A student's recommendations, ranked by taking the best of each kind in turn (skill, lesson, item)
 * so that the top of the list offers a choice: next skills on the "ready to learn" frontier —
 * every prerequisite mastered, the skill not yet (mastery learning, Bloom 1968; the knowledge-space
 * "outer fringe", Falmagne and Doignon 2011) — lessons for the weakest skills, and items from
 * {@link CohortItems}. A student without answers gets the courses' first frontier skills and their
 * lessons. Mastery is the mastery endpoint's: the model's, as of now; 0 for a skill without evidence.
 */
@Component
public class Recommendations {

    public enum Kind {
        SKILL,
        LESSON,
        ITEM
    }

    /**
     * A recommendation. {@code title} and {@code reason} are the API's words (English, API.md);
     * {@code pageTitle} and {@code pageReason} are the same in any language: a key of the pages'
     * message bundle with its arguments, names and figures kept as data.
     */
    public record Recommendation(
            Kind kind, java.util.UUID id, String title, String reason, Phrase pageTitle, Phrase pageReason) {}

    /**
     * Words a page renders in its own language: a key of {@code i18n/messages} and its arguments,
     * each a name, a number, or a list of phrases (shown joined by commas).
     */
    public record Phrase(String key, List<Object> args) {

        public Phrase {
            args = List.copyOf(args);
        }

        static Phrase of(String key, Object... args) {
            return new Phrase(key, List.of(args));
        }
    }

    static final int PER_KIND = 5;

    private final LearnerStore store;
    private final ModelParameters parameters;
    private final StudentCourses studentCourses;
    private final CourseGraphs graphs;
    private final Catalog catalog;
    private final CohortItems cohortItems;
    private final MasteryProperties properties;
    private final Clock clock;

    Recommendations(
            LearnerStore store,
            ModelParameters parameters,
            StudentCourses studentCourses,
            CourseGraphs graphs,
            Catalog catalog,
            CohortItems cohortItems,
            MasteryProperties properties,
            Clock clock) {
        this.store = store;
        this.parameters = parameters;
        this.studentCourses = studentCourses;
        this.graphs = graphs;
        this.catalog = catalog;
        this.cohortItems = cohortItems;
        this.properties = properties;
        this.clock = clock;
    }

    public List<Recommendation> of(UserId student) {
        var snapshot = store.load(student, false);
        var version = parameters.current();
        long now = clock.instant().getEpochSecond();
        var courses = studentCourses.of(student, snapshot.skills().keySet());
        if (courses.isEmpty()) {
            courses = catalog.courses().stream()
                    .map(graphs::course)
                    .flatMap(Optional::stream)
                    .toList();
        }
        var mastery = new LinkedHashMap<SkillId, Double>();
        for (var g : courses) {
            for (var skill : g.order()) {
                var trace = snapshot.trace(skill);
                mastery.putIfAbsent(
                        skill,
                        trace.answers() == 0
                                ? 0.0
                                : version.model().mastery(snapshot.learner(), trace, version.easiness(skill), now));
            }
        }
        var skills = new Skills(courses, mastery, snapshot, properties.masteryThreshold());
        var frontier = frontier(skills);
        var lessons = lessons(skills, frontier);
        var items = cohortItems.of(student, skills);
        return interleave(List.of(frontier, lessons, items));
    }

    /** The frontier: skills not mastered whose prerequisites all are, in each course's prerequisite order. */
    private List<Recommendation> frontier(Skills skills) {
        var result = new ArrayList<Recommendation>();
        var seen = new HashSet<SkillId>();
        for (var g : skills.courses()) {
            int ofCourse = 0;
            for (var skill : g.order()) {
                if (skills.mastered(skill)
                        || !g.prerequisitesOf(skill).stream().allMatch(skills::mastered)
                        || !seen.add(skill)
                        || ofCourse >= 3) {
                    continue;
                }
                ofCourse++;
                var name = g.names().get(skill);
                result.add(new Recommendation(
                        Kind.SKILL,
                        skill.value(),
                        name,
                        skills.frontierReason(g, skill),
                        Phrase.of("recommendation.title.skill", name),
                        skills.frontierPhrase(g, skill)));
            }
        }
        return result.size() > PER_KIND ? List.copyOf(result.subList(0, PER_KIND)) : result;
    }

    /** Lessons on the weakest practised skills (deficit × importance, as focus areas rank them); else on the frontier. */
    private List<Recommendation> lessons(Skills skills, List<Recommendation> frontier) {
        var goal = properties.masteryThreshold();
        var weak = skills.practised().stream()
                .filter(s -> skills.mastery(s) < goal)
                .sorted(Comparator.comparingDouble((SkillId s) -> (goal - skills.mastery(s))
                                * (1
                                        + skills.graphOf(s)
                                                .map(g -> g.dependentsOf(s))
                                                .orElse(0)))
                        .reversed())
                .toList();
        boolean coldStart = weak.isEmpty();
        var targets =
                coldStart ? frontier.stream().map(r -> new SkillId(r.id())).toList() : weak;
        var result = new ArrayList<Recommendation>();
        for (var skill : targets) {
            var graph = skills.graphOf(skill);
            if (graph.isEmpty()) {
                continue;
            }
            catalog.lessons(graph.get().outline().courseId()).stream()
                    .filter(l -> l.skillId().equals(skill))
                    .limit(1)
                    .forEach(l -> result.add(new Recommendation(
                            Kind.LESSON,
                            l.lessonId(),
                            l.title(),
                            skills.lessonReason(skill, coldStart),
                            Phrase.of("recommendation.title.lesson", l.title(), skills.name(skill)),
                            skills.lessonPhrase(skill, coldStart))));
            if (result.size() >= PER_KIND) {
                break;
            }
        }
        return result;
    }

    private static List<Recommendation> interleave(List<List<Recommendation>> lists) {
        var result = new ArrayList<Recommendation>();
        for (int i = 0; lists.stream().anyMatch(l -> !l.isEmpty()) && i < PER_KIND; i++) {
            for (var list : lists) {
                if (i < list.size()) {
                    result.add(list.get(i));
                }
            }
        }
        return result;
    }

    /** A mastery in whole percent, rounded down: 79.96% reads 79%, not the 80% goal it has not reached. */
    static String percent(double share) {
        return String.format(Locale.ROOT, "%d%%", (long) Math.floor(100 * share + 1e-9));
    }

    /** The same, as a number for a message's argument. */
    static long wholePercent(double share) {
        return (long) Math.floor(100 * share + 1e-9);
    }

    static String answers(int n) {
        return n + " answer" + (n == 1 ? "" : "s");
    }
}
