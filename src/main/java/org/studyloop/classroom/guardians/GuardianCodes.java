package org.studyloop.classroom.guardians;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.studyloop.classroom.classes.ReadableCodes;
import org.studyloop.identity.UserId;

/**
 * The short-lived, single-use codes that link a parent to a student. The code is shown once, to
 * whoever made it; only its SHA-256 hash is stored. A fast hash is enough: the code is random
 * (31^10, about 2^49 values) and lives for hours; the salted, costly key derivation that NIST SP
 * 800-63B §5.1.1.2 asks for is meant for memorised secrets, which people choose.
 */
@Component
class GuardianCodes {

    private final JdbcClient jdbc;

    GuardianCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Issued(String code, Instant expiresAt) {}

    /** Stores a new code for the student and returns it in clear, the only time it is seen. */
    Issued issue(UserId student, UserId createdBy, Instant now, Duration lifetime) {
        // Housekeeping: the student's spent and expired codes are of no further use.
        jdbc.sql("""
                        delete from classroom.guardian_codes
                        where student_id = :student and (used_at is not null or expires_at <= :now)""")
                .param("student", student.value())
                .param("now", Timestamp.from(now))
                .update();
        var code = ReadableCodes.random(ReadableCodes.GUARDIAN_CODE_LENGTH);
        var expiresAt = now.plus(lifetime);
        jdbc.sql("""
                        insert into classroom.guardian_codes (code_hash, student_id, created_by, created_at, expires_at)
                        values (:hash, :student, :by, :now, :expires)""")
                .param("hash", sha256(code))
                .param("student", student.value())
                .param("by", createdBy.value())
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(expiresAt))
                .update();
        return new Issued(code, expiresAt);
    }

    /**
     * Uses up a code: the student it was made for, when it is known, unused and unexpired. The
     * conditional update makes two concurrent redemptions of one code succeed at most once.
     */
    Optional<UserId> redeem(String code, UserId guardian, Instant now) {
        return jdbc.sql("""
                        update classroom.guardian_codes set used_at = :now, used_by = :guardian
                        where code_hash = :hash and used_at is null and expires_at > :now
                        returning student_id""")
                .param("now", Timestamp.from(now))
                .param("guardian", guardian.value())
                .param("hash", sha256(ReadableCodes.normalise(code)))
                .query(UUID.class)
                .optional()
                .map(UserId::new);
    }

    static String sha256(String code) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
