package org.studyloop.tutor.turn;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reading maths out of free text: LaTeX made plain (so that {@code \frac{1}{2}} reads as {@code
 * (1)/(2)}), the numbers a text states in any usual spelling ({@code 0.5}, {@code .50}, {@code
 * 1/2}, {@code 0,5}, {@code ½}, {@code −3}, "seven", "one half"), and texts normalised for
 * comparison (accents, case, spaces and punctuation away).
 */
public final class MathText {

    private static final Pattern FRACTION = Pattern.compile("\\\\[dt]?frac\\s*\\{([^{}]*)\\}\\s*\\{([^{}]*)\\}");
    private static final Pattern SQRT = Pattern.compile("\\\\sqrt\\s*\\{([^{}]*)\\}");
    private static final Pattern COMMAND = Pattern.compile("\\\\([a-zA-Z]+)");
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\p{L}\\d.,)])([-\u2212]\\s?)?(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:[.,]\\d+)?|[.,]\\d+)"
                    + "(?:\\s*/\\s*(\\d+(?:[.,]\\d+)?))?(?![\\d])");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Map<String, String> COMMANDS = Map.ofEntries(
            Map.entry("cdot", "*"),
            Map.entry("times", "*"),
            Map.entry("div", "/"),
            Map.entry("pi", "pi"),
            Map.entry("ln", "ln"),
            Map.entry("log", "log"),
            Map.entry("sin", "sin"),
            Map.entry("cos", "cos"),
            Map.entry("tan", "tan"),
            Map.entry("le", "<="),
            Map.entry("leq", "<="),
            Map.entry("ge", ">="),
            Map.entry("geq", ">="),
            Map.entry("neq", "!="),
            Map.entry("infty", "infinity"));
    private static final Map<Character, BigDecimal> VULGAR = Map.of(
            '½', new BigDecimal("0.5"),
            '¼', new BigDecimal("0.25"),
            '¾', new BigDecimal("0.75"),
            '⅓', BigDecimal.ONE.divide(BigDecimal.valueOf(3), MathContext.DECIMAL64),
            '⅔', BigDecimal.valueOf(2).divide(BigDecimal.valueOf(3), MathContext.DECIMAL64));
    private static final List<String> WORDS = List.of(
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty");

    private MathText() {}

    /** LaTeX made plain: fractions and roots as calls, commands as symbols, braces as brackets. */
    public static String plain(String text) {
        var out = text.replace("$", " ")
                .replace("\\left", "")
                .replace("\\right", "")
                .replace("\\,", " ")
                .replace("\\;", " ")
                .replace("\\!", "")
                .replace('\u2212', '-');
        for (var previous = ""; !previous.equals(out); ) {
            previous = out;
            out = FRACTION.matcher(out).replaceAll("($1)/($2)");
            out = SQRT.matcher(out).replaceAll("sqrt($1)");
        }
        var commands = COMMAND.matcher(out);
        var result = new StringBuilder();
        while (commands.find()) {
            commands.appendReplacement(result, COMMANDS.getOrDefault(commands.group(1), " "));
        }
        commands.appendTail(result);
        return result.toString().replace('{', '(').replace('}', ')');
    }

    /** Every number the text states, in reading order, with fractions and number words as values. */
    public static List<BigDecimal> numbers(String text) {
        var plain = plain(text).replaceAll("\\(\\s*(-?\\d+(?:\\.\\d+)?)\\s*\\)", "$1");
        var values = new ArrayList<BigDecimal>();
        var matcher = NUMBER.matcher(plain);
        while (matcher.find()) {
            var value = decimal(matcher.group(2));
            if (value == null) {
                continue;
            }
            if (matcher.group(3) != null) {
                var denominator = decimal(matcher.group(3));
                if (denominator == null || denominator.signum() == 0) {
                    continue;
                }
                values.add(sign(matcher.group(1), value.divide(denominator, MathContext.DECIMAL64)));
                values.add(sign(matcher.group(1), value));
            } else {
                values.add(sign(matcher.group(1), value));
            }
        }
        for (var i = 0; i < plain.length(); i++) {
            var vulgar = VULGAR.get(plain.charAt(i));
            if (vulgar != null) {
                values.add(vulgar);
            }
        }
        var words = " " + normalise(text) + " ";
        for (var i = 0; i < WORDS.size(); i++) {
            if (words.contains(" " + WORDS.get(i) + " ")) {
                values.add(BigDecimal.valueOf(words.contains(" minus " + WORDS.get(i) + " ") ? -i : i));
            }
        }
        if (words.contains(" half ")) {
            values.add(new BigDecimal("0.5"));
        }
        if (words.contains(" quarter ")) {
            values.add(new BigDecimal("0.25"));
        }
        return values;
    }

    /** Lower case, accents removed, punctuation as spaces, spaces collapsed: for comparing texts. */
    public static String normalise(String text) {
        var plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
        return plain.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** As {@link #normalise}, and with every space removed: for comparing formulas ({@code 1 < x < 7}). */
    public static String compact(String text) {
        return plain(text).toLowerCase(Locale.ROOT).replaceAll("[\\s$()]+", "").replace("\\", "");
    }

    /** Whether two numbers are equal up to a relative 1e-9, as the catalog's numeric grading. */
    public static boolean same(BigDecimal a, BigDecimal b) {
        var tolerance = new BigDecimal("1e-9").multiply(b.abs().max(BigDecimal.ONE));
        return a.subtract(b).abs().compareTo(tolerance) <= 0;
    }

    private static BigDecimal sign(@Nullable String sign, BigDecimal value) {
        return sign == null ? value : value.negate();
    }

    private static @Nullable BigDecimal decimal(String text) {
        var number = text.matches("\\d{1,3}(,\\d{3})+(\\.\\d+)?") ? text.replace(",", "") : text.replace(',', '.');
        try {
            return new BigDecimal(number.startsWith(".") ? "0" + number : number);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
