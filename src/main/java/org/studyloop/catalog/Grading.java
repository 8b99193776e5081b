package org.studyloop.catalog;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Grades a response against an item's {@link AnswerKey}, per item type. The catalog knows what is
 * right; practice calls this and records the {@link Verdict}.
 *
 * <ul>
 *   <li>{@code SINGLE_CHOICE}: the key's id scores 1; another choice 0 with its feedback.
 *   <li>{@code MULTIPLE_CHOICE}: {@code max(0, (right picked - wrong picked) / right)}, so 1 only
 *       for exactly the key; the feedback is the first wrong pick's.
 *   <li>{@code ORDERING}: 1 when exact, else the share of pairs of ids in the right relative order,
 *       {@code 1 - d/(n(n-1)/2)} with {@code d} the Kendall tau distance (discordant pairs; M. G.
 *       Kendall, "A New Measure of Rank Correlation", Biometrika 30, 1938), that is {@code (tau +
 *       1) / 2}: a reversed order scores 0, one swap of neighbours loses one pair.
 *   <li>{@code NUMERIC}, {@code EXPRESSION}, {@code SHORT_TEXT}: see {@link NumberAnswers}, {@link
 *       ExpressionAnswers} and {@link TextAnswers}.
 *   <li>{@code ESSAY}: {@link Verdict.Outcome#PENDING}, for the writing module.
 * </ul>
 *
 * A response that names a choice the item does not have, or a number or expression that cannot be
 * read, is {@link Verdict.Outcome#UNREADABLE}: no credit and no penalty.
 */
public final class Grading {

    private Grading() {}

    /**
     * @throws IllegalArgumentException for a template, which is graded through its instances
     */
    public static Verdict grade(ItemSnapshot item, Response response) {
        return switch (item.answerKey()) {
            case AnswerKey.Choices key ->
                switch (item.type()) {
                    case SINGLE_CHOICE -> singleChoice(item, key, response);
                    case MULTIPLE_CHOICE -> multipleChoice(item, key, response);
                    case ORDERING -> ordering(item, key, response);
                    default -> throw new IllegalArgumentException("a " + item.type() + " item with a choice key");
                };
            case AnswerKey.Numeric key -> NumberAnswers.grade(key, item.misconceptions(), text(response));
            case AnswerKey.Expression key -> ExpressionAnswers.grade(key, item.misconceptions(), text(response));
            case AnswerKey.Texts key -> TextAnswers.grade(key, item.misconceptions(), text(response));
            case AnswerKey.Essay essay -> new Verdict(Verdict.Outcome.PENDING, 0, null);
            case AnswerKey.None none ->
                throw new IllegalArgumentException(
                        "item " + item.itemId() + " is a template: instantiate it, then grade the instance");
        };
    }

    private static Verdict singleChoice(ItemSnapshot item, AnswerKey.Choices key, Response response) {
        var picked = ids(response);
        if (picked.size() != 1) {
            return Verdict.unreadable();
        }
        var choices = choices(item);
        var id = picked.getFirst();
        if (!choices.containsKey(id)) {
            return Verdict.unreadable();
        }
        return key.choiceIds().contains(id)
                ? Verdict.correctAnswer()
                : Verdict.incorrect(choices.get(id).feedback());
    }

    private static Verdict multipleChoice(ItemSnapshot item, AnswerKey.Choices key, Response response) {
        var picked = new LinkedHashSet<>(ids(response));
        var choices = choices(item);
        if (!choices.keySet().containsAll(picked)) {
            return Verdict.unreadable();
        }
        var right = new HashSet<>(key.choiceIds());
        var rightPicked = picked.stream().filter(right::contains).count();
        var wrongPicks = picked.stream().filter(id -> !right.contains(id)).toList();
        var score = Math.max(0.0, (double) (rightPicked - wrongPicks.size()) / right.size());
        var feedback = wrongPicks.stream()
                .map(id -> choices.get(id).feedback())
                .filter(f -> f != null)
                .findFirst()
                .orElse(null);
        if (feedback == null && score < 1 && wrongPicks.isEmpty()) {
            feedback = "Some right choices are missing.";
        }
        return Verdict.scored(score, feedback);
    }

    private static Verdict ordering(ItemSnapshot item, AnswerKey.Choices key, Response response) {
        var order = ids(response);
        var expected = key.choiceIds();
        if (order.size() != expected.size() || !new HashSet<>(order).equals(new HashSet<>(expected))) {
            return Verdict.unreadable();
        }
        if (order.equals(expected)) {
            return Verdict.correctAnswer();
        }
        var rank = new HashMap<String, Integer>();
        for (var i = 0; i < expected.size(); i++) {
            rank.put(expected.get(i), i);
        }
        var n = order.size();
        var concordant = 0;
        for (var i = 0; i < n; i++) {
            for (var j = i + 1; j < n; j++) {
                if (rank.get(order.get(i)) < rank.get(order.get(j))) {
                    concordant++;
                }
            }
        }
        var pairs = n * (n - 1) / 2;
        return Verdict.scored((double) concordant / pairs, null);
    }

    private static Map<String, ItemSnapshot.Choice> choices(ItemSnapshot item) {
        return item.choices().stream()
                .collect(Collectors.toMap(ItemSnapshot.Choice::id, Function.identity(), (a, b) -> a));
    }

    /** The ids of a response; a text is one id. */
    private static List<String> ids(Response response) {
        return switch (response) {
            case Response.Ids ids -> ids.ids().stream().map(String::strip).toList();
            case Response.Text text ->
                text.text().isBlank() ? List.of() : List.of(text.text().strip());
        };
    }

    /** The text of a response; a list of one is its text, a longer list cannot be read as one. */
    private static @Nullable String text(Response response) {
        return switch (response) {
            case Response.Text text -> text.text();
            case Response.Ids ids -> ids.ids().size() == 1 ? ids.ids().getFirst() : null;
        };
    }

    static boolean close(BigDecimal a, BigDecimal b, BigDecimal tolerance) {
        return a.subtract(b).abs().compareTo(tolerance) <= 0;
    }

    static boolean matches(@Nullable String pattern, String text, boolean caseSensitive) {
        if (pattern == null) {
            return false;
        }
        try {
            return Pattern.compile(pattern, caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                    .matcher(text)
                    .matches();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }
}
