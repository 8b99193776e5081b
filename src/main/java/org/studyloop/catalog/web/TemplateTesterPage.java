package org.studyloop.catalog.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.ItemType;
import org.studyloop.catalog.pack.PackError;
import org.studyloop.catalog.pack.PackException;
import org.studyloop.catalog.pack.PackParser;
import org.studyloop.catalog.pack.PackWriter;
import org.studyloop.catalog.store.Authoring;
import org.studyloop.catalog.template.TemplateEngine;
import org.studyloop.catalog.template.TemplateException;
import org.studyloop.identity.Actor;
import org.studyloop.shared.ProblemException;

/**
 * The template tester: a template item (stored, or as typed) and N seeds give N instances made by
 * the real {@link TemplateEngine}, each shown with its drawn values, stem, answer, hints and solution,
 * or with why that seed gives none. It also lists what a pack import would reject in the text, with
 * lines: a template the import refuses (constraints no draw satisfies, an expression that does not
 * parse) can still be tried here, which is how an author finds out why.
 */
@Controller
class TemplateTesterPage {

    static final int MAX_COUNT = 20;

    static final String EXAMPLE = """
            key: lin-t01
            type: TEMPLATE
            produces: SINGLE_CHOICE
            skills: [solve-linear-one-variable]
            variables:
              a: {range: [2, 9]}
              x: {range: [-10, 10]}
              b: {range: [1, 30]}
            constraints:
            - x != 0
            derived:
              c: a*x + b
            stem: Solve ${{a}}x + {{b}} = {{c}}$.
            answer: x
            distractors:
            - expression: (c + b) / a
              feedback: You added {{b}} instead of subtracting it.
            - expression: c / a - b
              feedback: Divide the whole of each side by {{a}}.
            hints:
            - Undo the "+ {{b}}" first.
            - Subtract {{b}} from both sides, then divide by {{a}}.
            solution: ${{a}}x = {{c - b}}$, so $x = {{answer}}$.
            """;

    /** One seed's instance, or the reason it has none. */
    record Tried(
            long seed,
            @Nullable Map<String, Object> item,
            Map<String, String> values,
            @Nullable String answer,
            @Nullable String error) {}

    private final Authoring authoring;

    TemplateTesterPage(Authoring authoring) {
        this.authoring = authoring;
    }

    @GetMapping("/author/templates")
    String tester(Actor actor, @RequestParam(required = false) @Nullable UUID itemId, Model model) {
        Authoring.requireAuthor(actor);
        var text = EXAMPLE;
        if (itemId != null) {
            var stored = authoring.view(actor, new ItemId(itemId));
            text = PackWriter.item(stored.body());
            model.addAttribute("itemKey", stored.key());
        }
        return page(model, text, 5, 1, null);
    }

    @PostMapping("/author/templates")
    String test(
            Actor actor,
            @RequestParam(defaultValue = "") String template,
            @RequestParam(defaultValue = "5") int count,
            @RequestParam(defaultValue = "1") long seed,
            Model model) {
        Authoring.requireAuthor(actor);
        if (template.length() > 100_000) {
            throw ProblemException.invalid("template", "is too long");
        }
        if (count < 1 || count > MAX_COUNT) {
            throw ProblemException.invalid("count", "must be from 1 to " + MAX_COUNT);
        }
        if (seed < 0 || seed > Long.MAX_VALUE - MAX_COUNT) {
            throw ProblemException.invalid("seed", "must be zero or more");
        }
        var tried = new ArrayList<Tried>();
        List<PackError> checks;
        try {
            PackParser.item("item", template);
            checks = List.of();
        } catch (PackException invalid) {
            checks = invalid.errors();
        }
        model.addAttribute("checks", checks);
        try {
            var fields = PackParser.fields("item", template);
            if (!ItemType.TEMPLATE.name().equals(String.valueOf(fields.get("type")))) {
                model.addAttribute("notTemplate", true);
            } else {
                for (long s = seed; s < seed + count; s++) {
                    tried.add(attempt(fields, s));
                }
            }
        } catch (PackException unreadable) {
            // its errors are the import's, listed above
        }
        model.addAttribute("tried", tried);
        return page(model, template, count, seed, tried);
    }

    /** The real engine's instance for the seed; any failure of the engine is that seed's result. */
    private static Tried attempt(Map<String, Object> fields, long seed) {
        try {
            var instance = TemplateEngine.instantiate(fields, seed);
            var item = instance.item();
            var values = new LinkedHashMap<String, String>();
            instance.values().forEach((name, value) -> values.put(name, shown(value)));
            return new Tried(seed, item, values, answer(item), null);
        } catch (TemplateException | ArithmeticException | IllegalArgumentException e) {
            return new Tried(seed, null, Map.of(), null, String.valueOf(e.getMessage()));
        }
    }

    /** A drawn value as an author wrote it: {@code 70}, not {@code 7E+1}. */
    private static String shown(Object value) {
        return value instanceof BigDecimal number ? number.stripTrailingZeros().toPlainString() : String.valueOf(value);
    }

    /** The answer as a student would have to give it: the right choice's text for a choice item. */
    private static String answer(Map<String, Object> item) {
        var answer = String.valueOf(item.get("answer"));
        if (item.get("choices") instanceof List<?> choices) {
            for (var choice : choices) {
                if (choice instanceof Map<?, ?> c && answer.equals(String.valueOf(c.get("id")))) {
                    return answer + ": " + c.get("text");
                }
            }
        }
        return item.get("unit") == null ? answer : answer + " " + item.get("unit");
    }

    private static String page(Model model, String text, int count, long seed, @Nullable List<Tried> tried) {
        model.addAttribute("template", text);
        model.addAttribute("count", count);
        model.addAttribute("seed", seed);
        model.addAttribute("maxCount", MAX_COUNT);
        model.addAttribute("tested", tried != null);
        return "catalog/author-templates";
    }
}
