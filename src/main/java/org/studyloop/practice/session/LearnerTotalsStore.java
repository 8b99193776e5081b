package org.studyloop.practice.session;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.studyloop.identity.UserId;
import org.studyloop.practice.DayActivity;
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

    /** Answers per UTC day over the last {@code days} days up to {@code now}, zeros included. */
    public List<DayActivity> activity(UserId student, Instant now, int days) {
        var today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        var first = today.minusDays(days - 1L);
        var counted = new HashMap<LocalDate, DayActivity>();
        jdbc.sql("""
                        select (answered_at at time zone 'UTC')::date as day, count(*) as answers,
                            count(*) filter (where outcome = 'CORRECT') as correct
                        from practice.attempts
                        where student_id = :student and answered_at >= :from
                        group by 1""")
                .param("student", student.value())
                .param("from", Timestamp.from(first.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .query((rs, row) ->
                        new DayActivity(rs.getDate("day").toLocalDate(), rs.getInt("answers"), rs.getInt("correct")))
                .list()
                .forEach(day -> counted.put(day.day(), day));
        var result = new ArrayList<DayActivity>();
        for (var day = first; !day.isAfter(today); day = day.plusDays(1)) {
            result.add(counted.getOrDefault(day, new DayActivity(day, 0, 0)));
        }
        return result;
    }
}
