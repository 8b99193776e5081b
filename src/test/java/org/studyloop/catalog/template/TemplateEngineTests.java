package org.studyloop.catalog.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Templates give one deterministic instance per seed. Grading is practice's; here each instance is
 * checked structurally and its computed answer against the template's own relation
 * ({@code a*x + b = c}), read back from the values it was drawn with.
 */
class TemplateEngineTests {

    static Map<String, Object> linear(String produces) {
        var body = new LinkedHashMap<String, Object>();
        body.put("key", "lin-t01");
        body.put("type", "TEMPLATE");
        body.put("produces", produces);
        body.put("skills", List.of("solve"));
        body.put(
                "variables",
                Map.of(
                        "a", Map.of("range", List.of(2L, 9L)),
                        "x", Map.of("range", List.of(-10L, 10L)),
                        "b", Map.of("range", List.of(1L, 30L)),
                        "r",
                                Map.of(
                                        "range",
                                        List.of(new BigDecimal("0.5"), new BigDecimal("4.5")),
                                        "step",
                                        new BigDecimal("0.5"))));
        body.put("constraints", List.of("x != 0"));
        body.put("derived", Map.of("c", "a*x + b"));
        body.put("stem", "Solve ${{a}}x + {{b}} = {{c}}$.");
        body.put("answer", "x");
        body.put(
                "distractors",
                List.of(
                        Map.of("expression", "(c + b) / a", "feedback", "You added {{b}}."),
                        Map.of("expression", "c / a - b"),
                        Map.of("expression", "x + r")));
        body.put("hints", List.of("Undo the \"+ {{b}}\" first.", "Then divide by {{a}}."));
        body.put("solution", "${{a}}x = {{c - b}}$, so $x = {{answer}}$.");
        return body;
    }

    @Test
    void theSameSeedGivesTheSameItem() {
        for (var produces : List.of("NUMERIC", "SINGLE_CHOICE")) {
            var first = TemplateEngine.instantiate(linear(produces), 42);
            var again = TemplateEngine.instantiate(linear(produces), 42);
            assertThat(again).isEqualTo(first);
        }
        var stems = new HashSet<Object>();
        for (long seed = 0; seed < 20; seed++) {
            stems.add(TemplateEngine.instantiate(linear("NUMERIC"), seed).item().get("stem"));
        }
        assertThat(stems).as("different seeds give different items").hasSizeGreaterThan(10);
    }

    @Test
    void aThousandSeedsGiveValidNumericItemsWhoseKeySolvesTheEquation() {
        for (long seed = 0; seed < 1_000; seed++) {
            var instance = TemplateEngine.instantiate(linear("NUMERIC"), seed);
            var v = instance.values();
            var a = (BigDecimal) v.get("a");
            var b = (BigDecimal) v.get("b");
            var c = (BigDecimal) v.get("c");
            var answer = (BigDecimal) instance.item().get("answer");
            assertThat(answer.signum()).as("constraint x != 0").isNotZero();
            assertThat(a.multiply(answer).add(b)).isEqualByComparingTo(c);
            assertThat(instance.item()).containsEntry("type", "NUMERIC").doesNotContainKey("variables");
            assertThat((String) instance.item().get("stem"))
                    .doesNotContain("{{")
                    .contains(Expressions.format(c));
            assertThat((List<?>) instance.item().get("hints")).hasSize(2);
        }
    }

    @Test
    void aThousandSeedsGiveValidSingleChoiceItemsWhoseKeyNamesTheRightChoice() {
        for (long seed = 0; seed < 1_000; seed++) {
            var instance = TemplateEngine.instantiate(linear("SINGLE_CHOICE"), seed);
            @SuppressWarnings("unchecked")
            var choices = (List<Map<String, Object>>) instance.item().get("choices");
            assertThat(choices).hasSizeBetween(3, 4);
            assertThat(choices.stream().map(c -> c.get("text")).distinct()).hasSameSizeAs(choices);
            var right = choices.stream()
                    .filter(c -> c.get("id").equals(instance.item().get("answer")))
                    .findFirst()
                    .orElseThrow();
            assertThat(new BigDecimal((String) right.get("text")))
                    .isEqualByComparingTo((BigDecimal) instance.values().get("x"));
        }
    }

    @Test
    void expressionTemplatesRenderTheCanonicalExpression() {
        var body = new LinkedHashMap<String, Object>();
        body.put("produces", "EXPRESSION");
        body.put("variables", Map.of("n", Map.of("range", List.of(2L, 5L)), "a", Map.of("list", List.of(2L, 3L))));
        body.put("stem", "Differentiate ${{a}}x^{{n}}$.");
        body.put("answer", "{{n*a}}*x^{{n-1}}");
        body.put("hints", List.of("Power rule."));
        body.put("solution", "${{answer}}$");
        var instance = TemplateEngine.instantiate(body, 7);
        assertThat((String) instance.item().get("answer")).matches("\\d+\\*x\\^\\d+");
        assertThat(instance.item().get("variables")).isEqualTo(List.of("x"));
        assertThat(TemplateEngine.problems(body)).isEmpty();
    }

    @Test
    void theFunctionsOfTheFormatEvaluate() {
        assertThat(Expressions.format(Expressions.eval("exp(0) + log(e) + sqrt(9) + sin(90)", Map.of())))
                .isEqualTo("6");
    }

    @Test
    void expressionsThatDoNotParseAndConstraintsNoDrawMeetsAreReported() {
        var broken = linear("NUMERIC");
        broken.put("derived", Map.of("c", "a*x +* b"));
        assertThat(TemplateEngine.problems(broken)).singleElement().asString().contains("does not parse");

        var unknown = linear("NUMERIC");
        unknown.put("answer", "y");
        assertThat(TemplateEngine.problems(unknown)).singleElement().asString().contains("unknown variables");

        var impossible = linear("NUMERIC");
        impossible.put("constraints", List.of("x > 100"));
        assertThat(TemplateEngine.problems(impossible))
                .singleElement()
                .asString()
                .contains("no draw satisfies the constraints within 1000 draws");
    }
}
