package org.studyloop.search.text;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LaTeX spelled out in words, so that BM25 and the embedding model match a student who types "x
 * squared", "square root" or "d y by d x" against content written as {@code $x^2$}, {@code
 * \sqrt{x}} or {@code \frac{dy}{dx}}. The display text keeps the LaTeX verbatim; only the indexed
 * text gets the words, after the maths they stand for.
 */
public final class LatexWords {

    private static final Pattern MATH = Pattern.compile("\\$\\$(.+?)\\$\\$|\\$(.+?)\\$", Pattern.DOTALL);

    /** Commands and their words; longer names first where one is a prefix of another. */
    private static final List<Map.Entry<String, String>> COMMANDS = List.of(
            Map.entry("\\dfrac", " fraction "),
            Map.entry("\\tfrac", " fraction "),
            Map.entry("\\frac", " fraction "),
            Map.entry("\\sqrt", " square root of "),
            Map.entry("\\leq", " less than or equal to "),
            Map.entry("\\geq", " greater than or equal to "),
            Map.entry("\\le", " less than or equal to "),
            Map.entry("\\ge", " greater than or equal to "),
            Map.entry("\\neq", " not equal to "),
            Map.entry("\\ne", " not equal to "),
            Map.entry("\\approx", " approximately "),
            Map.entry("\\times", " times "),
            Map.entry("\\cdot", " times "),
            Map.entry("\\div", " divided by "),
            Map.entry("\\pm", " plus or minus "),
            Map.entry("\\infty", " infinity "),
            Map.entry("\\lim", " limit "),
            Map.entry("\\int", " integral "),
            Map.entry("\\sum", " sum "),
            Map.entry("\\sin", " sine sin "),
            Map.entry("\\cos", " cosine cos "),
            Map.entry("\\tan", " tangent tan "),
            Map.entry("\\ln", " natural logarithm ln "),
            Map.entry("\\log", " logarithm log "),
            Map.entry("\\pi", " pi "),
            Map.entry("\\theta", " theta "),
            Map.entry("\\alpha", " alpha "),
            Map.entry("\\beta", " beta "),
            Map.entry("\\Delta", " delta change in "),
            Map.entry("\\delta", " delta "),
            Map.entry("\\Rightarrow", " implies "),
            Map.entry("\\to", " tends to "),
            Map.entry("\\rightarrow", " tends to "),
            Map.entry("\\circ", " degrees "),
            Map.entry("\\%", " percent "));

    private static final Pattern DERIVATIVE = Pattern.compile("\\\\d?frac\\{d(\\w?)\\}\\{d(\\w)\\}");
    private static final Pattern POWER = Pattern.compile("\\^\\{?(-?[\\w.]+)\\}?");
    private static final Pattern SYMBOLS = Pattern.compile("[=<>+\\-/]");
    // Compiled once: String.replaceAll compiles its pattern on every call, and every chunk indexed
    // and every snippet shown goes through here.
    private static final Pattern BLANKS = Pattern.compile("[ \\t]+");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern COMMAND = Pattern.compile("\\\\[a-zA-Z]+");
    private static final Pattern BRACES = Pattern.compile("[{}\\\\]");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}\\s]");
    private static final Pattern LONE_LETTER = Pattern.compile("\\b\\p{L}\\b");

    private LatexWords() {}

    /**
     * The text with each maths span followed by its words: {@code "$x^2$ is"} becomes
     * {@code "x^2 (x squared) is"} in effect, with LaTeX's punctuation removed.
     */
    public static String spell(String text) {
        var matcher = MATH.matcher(text);
        var out = new StringBuilder();
        while (matcher.find()) {
            var math = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            matcher.appendReplacement(out, Matcher.quoteReplacement(" " + plain(math) + " " + words(math) + " "));
        }
        matcher.appendTail(out);
        return BLANKS.matcher(out).replaceAll(" ");
    }

    /** Words for a query a student typed, maths and all, without dollar signs. */
    public static String spellQuery(String query) {
        return query.contains("$") ? spell(query) : query + " " + words(query);
    }

    /** The maths with LaTeX's commands and braces removed, symbols kept. */
    static String plain(String math) {
        return replace(SPACE, replace(BRACES, replace(COMMAND, math))).strip();
    }

    /** Only the words the maths says; empty when it says nothing beyond its symbols. */
    static String words(String math) {
        var spelled =
                DERIVATIVE.matcher(math).replaceAll(m -> " d" + m.group(1) + " by d" + m.group(2) + " derivative ");
        spelled = POWER.matcher(spelled).replaceAll(m -> switch (m.group(1)) {
            case "2" -> " squared ";
            case "3" -> " cubed ";
            default -> " to the power " + m.group(1) + " ";
        });
        for (var command : COMMANDS) {
            spelled = spelled.replace(command.getKey(), command.getValue());
        }
        spelled = SYMBOLS.matcher(spelled).replaceAll(m -> switch (m.group()) {
            case "=" -> " equals ";
            case "<" -> " less than ";
            case ">" -> " greater than ";
            case "+" -> " plus ";
            case "-" -> " minus ";
            default -> " over ";
        });
        return replace(SPACE, replace(LONE_LETTER, replace(NOT_LETTERS, replace(COMMAND, spelled))))
                .strip();
    }

    private static String replace(Pattern pattern, String text) {
        return pattern.matcher(text).replaceAll(" ");
    }
}
