package org.studyloop.catalog.template;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Makes one item from a template and a seed (docs/content-packs.md, "Templates"). The same seed
 * always gives the same item: values are drawn from a {@link SplittableRandom} seeded with it, in
 * the order of the variables' names, and a draw that breaks a constraint (or divides by zero, or leaves fewer
 * than two distinct distractors) is redrawn from the same generator, up to {@value #MAX_DRAWS}
 * times. The instance is an item of the {@code produces} type in the pack's own format.
 */
public final class TemplateEngine {

    static final int MAX_DRAWS = 1_000;

    private TemplateEngine() {}

    /** An instance: the produced item in the pack format, and the values it was drawn with. */
    public record Instance(Map<String, Object> item, Map<String, Object> values) {}

    /** What is wrong with a template, every problem found; empty when seed 0 gives an instance. */
    public static List<String> problems(Map<String, Object> body) {
        List<String> problems;
        try {
            problems = TemplateSpec.of(body).problems();
        } catch (TemplateException e) {
            return List.of(e.getMessage());
        }
        if (problems.isEmpty()) {
            try {
                instantiate(body, 0);
            } catch (TemplateException e) {
                return List.of(e.getMessage());
            }
        }
        return problems;
    }

    public static Instance instantiate(Map<String, Object> body, long seed) {
        var spec = TemplateSpec.of(body);
        var random = new SplittableRandom(seed);
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            try {
                var instance = attempt(spec, random);
                if (instance != null) {
                    return instance;
                }
            } catch (ArithmeticException e) {
                // a value that divides by zero or overflows: this draw does not count, redraw
            }
        }
        throw new TemplateException("no draw satisfies the constraints within " + MAX_DRAWS + " draws");
    }

    private static @Nullable Instance attempt(TemplateSpec spec, SplittableRandom random) {
        var values = new LinkedHashMap<String, Object>();
        spec.variables().forEach((name, variable) -> values.put(name, variable.draw(random)));
        spec.derived().forEach((name, expression) -> values.put(name, Expressions.eval(expression, values)));
        for (var constraint : spec.constraints()) {
            if (!Expressions.holds(constraint, values)) {
                return null;
            }
        }
        var item = new LinkedHashMap<String, Object>(spec.common());
        item.put("type", spec.produces());
        switch (spec.produces()) {
            case "EXPRESSION" -> {
                var expression = Expressions.render(spec.answer(), values);
                values.put("answer", expression);
                item.put("answer", expression);
                item.put(
                        "variables",
                        spec.expressionVariables().isEmpty()
                                ? Expressions.variablesOf(expression)
                                : spec.expressionVariables());
            }
            case "NUMERIC" -> {
                var answer = Expressions.shown(Expressions.eval(spec.answer(), values));
                values.put("answer", answer);
                item.put("answer", answer);
            }
            default -> {
                var answer = Expressions.shown(Expressions.eval(spec.answer(), values));
                values.put("answer", answer);
                var choices = choices(spec, values, answer, random);
                if (choices == null) {
                    return null;
                }
                item.put("choices", choices);
                item.put(
                        "answer",
                        choices.stream()
                                .filter(c -> c.containsKey("correct"))
                                .findFirst()
                                .map(c -> {
                                    c.remove("correct");
                                    return c.get("id");
                                })
                                .orElseThrow());
            }
        }
        item.put("stem", Expressions.render(spec.stem(), values));
        item.put(
                "hints",
                spec.hints().stream().map(h -> Expressions.render(h, values)).toList());
        item.put("solution", Expressions.render(spec.solution(), values));
        return new Instance(item, values);
    }

    /** The answer and the distractors that differ from it and from each other, shuffled; null if under two. */
    private static @Nullable List<Map<String, Object>> choices(
            TemplateSpec spec, Map<String, Object> values, BigDecimal answer, SplittableRandom random) {
        var options = new ArrayList<Map<String, Object>>();
        var shown = new ArrayList<String>();
        shown.add(Expressions.format(answer));
        var right = new LinkedHashMap<String, Object>();
        right.put("text", Expressions.format(answer));
        right.put("correct", true);
        options.add(right);
        for (var distractor : spec.distractors()) {
            var text = Expressions.format(Expressions.eval(distractor.expression(), values));
            if (shown.contains(text)) {
                continue;
            }
            shown.add(text);
            var option = new LinkedHashMap<String, Object>();
            option.put("text", text);
            if (distractor.feedback() != null) {
                option.put("feedback", Expressions.render(distractor.feedback(), values));
            }
            options.add(option);
        }
        if (options.size() < 3) {
            return null;
        }
        for (int i = options.size() - 1; i > 0; i--) {
            var j = random.nextInt(i + 1);
            var swap = options.get(i);
            options.set(i, options.get(j));
            options.set(j, swap);
        }
        var result = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < options.size(); i++) {
            var choice = new LinkedHashMap<String, Object>();
            choice.put("id", String.valueOf((char) ('a' + i)));
            choice.putAll(options.get(i));
            result.add(choice);
        }
        return result;
    }
}
