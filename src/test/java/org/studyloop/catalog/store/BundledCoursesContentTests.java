package org.studyloop.catalog.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.studyloop.catalog.ItemType;
import org.studyloop.catalog.pack.Pack;
import org.studyloop.catalog.pack.PackParser;

/**
 * What the catalog issue asks of the bundled courses: enough skills, items and templates, a lesson
 * for every skill, at least two hints and a worked solution on every item, and essay prompts with
 * the four assessment criteria.
 */
class BundledCoursesContentTests {

    private static Map<String, Pack> packs() throws Exception {
        return BundledPacks.bundled().entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, e -> PackParser.parse(e.getValue()).pack()));
    }

    private static long count(Pack pack, ItemType type) {
        return pack.items().stream().filter(i -> i.type() == type).count();
    }

    @Test
    void eachCourseHasTheSkillsItemsAndTemplatesAskedFor() throws Exception {
        var packs = packs();
        var sat = packs.get("sat-math-algebra");
        assertThat(sat.skills()).hasSizeGreaterThanOrEqualTo(14);
        assertThat(sat.items()).hasSizeGreaterThanOrEqualTo(160);
        assertThat(count(sat, ItemType.TEMPLATE)).isGreaterThanOrEqualTo(10);
        var calculus = packs.get("alevel-differentiation");
        assertThat(calculus.skills()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(calculus.items()).hasSizeGreaterThanOrEqualTo(90);
        assertThat(count(calculus, ItemType.TEMPLATE)).isGreaterThanOrEqualTo(8);
        assertThat(count(calculus, ItemType.EXPRESSION)).isPositive();
        var grammar = packs.get("ielts-grammar-vocabulary");
        assertThat(grammar.skills()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(grammar.items()).hasSizeGreaterThanOrEqualTo(80);
        var writing = packs.get("ielts-writing-task2");
        assertThat(count(writing, ItemType.ESSAY)).isGreaterThanOrEqualTo(20);
    }

    @Test
    void everySkillHasALessonAndEveryItemTwoHintsAndASolution() throws Exception {
        packs().forEach((name, pack) -> {
            var taught = pack.lessons().stream().map(Pack.Lesson::skill).collect(Collectors.toSet());
            assertThat(pack.skills())
                    .as("skills of %s without a lesson", name)
                    .allSatisfy(skill -> assertThat(taught).contains(skill.key()));
            assertThat(pack.items()).as("items of %s", name).allSatisfy(item -> {
                assertThat((List<?>) item.body().get("hints"))
                        .as("hints of %s", item.key())
                        .hasSizeGreaterThanOrEqualTo(2);
                assertThat(String.valueOf(item.body().get("solution")))
                        .as("solution of %s", item.key())
                        .isNotBlank()
                        .isNotEqualTo("null");
            });
        });
    }

    @Test
    void everyEssayPromptCarriesTheFourCriteria() throws Exception {
        var writing = packs().get("ielts-writing-task2");
        assertThat(writing.items().stream().filter(i -> i.type() == ItemType.ESSAY))
                .allSatisfy(essay -> assertThat(((List<?>) essay.body().get("rubric"))
                                .stream().map(c -> String.valueOf(((Map<?, ?>) c).get("criterion"))))
                        .containsExactlyInAnyOrder(
                                "task-response",
                                "coherence-cohesion",
                                "lexical-resource",
                                "grammatical-range-accuracy"));
    }
}
