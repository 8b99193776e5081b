package org.studyloop.mastery.online;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.SkillId;
import org.studyloop.identity.UserId;
import org.studyloop.mastery.fsrs.Memory;
import org.studyloop.mastery.model.LearnerTrace;
import org.studyloop.mastery.model.SkillTrace;

/**
 * The learner states in {@code mastery.learners} and {@code mastery.skill_states}, and the
 * evidence log. An answer is written by one statement — the student's row, one row per skill of the
 * item and the evidence, as data-modifying common table expressions — so the answer path pays one
 * round trip whatever the number of skills. The student's row carries the answer count as a
 * version: the statement writes nothing unless the count is still the one the state was computed
 * from (optimistic concurrency; the caller then reloads under a row lock and computes again).
 */
@Repository
public class LearnerStore {

    private static final String SKILL_COLUMNS = """
            student_id, skill_id, answers, wins, local_ability, fast_wins, fast_fails, slow_wins, slow_fails,
            day_wins, day_fails, month_wins, month_fails, mastery, confidence, last_at, stability, difficulty,
            reviews, lapses, due_at""";

    /** One skill row's placeholders, each cast so that a VALUES list has column types. */
    private static final String SKILL_VALUES = """
            (?::uuid, ?::uuid, ?::int, ?::int, ?::float8, ?::float8, ?::float8, ?::float8, ?::float8, ?::float8,
             ?::float8, ?::float8, ?::float8, ?::float8, ?::float8, ?::timestamptz, ?::float8, ?::float8, ?::int,
             ?::int, ?::timestamptz)""";

    private final JdbcClient jdbc;

    LearnerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What an answer writes. */
    public record Write(
            UserId student,
            int expectedAnswers,
            LearnerTrace learner,
            List<SkillId> skills,
            List<SkillState> states,
            ItemId itemId,
            boolean correct,
            double credit,
            int hintsUsed,
            int hintsAvailable,
            long elapsedMs,
            Instant answeredAt,
            String mode,
            double predicted,
            int rating) {}

    /** The student's state, read as committed; with {@code lock}, the student's row stays locked. */
    public LearnerSnapshot load(UserId student, boolean lock) {
        var learner = jdbc.sql("select answers, ability, last_at from mastery.learners where student_id = ?"
                        + (lock ? " for update" : ""))
                .param(student.value())
                .query((rs, row) -> new LearnerTrace(
                        rs.getInt("answers"), rs.getDouble("ability"), seconds(rs.getTimestamp("last_at"))))
                .optional()
                .orElse(LearnerTrace.NONE);
        var skills = new HashMap<SkillId, SkillState>();
        jdbc.sql("select " + SKILL_COLUMNS + " from mastery.skill_states where student_id = ?")
                .param(student.value())
                .query((ResultSet rs) -> {
                    skills.put(new SkillId(rs.getObject("skill_id", UUID.class)), state(rs));
                });
        return new LearnerSnapshot(student, learner, skills);
    }

    private static SkillState state(ResultSet rs) throws SQLException {
        var lastAt = rs.getTimestamp("last_at").toInstant();
        var trace = new SkillTrace(
                rs.getInt("answers"),
                rs.getInt("wins"),
                rs.getDouble("local_ability"),
                rs.getDouble("fast_wins"),
                rs.getDouble("fast_fails"),
                rs.getDouble("slow_wins"),
                rs.getDouble("slow_fails"),
                rs.getDouble("day_wins"),
                rs.getDouble("day_fails"),
                rs.getDouble("month_wins"),
                rs.getDouble("month_fails"),
                lastAt.getEpochSecond());
        var memory = new Memory(
                rs.getDouble("stability"),
                rs.getDouble("difficulty"),
                lastAt,
                rs.getInt("reviews"),
                rs.getInt("lapses"));
        return new SkillState(
                trace,
                memory,
                rs.getTimestamp("due_at").toInstant(),
                rs.getDouble("mastery"),
                rs.getDouble("confidence"));
    }

