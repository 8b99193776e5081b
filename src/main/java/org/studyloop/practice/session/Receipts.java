package org.studyloop.practice.session;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.studyloop.identity.UserId;
import org.studyloop.practice.PracticeProblems;
import org.studyloop.practice.SessionId;
import org.studyloop.shared.FieldProblem;
import org.studyloop.shared.ProblemException;

/**
 * Idempotency receipts for answers. {@link #claim} inserts the key's row first thing in the
 * answer's transaction: a concurrent request with the same key blocks on the primary key until
 * the first transaction ends, then finds the row and returns its body — so eight identical
 * requests record one answer, and all get the same bytes. Should the first transaction roll back,
 * the waiting one claims the key itself.
 */
@Repository
class Receipts {

    private final JdbcClient jdbc;

    Receipts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the key for this request, or gives the body answered to an earlier request with it.
     *
     * @throws ProblemException when the key was used for a different request
     */
    Optional<String> claim(UserId student, String key, SessionId session, String requestHash, Instant now) {
        var claimed = jdbc.sql("""
                        insert into practice.answer_receipts (student_id, idempotency_key, session_id, request_hash,
                            created_at)
                        values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(student.value(), key, session.value(), requestHash, Timestamp.from(now))
                .update();
        if (claimed == 1) {
            return Optional.empty();
        }
        var earlier = jdbc.sql("""
                        select session_id, request_hash, body from practice.answer_receipts
                        where student_id = ? and idempotency_key = ?""")
                .params(student.value(), key)
                .query((rs, row) -> new Earlier(rs.getString("request_hash"), rs.getString("body")))
                .single();
        if (!earlier.requestHash().equals(requestHash) || earlier.body() == null) {
            throw new ProblemException(
                    PracticeProblems.IDEMPOTENCY_KEY_REUSED,
                    "idempotencyKey: this key was used for a different answer; use a new key for a new answer.",
                    List.of(new FieldProblem("idempotencyKey", "was used for a different answer")),
                    Map.of());
        }
        return Optional.of(earlier.body());
    }

    private record Earlier(String requestHash, @Nullable String body) {}

    void complete(UserId student, String key, String body) {
        jdbc.sql("update practice.answer_receipts set body = ? where student_id = ? and idempotency_key = ?")
                .params(body, student.value(), key)
                .update();
    }

    /** Forgets receipts older than the retry window: a retry comes within minutes, not days. */
    int forgetBefore(Instant cutoff) {
        return jdbc.sql("delete from practice.answer_receipts where created_at < ?")
                .param(Timestamp.from(cutoff))
                .update();
    }
}
