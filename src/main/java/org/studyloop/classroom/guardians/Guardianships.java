package org.studyloop.classroom.guardians;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.studyloop.identity.UserId;

/**
 * The links between guardians and students, {@code classroom.guardianships}. A revoked link is
 * kept with its {@code revoked_at}; only live links (not revoked) grant anything.
 */
@Component
public class Guardianships {

    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

    private final JdbcClient jdbc;

    Guardianships(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A live link seen from one side: the other person and since when. */
    public record Link(UserId other, Instant linkedAt) {}

    public boolean isGuardian(UserId guardian, UserId student) {
        return jdbc.sql("""
                        select exists (select 1 from classroom.guardianships
                                       where guardian_id = :guardian and student_id = :student
                                         and revoked_at is null)""")
                .param("guardian", guardian.value())
                .param("student", student.value())
                .query(Boolean.class)
                .single();
    }

    /** The student's live guardians, oldest link first. */
    public List<Link> guardiansOf(UserId student) {
        return jdbc.sql("""
                        select guardian_id, linked_at from classroom.guardianships
                        where student_id = :student and revoked_at is null
                        order by linked_at, guardian_id""")
                .param("student", student.value())
                .query((rs, n) -> new Link(
                        new UserId(rs.getObject(1, UUID.class)),
                        rs.getTimestamp(2).toInstant()))
                .list();
    }

    /** The guardian's linked children, oldest link first. */
    public List<Link> childrenOf(UserId guardian) {
        return jdbc.sql("""
                        select student_id, linked_at from classroom.guardianships
                        where guardian_id = :guardian and revoked_at is null
                        order by linked_at, student_id""")
                .param("guardian", guardian.value())
                .query((rs, n) -> new Link(
                        new UserId(rs.getObject(1, UUID.class)),
                        rs.getTimestamp(2).toInstant()))
                .list();
    }

    /**
     * Links the two; false when they already were. The partial unique index on live links makes
     * two concurrent links of the same pair insert one row.
     */
    boolean link(UserId guardian, UserId student, Instant now) {
        return jdbc.sql("""
                        insert into classroom.guardianships (id, guardian_id, student_id, linked_at)
                        values (:id, :guardian, :student, :now)
                        on conflict (guardian_id, student_id) where revoked_at is null do nothing""")
                        .param("id", IDS.generate())
                        .param("guardian", guardian.value())
                        .param("student", student.value())
                        .param("now", Timestamp.from(now))
                        .update()
                > 0;
    }

    /** Ends the live link; false when there was none. */
    boolean revoke(UserId guardian, UserId student, Instant now) {
        return jdbc.sql("""
                        update classroom.guardianships set revoked_at = :now
                        where guardian_id = :guardian and student_id = :student and revoked_at is null""")
                        .param("now", Timestamp.from(now))
                        .param("guardian", guardian.value())
                        .param("student", student.value())
                        .update()
                > 0;
    }
}
