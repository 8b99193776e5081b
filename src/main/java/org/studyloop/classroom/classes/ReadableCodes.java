package org.studyloop.classroom.classes;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Codes that people read aloud, copy from a board and type on a phone: join codes and guardian
 * codes. The alphabet leaves out 0, O, 1, I and L, the symbols most often confused in print and
 * handwriting. Crockford's Base32 (https://www.crockford.com/base32.html) drops I, L and O for the
 * same reason but keeps 0 and 1, decoding look-alikes to them; we drop both sides of each pair so
 * that no decoding rule is needed. Codes are compared upper-cased: case never matters to the
 * person typing.
 */
public final class ReadableCodes {

    /** 31 symbols: 23 letters and the digits 2 to 9. */
    public static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /** The same alphabet as a regular-expression class, for Bean Validation patterns. */
    public static final String SYMBOL = "[A-HJKMNP-Z2-9]";

    public static final int JOIN_CODE_LENGTH = 8;
    public static final int GUARDIAN_CODE_LENGTH = 10;

    /** A join code as typed: upper or lower case (Bean Validation runs it case-insensitively). */
    public static final String JOIN_CODE_PATTERN = SYMBOL + "{8}";

    public static final String GUARDIAN_CODE_PATTERN = SYMBOL + "{10}";

    private static final SecureRandom RANDOM = new SecureRandom();

    private ReadableCodes() {}

    /** A code from {@link SecureRandom}: join codes admit to a class, guardian codes to a child. */
    public static String random(int length) {
        return random(RANDOM, length);
    }

    static String random(RandomGenerator random, int length) {
        var code = new StringBuilder(length);
        for (var i = 0; i < length; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The stored spelling of a code someone typed. */
    public static String normalise(String typed) {
        return typed.strip().toUpperCase(Locale.ROOT);
    }

    public static boolean isWellFormed(String code, int length) {
        if (code.length() != length) {
            return false;
        }
        for (var i = 0; i < code.length(); i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
