package org.studyloop.catalog;

import com.udojava.evalex.Expression;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.studyloop.catalog.template.Expressions;

/**
 * {@code EXPRESSION} grading by algebraic equivalence: the response and the key are evaluated with
 * EvalEx (through {@link Expressions}) at seeded random points for the key's variables and must
 * agree within a relative 1e-6 or an absolute 1e-9 at every point where the key is defined.
 *
 * <p>Before EvalEx reads it, a response is pre-processed token by token (the key goes through the
 * same step, which leaves EvalEx syntax as it is apart from the unary-minus rule below):
 *
 * <ul>
 *   <li>{@code **} is {@code ^}; {@code ×}, {@code ·} are {@code *}, {@code ÷} is {@code /}, the
 *       Unicode minus is {@code -}, {@code ²} and {@code ³} are {@code ^2} and {@code ^3};
 *   <li>{@code ln} is {@code log} (EvalEx's natural logarithm); {@code sin cos tan} are evaluated in
 *       radians (EvalEx's {@code sinr cosr tanr}) on both sides, so identities hold and the points
 *       spread over a useful range;
 *   <li>implicit multiplication: a {@code *} goes between a number, a variable, a constant ({@code e},
 *       {@code pi}) or {@code )} and a following variable, constant, function or {@code (}, as in
 *       {@code 2x}, {@code 3(x+1)}, {@code x(x+1)}, {@code (x+1)(x-1)}, {@code 2sin(x)}; a run of
 *       letters that is no known name is split into variables and constants ({@code xy}, {@code
 *       2pix}) when it can be, and cannot be read otherwise;
 *   <li>a minus at the start or after {@code (} or {@code ,} negates the whole term, as in school
 *       ({@code -x^2} is {@code -(x^2)}), where EvalEx alone would square {@code -x};
 *   <li>{@code y = …} or {@code f'(x) = …}: only what follows the last {@code =} is read.
 * </ul>
 *
 * Unknown names, unknown characters, text EvalEx cannot parse, and a response defined at none of the
 * points are UNREADABLE: no penalty.
 */
final class ExpressionAnswers {

    private static final int POINTS = 7;
    private static final int ATTEMPTS = 80;
    private static final double RELATIVE = 1e-6;
    private static final double ABSOLUTE = 1e-9;
    private static final Set<String> CONSTANTS = Set.of("e", "pi");
    private static final Map<String, String> RENAMED = Map.of("ln", "log", "sin", "sinr", "cos", "cosr", "tan", "tanr");
    private static final Set<String> FUNCTIONS = functions();

    private ExpressionAnswers() {}

