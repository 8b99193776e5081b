package org.studyloop.catalog.template;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/** A template's fields, read from the pack format, and the checks that need no draw. */
record TemplateSpec(
        String produces,
        Map<String, Variable> variables,
        List<String> constraints,
        Map<String, String> derived,
        String stem,
        String answer,
        List<String> expressionVariables,
        List<Distractor> distractors,
        List<String> hints,
        String solution,
        Map<String, Object> common) {

    static final List<String> PRODUCES = List.of("NUMERIC", "SINGLE_CHOICE", "EXPRESSION");

    /** Fields an instance keeps as they are. */
    private static final List<String> KEPT = List.of(
            "key", "skills", "difficulty", "language", "source", "licence", "tolerance", "unit", "misconceptions");

    record Distractor(String expression, @Nullable String feedback) {}

    /** A variable: integers in a range, decimals on a grid ({@code step}), or one of a list. */
    record Variable(
            @Nullable BigDecimal low,
            @Nullable BigDecimal high,
            @Nullable BigDecimal step,
            List<Object> list) {

        Object draw(SplittableRandom random) {
            if (!list.isEmpty()) {
                return list.get(random.nextInt(list.size()));
            }
            var lo = java.util.Objects.requireNonNull(low);
            var hi = java.util.Objects.requireNonNull(high);
            var grid = step == null ? BigDecimal.ONE : step;
            var steps = hi.subtract(lo).divideToIntegralValue(grid).longValueExact();
            return lo.add(grid.multiply(BigDecimal.valueOf(random.nextLong(steps + 1))));
        }
    }

    static TemplateSpec of(Map<String, Object> body) {
        var produces = String.valueOf(body.getOrDefault("produces", ""));
        if (!PRODUCES.contains(produces)) {
            throw new TemplateException("'produces' must be one of " + PRODUCES);
        }
        // Drawn in name order, not written order: a body stored as JSONB comes back with its keys
        // reordered (PostgreSQL documentation, §8.14), and the same seed must give the same item.
        var variables = new java.util.TreeMap<String, Variable>();
        if (body.get("variables") instanceof Map<?, ?> map) {
            map.forEach((name, value) -> variables.put(String.valueOf(name), variable(String.valueOf(name), value)));
        }
        var written = new java.util.TreeMap<String, String>();
        if (body.get("derived") instanceof Map<?, ?> map) {
            map.forEach((name, value) -> written.put(String.valueOf(name), String.valueOf(value)));
        }
        var derived = dependencyOrder(written, variables.keySet());
        var distractors = new ArrayList<Distractor>();
        for (var entry : list(body.get("distractors"))) {
            if (entry instanceof Map<?, ?> map && map.get("expression") != null) {
                var feedback = map.get("feedback");
                distractors.add(new Distractor(
                        String.valueOf(map.get("expression")), feedback == null ? null : String.valueOf(feedback)));
            } else {
                throw new TemplateException("each distractor needs an 'expression'");
            }
        }
        var common = new LinkedHashMap<String, Object>();
        KEPT.stream().filter(body::containsKey).forEach(k -> common.put(k, body.get(k)));
        return new TemplateSpec(
                produces,
                variables,
                texts(body.get("constraints")),
                derived,
                required(body, "stem"),
                required(body, "answer"),
                texts(body.get("expressionVariables")),
                distractors,
                texts(body.get("hints")),
                required(body, "solution"),
                common);
    }

    /** Every expression that does not parse or names an unknown value. */
    List<String> problems() {
        var problems = new ArrayList<String>();
        var known = new ArrayList<>(variables.keySet());
        derived.forEach((name, expression) -> {
            add(problems, Expressions.problem(expression, known));
            known.add(name);
        });
        constraints.forEach(c -> add(problems, Expressions.problem(c, known)));
        if (produces.equals("EXPRESSION")) {
            Expressions.placeholders(answer).forEach(p -> add(problems, Expressions.problem(p, known)));
        } else {
            add(problems, Expressions.problem(answer, known));
        }
        distractors.forEach(d -> add(problems, Expressions.problem(d.expression(), known)));
        if (produces.equals("SINGLE_CHOICE") && distractors.size() < 2) {
            problems.add("a SINGLE_CHOICE template needs at least two distractors");
        }
        known.add("answer");
        var texts = new ArrayList<String>();
        texts.add(stem);
        texts.add(solution);
        texts.addAll(hints);
        distractors.stream().map(Distractor::feedback).filter(f -> f != null).forEach(texts::add);
        for (var text : texts) {
            for (var placeholder : Expressions.placeholders(text)) {
                if (!known.contains(placeholder)) {
                    add(problems, Expressions.problem(placeholder, known));
                }
            }
        }
        return problems;
    }

    /**
     * Derived values in an order where each comes after those it uses, whatever order the stored
     * body has; a value whose inputs never become known (a cycle) goes last and fails its check.
     */
    private static Map<String, String> dependencyOrder(Map<String, String> written, java.util.Set<String> variables) {
        var ordered = new LinkedHashMap<String, String>();
        var known = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        known.addAll(variables);
        var progress = true;
        while (progress && ordered.size() < written.size()) {
            progress = false;
            for (var entry : written.entrySet()) {
                if (!ordered.containsKey(entry.getKey())
                        && Expressions.variablesOfLenient(entry.getValue()).stream()
                                .filter(v -> written.containsKey(v))
                                .allMatch(known::contains)) {
                    ordered.put(entry.getKey(), entry.getValue());
                    known.add(entry.getKey());
                    progress = true;
                }
            }
        }
        written.forEach(ordered::putIfAbsent);
        return ordered;
    }

    private static void add(List<String> problems, String problem) {
        if (!problem.isEmpty()) {
            problems.add(problem);
        }
    }

    private static Variable variable(String name, Object value) {
        if (!(value instanceof Map<?, ?> spec)) {
            throw new TemplateException("variable '" + name + "' must have a 'range' or a 'list'");
        }
        if (spec.get("list") instanceof List<?> list && !list.isEmpty()) {
            return new Variable(
                    null, null, null, list.stream().map(TemplateSpec::value).toList());
        }
        if (spec.get("range") instanceof List<?> range && range.size() == 2) {
            var low = decimal(range.get(0), name);
            var high = decimal(range.get(1), name);
            var step = spec.get("step") == null ? null : decimal(spec.get("step"), name);
            if (high.compareTo(low) < 0 || (step != null && step.signum() <= 0)) {
                throw new TemplateException(
                        "variable '" + name + "' has an empty range or a step that is not positive");
            }
            if (step == null
                    && (low.stripTrailingZeros().scale() > 0
                            || high.stripTrailingZeros().scale() > 0)) {
                throw new TemplateException("variable '" + name + "' has a decimal range: give it a 'step'");
            }
            return new Variable(low, high, step, List.of());
        }
        throw new TemplateException("variable '" + name + "' needs 'range: [low, high]' or a non-empty 'list'");
    }

    private static Object value(@Nullable Object value) {
        return value instanceof Number number ? new BigDecimal(number.toString()) : String.valueOf(value);
    }

    private static BigDecimal decimal(@Nullable Object value, String name) {
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        throw new TemplateException("variable '" + name + "' has a bound or step that is not a number");
    }

    private static String required(Map<String, Object> body, String field) {
        var value = body.get(field);
        if (value == null) {
            throw new TemplateException("the field '" + field + "' is missing");
        }
        return String.valueOf(value instanceof Number n ? new BigDecimal(n.toString()).toPlainString() : value);
    }

    private static List<?> list(@Nullable Object value) {
        return value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
    }

    private static List<String> texts(@Nullable Object value) {
        return list(value).stream().map(String::valueOf).toList();
    }
}
