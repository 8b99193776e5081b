package org.studyloop.catalog;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code SHORT_TEXT} grading. The response and every accepted answer are normalised alike: Unicode
 * NFKD with the combining marks (accents, diacritics) removed, curly quotes and apostrophes made
 * straight, runs of white space made one space, trimmed, trailing {@code . ! ?} removed, and case
 * folded unless the key is case-sensitive. The key's {@code pattern}, if any, also accepts when it
 * matches the whole trimmed response or the whole normalised one. A listed misconception that
 * matches gives its feedback.
 */
final class TextAnswers {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern TRAILING = Pattern.compile("[.!?]+$");

    private TextAnswers() {}

    static Verdict grade(AnswerKey.Texts key, List<ItemSnapshot.Misconception> misconceptions, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return Verdict.unreadable();
        }
        var given = normalise(text, key.caseSensitive());
        if (key.accepted().stream()
                        .anyMatch(a -> normalise(a, key.caseSensitive()).equals(given))
                || Grading.matches(key.pattern(), text.strip(), key.caseSensitive())
                || Grading.matches(key.pattern(), given, key.caseSensitive())) {
            return Verdict.correctAnswer();
        }
        return misconceptions.stream()
                .filter(m -> normalise(m.answer(), key.caseSensitive()).equals(given))
                .findFirst()
                .map(m -> Verdict.incorrect(m.feedback()))
                .orElseGet(() -> Verdict.incorrect(null));
    }

    static String normalise(String text, boolean caseSensitive) {
        var plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD))
                .replaceAll("")
                .replaceAll("[\u2018\u2019\u201A\u201B\u2032\u00B4`]", "'")
                .replaceAll("[\u201C\u201D\u201E\u201F\u2033]", "\"");
        var collapsed = SPACES.matcher(plain).replaceAll(" ").strip();
        var trimmed = TRAILING.matcher(collapsed).replaceAll("").strip();
        return caseSensitive ? trimmed : trimmed.toLowerCase(Locale.ROOT);
    }
}