    static Verdict grade(
            AnswerKey.Expression key, List<ItemSnapshot.Misconception> misconceptions, @Nullable String text) {
        var variables = variables(key);
        var expected = prepare(key.expression(), variables);
        if (expected == null) {
            throw new IllegalArgumentException("the key '" + key.expression() + "' does not parse");
        }
        var given = text == null ? null : prepare(text, variables);
        if (given == null) {
            return Verdict.unreadable();
        }
        var points = points(expected, variables);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("the key '" + key.expression() + "' is defined at no point tried");
        }
        var agreement = agree(expected, given, points);
        if (agreement == null) {
            return Verdict.unreadable();
        }
        if (agreement) {
            return Verdict.correctAnswer();
        }
        for (var misconception : misconceptions) {
            var wrong = prepare(misconception.answer(), variables);
            if (wrong != null && Boolean.TRUE.equals(agree(wrong, given, points(wrong, variables)))) {
                return Verdict.incorrect(misconception.feedback());
            }
        }
        return Verdict.incorrect(null);
    }

    /** Whether two prepared expressions agree at the points; null when {@code given} is defined at none. */
    private static @Nullable Boolean agree(String expected, String given, List<Map<String, BigDecimal>> points) {
        var defined = 0;
        var agree = true;
        for (var point : points) {
            var want = eval(expected, point);
            var got = eval(given, point);
            if (want == null) {
                continue;
            }
            if (got == null) {
                agree = false;
                continue;
            }
            defined++;
            var tolerance = Math.max(ABSOLUTE, RELATIVE * Math.max(Math.abs(want), Math.abs(got)));
            if (Math.abs(want - got) > tolerance) {
                agree = false;
            }
        }
        return defined == 0 ? null : agree;
    }

    /** Up to {@value #POINTS} points where the expression is defined: first above 1, then wider. */
    private static List<Map<String, BigDecimal>> points(String expression, List<String> variables) {
        var random = new Random(expression.hashCode());
        var points = new ArrayList<Map<String, BigDecimal>>();
        for (var attempt = 0; attempt < ATTEMPTS && points.size() < POINTS; attempt++) {
            var point = new TreeMap<String, BigDecimal>(String.CASE_INSENSITIVE_ORDER);
            for (var variable : variables) {
                var value = attempt < ATTEMPTS / 2 ? 1.1 + 2.9 * random.nextDouble() : -6 + 12 * random.nextDouble();
                point.put(variable, BigDecimal.valueOf(Math.round(value * 1e6) / 1e6));
            }
            if (eval(expression, point) != null) {
                points.add(point);
            }
        }
        return points;
    }

    private static @Nullable Double eval(String expression, Map<String, BigDecimal> point) {
        try {
            var value = Expressions.evaluate(expression, point).doubleValue();
            return Double.isFinite(value) && Math.abs(value) < 1e15 ? value : null;
        } catch (Expression.ExpressionException | ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    private static List<String> variables(AnswerKey.Expression key) {
        var variables = new ArrayList<>(key.variables());
        for (var variable : Expressions.variablesOfLenient(key.expression())) {
            if (variables.stream().noneMatch(variable::equalsIgnoreCase)
                    && !CONSTANTS.contains(variable.toLowerCase(Locale.ROOT))) {
                variables.add(variable);
            }
        }
        return variables;
    }

    private enum Kind {
        NUMBER,
        NAME,
        FUNCTION,
        OPEN,
        CLOSE,
        OPERATOR,
        COMMA
    }

    private record Token(Kind kind, String text) {}

    /** The text rewritten in EvalEx syntax, or null when it cannot be read. */
    static @Nullable String prepare(String text, List<String> variables) {
        var source = text;
        var equals = source.lastIndexOf('=');
        if (equals >= 0) {
            source = source.substring(equals + 1);
        }
        source = source.replace("**", "^")
                .replace('\u2212', '-')
                .replace('\u00d7', '*')
                .replace('\u00b7', '*')
                .replace('\u22c5', '*')
                .replace('\u00f7', '/')
                .replace("\u00b2", "^2")
                .replace("\u00b3", "^3");
        var tokens = tokens(source, variables);
        if (tokens == null || tokens.isEmpty()) {
            return null;
        }
        var out = new StringBuilder();
        Token previous = null;
        for (var token : tokens) {
            if (previous != null && implicit(previous, token)) {
                out.append('*');
            }
            if (token.kind() == Kind.OPERATOR
                    && token.text().equals("-")
                    && (previous == null || previous.kind() == Kind.OPEN || previous.kind() == Kind.COMMA)) {
                out.append("(-1)*");
            } else if (token.kind() == Kind.OPERATOR
                    && token.text().equals("+")
                    && (previous == null || previous.kind() == Kind.OPEN || previous.kind() == Kind.COMMA)) {
                previous = token;
                continue;
            } else {
                out.append(token.text());
            }
            previous = token;
        }
        var prepared = out.toString();
        return Expressions.problem(prepared, variables).isEmpty() ? prepared : null;
    }

    private static boolean implicit(Token left, Token right) {
        var leftValue = left.kind() == Kind.NUMBER || left.kind() == Kind.NAME || left.kind() == Kind.CLOSE;
        var rightValue = right.kind() == Kind.NAME
                || right.kind() == Kind.FUNCTION
                || right.kind() == Kind.OPEN
                || (right.kind() == Kind.NUMBER && left.kind() != Kind.NUMBER);
        return leftValue && rightValue;
    }

    private static @Nullable List<Token> tokens(String source, List<String> variables) {
        var tokens = new ArrayList<Token>();
        var i = 0;
        while (i < source.length()) {
            var c = source.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isDigit(c) || c == '.') {
                var end = i;
                while (end < source.length() && (Character.isDigit(source.charAt(end)) || source.charAt(end) == '.')) {
                    end++;
                }
                var number = source.substring(i, end);
                if (!number.matches("[0-9]+(\\.[0-9]*)?|\\.[0-9]+")) {
                    return null;
                }
                tokens.add(new Token(Kind.NUMBER, number));
                i = end;
            } else if (Character.isLetter(c)) {
                var end = i;
                while (end < source.length() && Character.isLetter(source.charAt(end))) {
                    end++;
                }
                var next = source.substring(end).stripLeading();
                var named = names(source.substring(i, end), variables, next.startsWith("("));
                if (named == null) {
                    return null;
                }
                tokens.addAll(named);
                i = end;
            } else if (c == '(' || c == '[') {
                tokens.add(new Token(Kind.OPEN, "("));
                i++;
            } else if (c == ')' || c == ']') {
                tokens.add(new Token(Kind.CLOSE, ")"));
                i++;
            } else if (c == ',') {
                tokens.add(new Token(Kind.COMMA, ","));
                i++;
            } else if ("+-*/^".indexOf(c) >= 0) {
                tokens.add(new Token(Kind.OPERATOR, String.valueOf(c)));
                i++;
            } else {
                return null;
            }
        }
        return tokens;
    }

    /** A run of letters as a function, or as variables and constants; null when it is neither. */
    private static @Nullable List<Token> names(String word, List<String> variables, boolean call) {
        var lower = word.toLowerCase(Locale.ROOT);
        var renamed = RENAMED.getOrDefault(lower, lower);
        if (call && FUNCTIONS.contains(renamed) && variables.stream().noneMatch(word::equalsIgnoreCase)) {
            return List.of(new Token(Kind.FUNCTION, renamed));
        }
        var result = new ArrayList<Token>();
        var at = 0;
        outer:
        while (at < word.length()) {
            for (var end = word.length(); end > at; end--) {
                var part = word.substring(at, end);
                var variable = variables.stream()
                        .filter(part::equals)
                        .findFirst()
                        .or(() -> variables.stream()
                                .filter(part::equalsIgnoreCase)
                                .findFirst());
                if (variable.isPresent()) {
                    result.add(new Token(Kind.NAME, variable.get()));
                    at = end;
                    continue outer;
                }
                if (CONSTANTS.contains(part.toLowerCase(Locale.ROOT))) {
                    result.add(
                            new Token(Kind.NAME, part.toLowerCase(Locale.ROOT).equals("pi") ? "PI" : "e"));
                    at = end;
                    continue outer;
                }
            }
            var rest = word.substring(at).toLowerCase(Locale.ROOT);
            var function = RENAMED.getOrDefault(rest, rest);
            if (call && at > 0 && FUNCTIONS.contains(function)) {
                result.add(new Token(Kind.FUNCTION, function));
                return result;
            }
            return null;
        }
        return result;
    }

    private static Set<String> functions() {
        var names = new java.util.TreeSet<String>();
        Expressions.create("1").getDeclaredFunctions().forEach(f -> names.add(f.toLowerCase(Locale.ROOT)));
        return Set.copyOf(names);
    }
}
