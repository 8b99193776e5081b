package org.studyloop.catalog.template;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.udojava.evalex.Expression;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;

/**
 * Every expression of a template goes through EvalEx (DESIGN.md: never a home-made engine for what
 * a library does). Arithmetic is in 16 significant digits ({@link MathContext#DECIMAL64}); values
 * are shown rounded to 10, so {@code 1/3} reads 0.3333333333 and {@code 0.1 + 0.2} reads 0.3.
 */
public final class Expressions {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.+?)}}");
    private static final MathContext SHOWN = new MathContext(10, RoundingMode.HALF_EVEN);

    private Expressions() {}

    /**
     * An EvalEx expression with the functions docs/content-packs.md names: EvalEx 2.7 has
     * {@code sin cos tan log sqrt} but no {@code exp}, which is added here through its function API.
     */
    public static Expression create(String text) {
        var expression = new Expression(text, MathContext.DECIMAL64);
        expression.addFunction(expression.new Function("EXP", 1) {
            @Override
            public BigDecimal eval(List<BigDecimal> parameters) {
                return new BigDecimal(Math.exp(parameters.getFirst().doubleValue()), MathContext.DECIMAL64);
            }
        });
        return expression;
    }

    /** Why the expression does not parse or names something unknown; empty when it is fine. */
    public static String problem(String text, Collection<String> known) {
        try {
            var expression = create(text);
            expression.toRPN();
            var declared = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            declared.addAll(expression.getDeclaredVariables());
            var names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            names.addAll(known);
            var unknown = expression.getUsedVariables().stream()
                    .filter(v -> !names.contains(v) && !declared.contains(v))
                    .distinct()
                    .toList();
            return unknown.isEmpty() ? "" : "'" + text + "' names unknown variables " + unknown;
        } catch (Expression.ExpressionException | ArithmeticException e) {
            return "'" + text + "' does not parse: " + e.getMessage();
        }
    }

    /** The variables an expression uses, each once, in order of first use. */
    public static List<String> variablesOf(String text) {
        var expression = create(text);
        var seen = new ArrayList<String>();
        var declared = Set.copyOf(expression.getDeclaredVariables());
        expression.getUsedVariables().stream()
                .filter(v -> !declared.contains(v) && !seen.contains(v))
                .forEach(seen::add);
        return seen;
    }

    /** The variables of an expression, or none when it does not parse (its problem is reported apart). */
    public static List<String> variablesOfLenient(String text) {
        try {
            return variablesOf(text);
        } catch (Expression.ExpressionException e) {
            return List.of();
        }
    }

    /** Evaluates with the numeric values; {@link ArithmeticException} when the values do not fit. */
    public static BigDecimal eval(String text, Map<String, ?> values) {
        try {
            return evaluate(text, values);
        } catch (Expression.ExpressionException e) {
            throw new TemplateException("'" + text + "' cannot be evaluated: " + e.getMessage());
        }
    }

    /**
     * A parsed expression, the variables it reads that EvalEx does not declare ({@code variables}),
     * and the names EvalEx declares ({@code constants}: {@code e}, {@code PI}, …), which its
     * list of used variables leaves out.
     */
    private record Parsed(Expression expression, List<String> variables, Set<String> constants) {}

    /**
     * Parsed expressions not in use, by text. EvalEx 2.7 fills its operator and function tables
     * (two case-insensitive TreeMaps of some 60 entries) in every {@code Expression}'s constructor,
     * 7 % of the app's CPU samples in the answer loop (JFR: grading an expression answer evaluates the key and
     * the answer at several points; serving a template evaluates its variables): an expression is
     * parsed once and reused, by one caller at a time. Bounded by texts, and by a few idle copies
     * of each.
     */
    private static final Cache<String, Queue<Parsed>> IDLE =
            Caffeine.newBuilder().maximumSize(4_096).build();

    private static final int IDLE_COPIES = 8;

    /**
     * The value of the expression with these numeric values (others are ignored), as a new {@link
     * #create} would give it. A reused expression has every variable it reads set afresh, so no
     * value from an earlier use is read; when a value is missing, a new expression reports it.
     *
     * @throws Expression.ExpressionException when it does not parse or names something unknown
     */
    public static BigDecimal evaluate(String text, Map<String, ?> values) {
        var numbers = new TreeMap<String, BigDecimal>(String.CASE_INSENSITIVE_ORDER);
        values.forEach((name, value) -> {
            if (value instanceof BigDecimal number) {
                numbers.put(name, number);
            }
        });
        var idle = IDLE.get(text, key -> new ConcurrentLinkedQueue<>());
        var parsed = idle.poll();
        if (parsed == null) {
            var expression = create(text);
            var declared = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            declared.addAll(expression.getDeclaredVariables());
            parsed = new Parsed(
                    expression,
                    expression.getUsedVariables().stream()
                            .filter(v -> !declared.contains(v))
                            .distinct()
                            .toList(),
                    declared);
        }
        // A missing value, or a value for a constant (which would stay set for the next use): a
        // new expression, exactly as before any reuse.
        if (!numbers.keySet().containsAll(parsed.variables())
                || parsed.constants().stream().anyMatch(numbers::containsKey)) {
            if (idle.size() < IDLE_COPIES) {
                idle.offer(parsed);
            }
            var fresh = create(text);
            numbers.forEach(fresh::setVariable);
            return fresh.eval();
        }
        try {
            for (var variable : parsed.variables()) {
                parsed.expression().setVariable(variable, numbers.get(variable));
            }
            return parsed.expression().eval();
        } finally {
            if (idle.size() < IDLE_COPIES) {
                idle.offer(parsed);
            }
        }
    }

    public static boolean holds(String text, Map<String, Object> values) {
        return eval(text, values).signum() != 0;
    }

    /** A number as a student reads it: at most 10 significant digits, no trailing zeros, no exponent. */
    public static String format(BigDecimal value) {
        var shown = value.round(SHOWN).stripTrailingZeros();
        return shown.signum() == 0 ? "0" : shown.toPlainString();
    }

    /** The number as shown, as the value the item keeps, so the key equals what the student saw. */
    public static BigDecimal shown(BigDecimal value) {
        return new BigDecimal(format(value));
    }

    /** Replaces each {@code {{…}}} with a variable's value or an expression's value. */
    public static String render(String text, Map<String, Object> values) {
        var matcher = PLACEHOLDER.matcher(text);
        var out = new StringBuilder();
        while (matcher.find()) {
            var inner = matcher.group(1).strip();
            var value = values.get(inner);
            String shown;
            if (value instanceof BigDecimal number) {
                shown = format(number);
            } else if (value != null) {
                shown = value.toString();
            } else {
                shown = format(eval(inner, values));
            }
            matcher.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(shown));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The expressions inside the placeholders of a text. */
    public static List<String> placeholders(String text) {
        var matcher = PLACEHOLDER.matcher(text);
        var result = new ArrayList<String>();
        while (matcher.find()) {
            result.add(matcher.group(1).strip());
        }
        return result;
    }
}
