package org.studyloop.catalog;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code NUMERIC} grading. A number is read leniently: spaces anywhere, a leading {@code +}, a
 * Unicode minus, {@code ,} as thousands separators ({@code 1,234} and {@code 12,345.6}), a decimal
 * comma when it cannot be a thousands separator ({@code 3,5}, {@code 0,125}, {@code 1234,5}), a
 * fraction ({@code 3/4}, {@code -7/2}) and a trailing unit. A unit equal to the key's (ignoring case
 * and spaces, {@code ^2} reading as {@code ²}) is accepted, another unit is wrong with feedback
 * naming the expected one, and a unit when the key has none cannot be read; leaving the unit out
 * is accepted. The key's absolute or relative tolerance applies (either suffices when both are
 * given); without one, equality up to {@code 1e-9} relative, for decimal representation (a
 * template's key is rounded to 10 significant digits, so {@code 1/3} still matches 0.3333333333).
 */
final class NumberAnswers {

    private static final Pattern NUMBER =
            Pattern.compile("^([+-]?[0-9., ]*[0-9][0-9., ]*(?:/ *[0-9., ]*[0-9][0-9., ]*)?)(.*)$");
    private static final Pattern THOUSANDS = Pattern.compile("^[1-9][0-9]{0,2}(,[0-9]{3})+(\\.[0-9]*)?$");
    private static final Pattern PLAIN = Pattern.compile("^([0-9]+\\.?[0-9]*|\\.[0-9]+)$");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("^[0-9]*,[0-9]+$");
    private static final BigDecimal EXACT = new BigDecimal("1e-9");

    private NumberAnswers() {}

    static Verdict grade(
            AnswerKey.Numeric key, List<ItemSnapshot.Misconception> misconceptions, @Nullable String text) {
        var reading = text == null ? null : read(text);
        if (reading == null) {
            return Verdict.unreadable();
        }
        if (!reading.unit().isEmpty()) {
            if (key.unit() == null) {
                return Verdict.unreadable();
            }
            if (!unit(reading.unit()).equals(unit(key.unit()))) {
                return Verdict.incorrect("The answer is in " + key.unit() + ".");
            }
        }
        if (within(reading.value(), key)) {
            return Verdict.correctAnswer();
        }
        for (var misconception : misconceptions) {
            var wrong = read(misconception.answer());
            if (wrong != null && exact(reading.value(), wrong.value())) {
                return Verdict.incorrect(misconception.feedback());
            }
        }
        return Verdict.incorrect(null);
    }

    record Reading(BigDecimal value, String unit) {}

    /** The number and the unit after it (empty when none), or null when the text is no number. */
    static @Nullable Reading read(String text) {
        var cleaned = text.strip().replace('\u2212', '-').replace('\u00a0', ' ');
        var matcher = NUMBER.matcher(cleaned);
        if (!matcher.matches()) {
            return null;
        }
        var unit = matcher.group(2).strip();
        if (!unit.isEmpty() && !Character.isLetter(unit.charAt(0)) && "%°µ".indexOf(unit.charAt(0)) < 0) {
            return null;
        }
        var number = matcher.group(1).replace(" ", "");
        var negative = number.startsWith("-");
        if (negative || number.startsWith("+")) {
            number = number.substring(1);
        }
        BigDecimal value;
        var slash = number.indexOf('/');
        if (slash >= 0) {
            var numerator = decimal(number.substring(0, slash));
            var denominator = decimal(number.substring(slash + 1));
            if (numerator == null || denominator == null || denominator.signum() == 0) {
                return null;
            }
            value = numerator.divide(denominator, MathContext.DECIMAL64);
        } else {
            value = decimal(number);
        }
        if (value == null) {
            return null;
        }
        return new Reading(negative ? value.negate() : value, unit);
    }

    private static @Nullable BigDecimal decimal(String text) {
        if (THOUSANDS.matcher(text).matches()) {
            return new BigDecimal(text.replace(",", ""));
        }
        if (DECIMAL_COMMA.matcher(text).matches()) {
            return new BigDecimal(text.replace(',', '.'));
        }
        if (PLAIN.matcher(text).matches()) {
            return new BigDecimal(text.endsWith(".") ? text.substring(0, text.length() - 1) : text);
        }
        return null;
    }

    private static boolean within(BigDecimal value, AnswerKey.Numeric key) {
        if (exact(value, key.value())) {
            return true;
        }
        if (key.absolute() != null
                && Grading.close(value, key.value(), key.absolute().abs())) {
            return true;
        }
        return key.relative() != null
                && Grading.close(
                        value,
                        key.value(),
                        key.relative().abs().multiply(key.value().abs()));
    }

    private static boolean exact(BigDecimal a, BigDecimal b) {
        return Grading.close(a, b, EXACT.multiply(b.abs().max(BigDecimal.ONE)));
    }

    private static String unit(String unit) {
        return unit.replace(" ", "")
                .replace("^2", "²")
                .replace("^3", "³")
                .replace("μ", "µ")
                .toLowerCase(Locale.ROOT);
    }
}
