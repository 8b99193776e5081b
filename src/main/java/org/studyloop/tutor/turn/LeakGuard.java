package org.studyloop.tutor.turn;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.studyloop.catalog.AnswerKey;
import org.studyloop.catalog.Grading;
import org.studyloop.catalog.ItemSnapshot;
import org.studyloop.catalog.Response;

/**
 * Finds an item's answer in a reply before the student sees it (issue 8, "answer-leak guard"). A
 * reply leaks when, once the authored hints already shown are taken out of it (the author decided
 * those may be seen), it still states:
 *
 * <ul>
 *   <li>a numeric key in any spelling {@link MathText#numbers} reads (0.5 = 1/2 = .50 = ½ = "one
 *       half"), or any number the catalog's grading accepts within the key's tolerance;
 *   <li>an expression key: any formula span of the reply (between dollars, after an {@code =}, a
 *       short sentence) that the catalog's {@link Grading} marks correct, so {@code 2x+2} and
 *       {@code 2(x+1)} are both caught;
 *   <li>a text key: an accepted answer, normalised for case, accents, spaces and punctuation, as
 *       words of the reply;
 *   <li>a choice key: the right choice's id where a choice is named ("option b", "(b)", "b)", "it's
 *       B") and the right choice's text (numerically when it is a number);
 *   <li>the worked solution's final result (its last formula), numerically or as a compact formula.
 * </ul>
 *
 * The check is deliberately eager: a false alarm costs one authored hint instead of a generated
 * reply, a miss gives the answer away.
 */
public final class LeakGuard {

    private static final Pattern MATH_SPAN = Pattern.compile("\\$([^$]+)\\$");
    private static final Pattern AFTER_EQUALS = Pattern.compile("=\\s*([^=,;\\n]+?)(?:[,;\\n]|\\.\\s|\\.$|$)");
    private static final Pattern SENTENCE = Pattern.compile("[^.!?\\n]+");

    private LeakGuard() {}

    /** What in the reply gives the answer away, if anything. */
    public static Optional<String> leak(String reply, ItemSnapshot item, List<String> allowed) {
        var remaining = reply;
        for (var shown : allowed) {
            if (!shown.isBlank()) {
                remaining = remaining.replace(shown, " ");
            }
        }
        // Citation markers ([1], [2]) are the tutor's own numbering, not numbers the reply states.
        var text = remaining.replaceAll("\\[\\d{1,2}]", " ");
        var found = switch (item.answerKey()) {
            case AnswerKey.Numeric key -> numeric(text, item, key);
            case AnswerKey.Expression key -> graded(text, item);
            case AnswerKey.Texts key -> texts(text, key);
            case AnswerKey.Choices key -> choices(text, item, key);
            case AnswerKey.Essay essay -> Optional.<String>empty();
            case AnswerKey.None none -> Optional.<String>empty();
        };
        return found.or(() -> finalResult(item.solution()).flatMap(result -> stated(text, result)));
    }

    public static boolean leaks(String reply, ItemSnapshot item, List<String> allowed) {
        return leak(reply, item, allowed).isPresent();
    }

