package org.studyloop.practice.session;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.studyloop.identity.UserId;
import org.studyloop.practice.LearnerTotals;

/**
 * The dashboard's counters per student, kept by the answer's own transaction so that they never
 * drift from the attempts: an idempotent retry records nothing, so it moves nothing.
 */
@Repository
public class LearnerTotalsStore {

    private final JdbcClient jdbc;

    LearnerTotalsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts an answer; the streak grows on the first answer of the day after the last one. */
    void countAnswer(UserId student, boolean correct, double credit, Instant at) {
        var day = Date.valueOf(LocalDate.ofInstant(at, ZoneOffset.UTC));
        jdbc.sql("""
                        insert into practice.learner_totals as t (student_id, answers, correct, credit, streak_days,
                            last_day, last_answer_at)
                        values (:student, 1, :correct, :credit, 1, :day, :at)
                        on conflict (student_id) do update set
                            answers = t.answers + 1,
                            correct = t.correct + excluded.correct,
                            credit = t.credit + excluded.credit,
                            streak_days = case
                                when excluded.last_day = t.last_day then t.streak_days
                                when excluded.last_day = t.last_day + 1 then t.streak_days + 1
                                when excluded.last_day < t.last_day then t.streak_days
                                else 1 end,
                            last_day = greatest(t.last_day, excluded.last_day),
                            last_answer_at = greatest(t.last_answer_at, excluded.last_answer_at)""")
                .param("student", student.value())
                .param("correct", correct ? 1 : 0)
                .param("credit", credit)
                .param("day", day)
                .param("at", Timestamp.from(at))
                .update();
    }

    void countSession(UserId student) {
        jdbc.sql("update practice.learner_totals set sessions = sessions + 1 where student_id = ?")
                .param(student.value())
                .update();
    }

    /** The counters, with the streak broken when the last answer is older than yesterday. */
    public LearnerTotals of(UserId student, Instant now) {
        var today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return jdbc.sql("""
                        select answers, correct, credit, sessions, streak_days, last_day, last_answer_at
                        from practice.learner_totals where student_id = ?""")
                .param(student.value())
                .query((rs, row) -> {
                    var lastDay = rs.getDate("last_day").toLocalDate();
                    var streak = lastDay.isBefore(today.minusDays(1)) ? 0 : rs.getInt("streak_days");
                    return new LearnerTotals(
                            rs.getInt("answers"),
                            rs.getInt("correct"),
                            rs.getDouble("credit"),
                            rs.getInt("sessions"),
                            streak,
                            Optional.of(rs.getTimestamp("last_answer_at").toInstant()));
                })
                .optional()
                .orElse(LearnerTotals.NONE);
    }
}
