package org.studyloop.identity.token;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/** Random tokens, their hashes, and time-ordered ids. */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator(RANDOM);

    private Secrets() {}

    /** 256 random bits, base64url without padding: unguessable, safe in a URL. */
    public static String token() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * SHA-256 in hex. Enough for high-entropy tokens: a slow hash only matters for secrets a
     * person chose.
     */
    public static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A UUID version 7 (RFC 9562 §5.7): ordered by time, so inserts stay local in the index. */
    public static UUID newId() {
        return IDS.generate();
    }

    public static SecureRandom random() {
        return RANDOM;
    }
}
