package org.studyloop.practice.session;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/** Ids and digests for practice's rows. */
final class Hashes {

    /** UUIDv7 (RFC 9562 §5.7): time-ordered, so new attempts append to the primary key's index. */
    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

    private Hashes() {}

    static UUID newId() {
        return IDS.generate();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
