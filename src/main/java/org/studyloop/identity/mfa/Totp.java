package org.studyloop.identity.mfa;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.studyloop.identity.token.Secrets;

/**
 * Time-based one-time passwords, RFC 6238: HOTP (RFC 4226 §5.3) over the number of 30-second
 * steps since the epoch, HMAC-SHA1, 6 digits — what authenticator apps expect by default.
 * Secrets are 160 bits (RFC 4226 §4 recommends it), exchanged in base32 (RFC 4648 §6).
 */
public final class Totp {

    static final int DIGITS = 6;
    static final long STEP_SECONDS = 30;
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Totp() {}

    public static String newSecret() {
        var bytes = new byte[20];
        Secrets.random().nextBytes(bytes);
        return base32(bytes);
    }

    /** The code for the time step holding {@code time}, as an authenticator app shows it. */
    public static String code(String base32Secret, Instant time) {
        return hotp(decodeBase32(base32Secret), Math.floorDiv(time.getEpochSecond(), STEP_SECONDS));
    }

    /**
     * The time step whose code this is, if it is the current step's or one either side, for clocks
     * that drift (RFC 6238 §5.2 allows "at most one time step" of network delay).
     */
    public static java.util.OptionalLong verify(String base32Secret, String code, Instant now) {
        var candidate = code.replace(" ", "");
        if (!candidate.matches("\\d{" + DIGITS + "}")) {
            return java.util.OptionalLong.empty();
        }
        var key = decodeBase32(base32Secret);
        var step = Math.floorDiv(now.getEpochSecond(), STEP_SECONDS);
        var matched = java.util.OptionalLong.empty();
        for (long s = step - 1; s <= step + 1; s++) {
            if (java.security.MessageDigest.isEqual(
                    hotp(key, s).getBytes(StandardCharsets.US_ASCII), candidate.getBytes(StandardCharsets.US_ASCII))) {
                matched = java.util.OptionalLong.of(s);
            }
        }
        return matched;
    }

    /** The otpauth URI (Google Authenticator key URI format) that QR codes encode. */
    public static String uri(String base32Secret, String issuer, String account) {
        var label = URLEncoder.encode(issuer + ":" + account, StandardCharsets.UTF_8)
                .replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer="
                + URLEncoder.encode(issuer, StandardCharsets.UTF_8) + "&algorithm=SHA1&digits=" + DIGITS
                + "&period=" + STEP_SECONDS;
    }

    /** RFC 4226 §5.3: HMAC-SHA1 of the counter, dynamic truncation, modulo 10^digits. */
    static String hotp(byte[] key, long counter) {
        try {
            var mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            var hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
            var offset = hash[hash.length - 1] & 0x0f;
            var binary = ((hash[offset] & 0x7f) << 24)
                    | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8)
                    | (hash[offset + 3] & 0xff);
            return String.format("%0" + DIGITS + "d", binary % (int) Math.pow(10, DIGITS));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String base32(byte[] bytes) {
        var out = new StringBuilder();
        int buffer = 0, bits = 0;
        for (var b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    static byte[] decodeBase32(String text) {
        var clean = text.replace("=", "").replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        var out = ByteBuffer.allocate(clean.length() * 5 / 8);
        int buffer = 0, bits = 0;
        for (var c : clean.toCharArray()) {
            var value = BASE32.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("Not base32");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }
}
