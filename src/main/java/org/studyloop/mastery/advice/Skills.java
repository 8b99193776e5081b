package org.studyloop.mastery.advice;

import static org.studyloop.mastery.advice.Recommendations.percent;
import static org.studyloop.mastery.advice.Recommendations.wholePercent;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.studyloop.catalog.SkillId;
import org.studyloop.mastery.bank.CourseGraphs;
import org.studyloop.mastery.online.LearnerSnapshot;

/**
 * The skills of a student's courses with their mastery now (0 without evidence), and the words of
 * the reasons that name them.
 */
record Skills(List<CourseGraphs.Graph> courses, Map<SkillId, Double> masteryOf, LearnerSnapshot snapshot, double goal) {

    double mastery(SkillId skill) {
        return masteryOf.getOrDefault(skill, 0.0);
    }

    boolean mastered(SkillId skill) {
        return mastery(skill) >= goal;
    }

    int answers(SkillId skill) {
        return snapshot.trace(skill).answers();
    }

    /** The skills of the courses with evidence, in course order. */
    List<SkillId> practised() {
        return masteryOf.keySet().stream().filter(s -> answers(s) > 0).toList();
    }

    Optional<CourseGraphs.Graph> graphOf(SkillId skill) {
        return courses.stream().filter(g -> g.names().containsKey(skill)).findFirst();
    }

    String name(SkillId skill) {
        return graphOf(skill).map(g -> g.names().get(skill)).orElse("a skill");
    }

    String frontierReason(CourseGraphs.Graph g, SkillId skill) {
        var prerequisites = g.prerequisitesOf(skill);
        var basis = prerequisites.isEmpty()
                ? "it needs no earlier skill of " + g.outline().title()
                : "you have mastered its prerequisite" + (prerequisites.size() == 1 ? " " : "s ")
                        + prerequisites.stream()
                                .map(p -> g.names().get(p) + " (" + percent(mastery(p)) + ")")
                                .collect(Collectors.joining(", "));
        int n = answers(skill);
        if (n == 0) {
            return "Ready to learn: " + basis + ".";
        }
        return "Ready to learn and under way: mastery " + percent(mastery(skill)) + " after "
                + Recommendations.answers(n) + ", below the " + percent(goal) + " goal; " + basis + ".";
    }

    /** {@link #frontierReason} as a phrase of the pages' bundle. */
    Recommendations.Phrase frontierPhrase(CourseGraphs.Graph g, SkillId skill) {
        var prerequisites = g.prerequisitesOf(skill);
        var listed = prerequisites.stream()
                .map(p -> (Object) Recommendations.Phrase.of(
                        "recommendation.prerequisite", g.names().get(p), wholePercent(mastery(p))))
                .toList();
        int n = answers(skill);
        if (n == 0) {
            return prerequisites.isEmpty()
                    ? Recommendations.Phrase.of(
                            "recommendation.reason.firstOfCourse", g.outline().title())
                    : Recommendations.Phrase.of("recommendation.reason.afterPrerequisites", listed.size(), listed);
        }
        return prerequisites.isEmpty()
                ? Recommendations.Phrase.of(
                        "recommendation.reason.underWayFirst",
                        wholePercent(mastery(skill)),
                        n,
                        wholePercent(goal),
                        g.outline().title())
                : Recommendations.Phrase.of(
                        "recommendation.reason.underWayAfter",
                        wholePercent(mastery(skill)),
                        n,
                        wholePercent(goal),
                        listed.size(),
                        listed);
    }

    /** {@link #lessonReason} as a phrase of the pages' bundle. */
    Recommendations.Phrase lessonPhrase(SkillId skill, boolean coldStart) {
        return coldStart
                ? Recommendations.Phrase.of("recommendation.reason.lessonStart", name(skill))
                : Recommendations.Phrase.of(
                        "recommendation.reason.lessonWeak",
                        name(skill),
                        wholePercent(mastery(skill)),
                        answers(skill),
                        wholePercent(goal));
    }

    String lessonReason(SkillId skill, boolean coldStart) {
        if (coldStart) {
            return "A place to start: " + name(skill) + " is on your ready-to-learn frontier.";
        }
        return "Your mastery of " + name(skill) + " is " + percent(mastery(skill)) + " after "
                + Recommendations.answers(answers(skill)) + ", below the " + percent(goal)
                + " goal: this lesson explains it.";
    }
}
