package org.studyloop.catalog.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.studyloop.catalog.AnswerKey;
import org.studyloop.catalog.Grading;
import org.studyloop.catalog.ItemSnapshot;
import org.studyloop.catalog.ItemType;
import org.studyloop.catalog.Response;
import org.studyloop.catalog.Verdict;
import org.studyloop.catalog.pack.Pack;
import org.studyloop.catalog.pack.PackParser;
import org.studyloop.catalog.template.TemplateEngine;

/**
 * Every bundled item's own key grades correct and every wrong choice and listed misconception grades
 * incorrect with feedback; every template's instances, for 1,000 seeds each, do the same. Packs are read as {@link
 * BundledPacksTests} reads them, without a database. All problems are collected, so one run names
 * every faulty item.
 */
class BundledItemsGradeTests {

    private static final int SEEDS = 1_000;

    @Test
    void everyBundledItemsKeyGradesCorrectAndEveryWrongAnswerDoesNot() throws Exception {
        var problems = new ArrayList<String>();
        var graded = 0;
        for (var pack : packs()) {
            for (var item : pack.items()) {
                if (item.type() != ItemType.TEMPLATE) {
                    check(pack.course().key() + "/" + item.key(), snapshot(pack, item.body()), problems);
                    graded++;
                }
            }
        }
        assertThat(graded).isGreaterThan(300);
        assertThat(problems).isEmpty();
    }

    @Test
    void aThousandSeedsOfEveryBundledTemplateGiveItemsWhoseKeyGradesCorrect() throws Exception {
        var problems = new ArrayList<String>();
        var templates = 0;
        for (var pack : packs()) {
            for (var item : pack.items()) {
                if (item.type() != ItemType.TEMPLATE) {
                    continue;
                }
                templates++;
                for (long seed = 0; seed < SEEDS && problems.size() < 50; seed++) {
                    var instance = TemplateEngine.instantiate(item.body(), seed).item();
                    check(pack.course().key() + "/" + item.key() + "#" + seed, snapshot(pack, instance), problems);
                }
            }
        }
        assertThat(templates).isGreaterThan(20);
        assertThat(problems).isEmpty();
    }

    private static List<Pack> packs() throws Exception {
        return BundledPacks.bundled().values().stream()
                .map(files -> Objects.requireNonNull(PackParser.parse(files).pack()))
                .toList();
    }

    private static ItemSnapshot snapshot(Pack pack, Map<String, Object> body) {
        var course = pack.course();
        return ItemViews.snapshot(
                Ids.item(course.key(), String.valueOf(body.get("key"))),
                1,
                body,
                List.of(),
                new ItemViews.Defaults(course.language(), course.source(), course.licence()),
                null,
                null);
    }

    private static void check(String name, ItemSnapshot item, List<String> problems) {
        for (var response : rightResponses(item)) {
            var verdict = Grading.grade(item, response);
            if (item.type() == ItemType.ESSAY) {
                expect(name, response, verdict, Verdict.Outcome.PENDING, problems);
            } else if (verdict.outcome() != Verdict.Outcome.CORRECT || verdict.score() != 1) {
                problems.add(name + ": the key " + response + " grades " + verdict);
            }
        }
        if (item.type() == ItemType.SINGLE_CHOICE || item.type() == ItemType.MULTIPLE_CHOICE) {
            var key = ((AnswerKey.Choices) item.answerKey()).choiceIds();
            for (var choice : item.choices()) {
                if (!key.contains(choice.id())) {
                    var response = item.type() == ItemType.SINGLE_CHOICE
                            ? Response.text(choice.id())
                            : Response.ids(List.of(choice.id()));
                    expect(name, response, Grading.grade(item, response), Verdict.Outcome.INCORRECT, problems);
                }
            }
        }
        for (var misconception : item.misconceptions()) {
            var verdict = Grading.grade(item, Response.text(misconception.answer()));
            if (verdict.outcome() != Verdict.Outcome.INCORRECT || verdict.feedback() == null) {
                problems.add(name + ": the misconception '" + misconception.answer() + "' grades " + verdict);
            }
        }
    }

    private static void expect(
            String name, Response response, Verdict verdict, Verdict.Outcome outcome, List<String> problems) {
        if (verdict.outcome() != outcome || (outcome != Verdict.Outcome.CORRECT && verdict.score() != 0)) {
            problems.add(name + ": " + response + " grades " + verdict + ", expected " + outcome);
        }
    }

    /** The responses the key itself gives: the key's ids, its number, its expression, each accepted text. */
    private static List<Response> rightResponses(ItemSnapshot item) {
        return switch (item.answerKey()) {
            case AnswerKey.Choices key ->
                item.type() == ItemType.SINGLE_CHOICE
                        ? List.of(Response.text(key.choiceIds().getFirst()))
                        : List.of(Response.ids(key.choiceIds()));
            case AnswerKey.Numeric key -> List.of(Response.text(key.value().toPlainString()));
            case AnswerKey.Expression key -> List.of(Response.text(key.expression()));
            case AnswerKey.Texts key ->
                key.accepted().stream().map(Response::text).toList();
            case AnswerKey.Essay essay -> List.of(Response.text("An essay."));
            case AnswerKey.None none -> List.of();
        };
    }
}
