package org.studyloop.practice.session;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.SkillId;
import org.studyloop.identity.UserId;
import org.studyloop.practice.SessionId;

/** The append-only attempts in {@code practice.attempts}, partitioned by month. */
@Repository
public class Attempts {

    private final JdbcClient jdbc;

    Attempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One graded answer as stored. */
    public record Attempt(
            UUID id,
            Instant answeredAt,
            SessionId sessionId,
            UserId studentId,
            ItemId itemId,
            int itemVersion,
            List<SkillId> skillIds,
            String outcome,
            double score,
            double credit,
            int hintsUsed,
            @Nullable Integer elapsedMs,
            String response) {}

    void add(Attempt attempt) {
        jdbc.sql("""
                        insert into practice.attempts (id, answered_at, session_id, student_id, item_id, item_version,
                            skill_ids, outcome, score, credit, hints_used, elapsed_ms, response)
                        values (?, ?, ?, ?, ?, ?, ?::uuid[], ?, ?, ?, ?, ?, ?::jsonb)""")
                .params(
                        attempt.id(),
                        Timestamp.from(attempt.answeredAt()),
                        attempt.sessionId().value(),
                        attempt.studentId().value(),
                        attempt.itemId().value(),
                        attempt.itemVersion(),
                        Sessions.array(attempt.skillIds(), SkillId::value),
                        attempt.outcome(),
                        attempt.score(),
                        attempt.credit(),
                        attempt.hintsUsed(),
                        attempt.elapsedMs(),
                        attempt.response())
                .update();
    }

    /** A session's attempts in the order given. */
    public List<Attempt> ofSession(SessionId session) {
        return jdbc.sql("""
                        select id, answered_at, session_id, student_id, item_id, item_version, skill_ids, outcome,
                            score, credit, hints_used, elapsed_ms, response::text as response
                        from practice.attempts where session_id = ? order by answered_at, id""")
                .param(session.value())
                .query((rs, row) -> new Attempt(
                        rs.getObject("id", UUID.class),
                        rs.getTimestamp("answered_at").toInstant(),
                        new SessionId(rs.getObject("session_id", UUID.class)),
                        new UserId(rs.getObject("student_id", UUID.class)),
                        new ItemId(rs.getObject("item_id", UUID.class)),
                        rs.getInt("item_version"),
                        Sessions.uuids(rs.getArray("skill_ids"), SkillId::new),
                        rs.getString("outcome"),
                        rs.getDouble("score"),
                        rs.getDouble("credit"),
                        rs.getInt("hints_used"),
                        rs.getObject("elapsed_ms", Integer.class),
                        rs.getString("response")))
                .list();
    }

    /** The items a student has answered, ever, among these; one indexed scan of their history. */
    Set<ItemId> answeredBy(UserId student) {
        return jdbc
                .sql("select distinct item_id from practice.attempts where student_id = ?")
                .param(student.value())
                .query((rs, row) -> new ItemId(rs.getObject(1, UUID.class)))
                .stream()
                .collect(Collectors.toSet());
    }
}