    /** Writes an answer; false, having written nothing, when another answer of the student came first. */
    public boolean write(Write w) {
        var params = new ArrayList<Object>();
        params.add(w.student().value());
        params.add(w.learner().answers());
        params.add(w.learner().ability());
        params.add(timestamp(w.learner().lastAt()));
        params.add(w.expectedAnswers());
        var values = new ArrayList<String>();
        for (int i = 0; i < w.skills().size(); i++) {
            var s = w.states().get(i);
            var t = s.trace();
            values.add(SKILL_VALUES);
            params.addAll(List.of(
                    w.student().value(),
                    w.skills().get(i).value(),
                    t.answers(),
                    t.wins(),
                    t.local(),
                    t.fastWins(),
                    t.fastFails(),
                    t.slowWins(),
                    t.slowFails(),
                    t.dayWins(),
                    t.dayFails(),
                    t.monthWins(),
                    t.monthFails(),
                    s.mastery(),
                    s.confidence(),
                    timestamp(t.lastAt()),
                    s.memory().stability(),
                    s.memory().difficulty(),
                    s.memory().reviews(),
                    s.memory().lapses(),
                    Timestamp.from(s.dueAt())));
        }
        params.addAll(List.of(
                w.student().value(),
                w.itemId().value(),
                uuids(w.skills().stream().map(SkillId::value).toList()),
                w.correct(),
                w.credit(),
                w.hintsUsed(),
                w.hintsAvailable(),
                Math.toIntExact(Math.min(w.elapsedMs(), Integer.MAX_VALUE)),
                Timestamp.from(w.answeredAt()),
                w.mode(),
                w.predicted(),
                w.rating()));
        var skillsCte = values.isEmpty()
                ? "skills as (select 1 where false)"
                : "skills as (insert into mastery.skill_states as s (" + SKILL_COLUMNS + ") select v.* from (values "
                        + String.join(", ", values) + ") as v where exists (select 1 from learner)"
                        + " on conflict (student_id, skill_id) do update set " + updates() + " returning 1)";
        var written = jdbc.sql("""
                        with learner as (
                            insert into mastery.learners as l (student_id, answers, ability, last_at)
                            values (?::uuid, ?::int, ?::float8, ?::timestamptz)
                            on conflict (student_id) do update
                                set answers = excluded.answers, ability = excluded.ability, last_at = excluded.last_at
                                where l.answers = ?::int
                            returning 1),
                        """ + skillsCte + """
                        ,
                        evidence as (
                            insert into mastery.evidence (student_id, item_id, skill_ids, correct, credit, hints_used,
                                hints_available, elapsed_ms, answered_at, mode, predicted, rating)
                            select ?::uuid, ?::uuid, ?::uuid[], ?::boolean, ?::real, ?::smallint, ?::smallint, ?::int,
                                ?::timestamptz, ?::text, ?::real, ?::smallint
                            where exists (select 1 from learner)
                            returning 1)
                        select count(*)::int from learner""")
                .params(params)
                .query(Integer.class)
                .single();
        return written == 1;
    }

    private static String updates() {
        return List.of(SKILL_COLUMNS.split(",")).stream()
                .map(String::strip)
                .filter(c -> !c.equals("student_id") && !c.equals("skill_id"))
                .map(c -> c + " = excluded." + c)
                .collect(Collectors.joining(", "));
    }

    /** The due skills of a student, soonest first. */
    public List<DueRow> due(UserId student, Instant now, int limit) {
        return jdbc.sql("""
                        select skill_id, due_at from mastery.skill_states
                        where student_id = ? and due_at <= ? order by due_at limit ?""")
                .params(student.value(), Timestamp.from(now), limit)
                .query((rs, row) -> new DueRow(
                        new SkillId(rs.getObject("skill_id", UUID.class)),
                        rs.getTimestamp("due_at").toInstant()))
                .list();
    }

    public record DueRow(SkillId skillId, Instant dueAt) {}

    /** A PostgreSQL array literal of uuids, to be cast with {@code ::uuid[]}. */
    static String uuids(List<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }

    static Timestamp timestamp(long epochSecond) {
        return Timestamp.from(Instant.ofEpochSecond(epochSecond));
    }

    static long seconds(Timestamp timestamp) {
        return timestamp.toInstant().getEpochSecond();
    }
}