    private static Optional<String> numeric(String text, ItemSnapshot item, AnswerKey.Numeric key) {
        for (var number : MathText.numbers(text)) {
            if (MathText.same(number, key.value())
                    || Grading.grade(item, Response.text(number.toPlainString()))
                            .correct()) {
                return Optional.of("the numeric key");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> graded(String text, ItemSnapshot item) {
        for (var candidate : candidates(text)) {
            try {
                if (Grading.grade(item, Response.text(candidate)).correct()) {
                    return Optional.of("the expression key");
                }
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<String> texts(String text, AnswerKey.Texts key) {
        var words = " " + MathText.normalise(text) + " ";
        for (var accepted : key.accepted()) {
            var wanted = MathText.normalise(accepted);
            if (!wanted.isEmpty() && words.contains(" " + wanted + " ")) {
                return Optional.of("an accepted answer");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> choices(String text, ItemSnapshot item, AnswerKey.Choices key) {
        for (var id : key.choiceIds()) {
            var quoted = Pattern.quote(id);
            var named = Pattern.compile(
                    "(?i)(?:\\((" + quoted + ")\\)|\\[(" + quoted + ")\\]|(?<![\\p{L}\\d])(" + quoted + ")\\)"
                            + "|(?:option|choice|answer|letter|alternative|pick|choose|select|go with|it'?s|it is"
                            + "|is|opci[oó]n|r[ée]ponse|respuesta|antwort|resposta)\\s*[:\\-]?\\s*\"?'?(" + quoted
                            + ")(?![\\p{L}\\d]))");
            if (named.matcher(text).find()
                    || text.strip().equalsIgnoreCase(id)
                    || (id.length() == 1
                            && Character.isLetter(id.charAt(0))
                            && !id.equalsIgnoreCase("a")
                            && !id.equalsIgnoreCase("i")
                            && Pattern.compile("(?<![\\p{L}\\d'])" + id.toUpperCase(java.util.Locale.ROOT)
                                            + "(?![\\p{L}\\d'])")
                                    .matcher(text)
                                    .find())) {
                return Optional.of("the right choice's id");
            }
        }
        for (var choice : item.choices()) {
            if (key.choiceIds().contains(choice.id())
                    && stated(text, choice.text()).isPresent()) {
                return Optional.of("the right choice's text");
            }
        }
        return Optional.empty();
    }

    /** Whether the text states this result: as its number when it is one, else as a formula or words. */
    static Optional<String> stated(String text, String result) {
        var values = MathText.numbers(result);
        var plainResult = MathText.normalise(MathText.plain(result));
        var onlyNumber = values.size() == 1 && plainResult.matches("-?[0-9 ]+");
        if (onlyNumber) {
            for (var number : MathText.numbers(text)) {
                if (MathText.same(number, values.getFirst())) {
                    return Optional.of("the worked solution's result");
                }
            }
            return Optional.empty();
        }
        var compact = MathText.compact(result);
        if (compact.length() >= 3 && MathText.compact(text).contains(compact)) {
            return Optional.of("the worked solution's result");
        }
        var words = MathText.normalise(result);
        if (words.length() >= 4 && (" " + MathText.normalise(text) + " ").contains(" " + words + " ")) {
            return Optional.of("the worked solution's result");
        }
        return Optional.empty();
    }

    /** The last formula of a worked solution, or what follows its last {@code =}; empty when none. */
    static Optional<String> finalResult(String solution) {
        var spans = new ArrayList<String>();
        var matcher = MATH_SPAN.matcher(solution);
        while (matcher.find()) {
            spans.add(matcher.group(1));
        }
        var last = spans.isEmpty() ? solution : spans.getLast();
        var equals = last.lastIndexOf('=');
        var result = (equals >= 0 ? last.substring(equals + 1) : last).strip();
        if (result.endsWith(".")) {
            result = result.substring(0, result.length() - 1).strip();
        }
        return result.isEmpty() || result.length() > 60 || spans.isEmpty() && equals < 0
                ? Optional.empty()
                : Optional.of(result);
    }

    /** Formula-like spans of a text that could be an answer: LaTeX spans, after {@code =}, short sentences. */
    private static List<String> candidates(String text) {
        var candidates = new ArrayList<String>();
        var spans = MATH_SPAN.matcher(text);
        while (spans.find()) {
            candidates.add(MathText.plain(spans.group(1)));
        }
        var plain = MathText.plain(text);
        var equals = AFTER_EQUALS.matcher(plain);
        while (equals.find()) {
            candidates.add(equals.group(1).strip());
        }
        var sentences = SENTENCE.matcher(plain);
        while (sentences.find()) {
            var sentence = sentences.group().strip();
            var words = sentence.split("\\s+");
            // Every ending of the sentence up to 8 words: "so the derivative is 6x + 2" yields "6x + 2".
            for (var from = Math.max(0, words.length - 8); from < words.length; from++) {
                var ending = String.join(" ", java.util.Arrays.asList(words).subList(from, words.length));
                if (ending.length() <= 40) {
                    candidates.add(ending);
                }
            }
        }
        return candidates.stream().filter(c -> !c.isBlank()).distinct().toList();
    }
}
