package org.studyloop.practice;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.Response;
import org.studyloop.identity.UserId;
import org.studyloop.practice.session.LearnerTotalsStore;
import tools.jackson.databind.json.JsonMapper;

/**
 * The practice module's API for other modules: a student's practice counters and daily activity,
 * and for the tutor the student's last attempt on an item and the mock exam they are sitting, if
 * any. Every method is a read.
 */
@Service
public class Practice {

    /** As {@code PracticeSession.DEADLINE_GRACE}: an exam is still running within it. */
    private static final long DEADLINE_GRACE_SECONDS = 2;

    private final LearnerTotalsStore totals;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    Practice(LearnerTotalsStore totals, JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.totals = totals;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** The counters of the student's dashboard; zeros for a student who never answered. */
    @Transactional(readOnly = true)
    public LearnerTotals totals(UserId student) {
        return totals.of(student, clock.instant());
    }

    /** The student's latest graded answer on the item, in any session; empty when never answered. */
    @Transactional(readOnly = true)
    public Optional<LastAttempt> lastAttempt(UserId student, ItemId item) {
        return jdbc.sql("""
                        select a.session_id, s.mode, a.outcome, a.score, a.response::text as response, a.answered_at
                        from practice.attempts a join practice.sessions s on s.id = a.session_id
                        where a.student_id = ? and a.item_id = ?
                        order by a.answered_at desc limit 1""")
                .params(student.value(), item.value())
                .query((rs, row) -> new LastAttempt(
                        item,
                        new SessionId(rs.getObject("session_id", UUID.class)),
                        SessionMode.valueOf(rs.getString("mode")),
                        rs.getString("outcome"),
                        rs.getDouble("score"),
                        Response.of(json.readValue(rs.getString("response"), Object.class)),
                        rs.getTimestamp("answered_at").toInstant()))
                .optional();
    }

    /** The mock exam the student is sitting now: not finished and not past its deadline. */
    @Transactional(readOnly = true)
    public Optional<ExamInProgress> examInProgress(UserId student) {
        var now = clock.instant();
        return jdbc.sql("""
                        select id, plan, deadline from practice.sessions
                        where student_id = ? and mode = 'EXAM' and finished_at is null
                            and (deadline is null or deadline + make_interval(secs => ?) >= ?)
                        order by started_at desc limit 1""")
                .params(student.value(), DEADLINE_GRACE_SECONDS, Timestamp.from(now))
                .query((rs, row) -> {
                    var deadline = rs.getTimestamp("deadline");
                    return new ExamInProgress(
                            new SessionId(rs.getObject("id", UUID.class)),
                            Arrays.stream((Object[]) rs.getArray("plan").getArray())
                                    .map(id -> new ItemId((UUID) id))
                                    .toList(),
                            Optional.ofNullable(deadline).map(Timestamp::toInstant));
                })
                .optional();
    }

    /** The mode of one of the student's sessions; empty when the student has no such session. */
    @Transactional(readOnly = true)
    public Optional<SessionMode> sessionMode(UserId student, SessionId session) {
        return jdbc.sql("select mode from practice.sessions where id = ? and student_id = ?")
                .params(session.value(), student.value())
                .query((rs, row) -> SessionMode.valueOf(rs.getString(1)))
                .optional();
    }

    /**
     * The student's answers per UTC day over the last {@code days} days, today included, oldest
     * first, a zero for each day without an answer (the dashboard's activity chart).
     */
    @Transactional(readOnly = true)
    public List<DayActivity> activity(UserId student, int days) {
        return totals.activity(student, clock.instant(), days);
    }
}
