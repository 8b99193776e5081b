package org.studyloop.practice.session;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.SkillId;
import org.studyloop.identity.UserId;
import org.studyloop.practice.AssignmentId;
import org.studyloop.practice.SessionId;
import org.studyloop.practice.SessionMode;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Practice sessions in {@code practice.sessions}. */
@Repository
public class Sessions {

    private static final String COLUMNS = """
            id, student_id, mode, course_id, skill_ids, assignment_id, plan, sections::text as sections,
            seen, answered_items, current_item, hints::text as hints, answers, credit, started_at, deadline,
            finished_at, adaptive::text as adaptive""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Sessions(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void add(PracticeSession session) {
        jdbc.sql("""
                        insert into practice.sessions (id, student_id, mode, course_id, skill_ids, assignment_id, plan,
                            sections, seen, answered_items, current_item, hints, answers, credit, started_at, deadline,
                            finished_at, adaptive)
                        values (:id, :student, :mode, :course, :skills::uuid[], :assignment, :plan::uuid[],
                            :sections::jsonb, :seen::uuid[], :answered::uuid[], :current, :hints::jsonb, :answers,
                            :credit, :startedAt, :deadline, :finishedAt, :adaptive::jsonb)""")
                .param("id", session.id().value())
                .param("student", session.student().value())
                .param("mode", session.mode().name())
                .param("course", session.courseId().map(CourseId::value).orElse(null))
                .param("skills", array(session.skills(), SkillId::value))
                .param(
                        "assignment",
                        session.assignmentId().map(AssignmentId::value).orElse(null))
                .param("plan", array(session.plan(), ItemId::value))
                .param("sections", json.writeValueAsString(session.sections()))
                .params(changes(session))
                .param("startedAt", Timestamp.from(session.startedAt()))
                .param("deadline", session.deadline().map(Timestamp::from).orElse(null))
                .update();
    }

    /** What an answer, a hint or a finish changes. */
    void save(PracticeSession session) {
        jdbc.sql("""
                        update practice.sessions set seen = :seen::uuid[], answered_items = :answered::uuid[],
                            current_item = :current, hints = :hints::jsonb, answers = :answers, credit = :credit,
                            finished_at = :finishedAt, adaptive = :adaptive::jsonb
                        where id = :id""").param("id", session.id().value()).params(changes(session)).update();
    }

    private Map<String, @Nullable Object> changes(PracticeSession session) {
        var hints = session.hints().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toString(), Map.Entry::getValue));
        var values = new java.util.HashMap<String, @Nullable Object>();
        values.put("seen", array(List.copyOf(session.seen()), ItemId::value));
        values.put("answered", array(session.answered(), ItemId::value));
        values.put("current", session.current().map(ItemId::value).orElse(null));
        values.put("hints", json.writeValueAsString(hints));
        values.put("answers", session.answers());
        values.put("credit", session.credit());
        values.put("finishedAt", session.finishedAt().map(Timestamp::from).orElse(null));
        values.put("adaptive", session.adaptive().map(json::writeValueAsString).orElse(null));
        return values;
    }

    /** The session, locked until the transaction ends: one session's answers are applied one at a time. */
    Optional<PracticeSession> lock(SessionId id) {
        return jdbc.sql("select " + COLUMNS + " from practice.sessions where id = ? for update")
                .param(id.value())
                .query(this::session)
                .optional();
    }

    public Optional<PracticeSession> find(SessionId id) {
        return jdbc.sql("select " + COLUMNS + " from practice.sessions where id = ?")
                .param(id.value())
                .query(this::session)
                .optional();
    }

    /** A student's sessions, newest first. */
    public List<PracticeSession> ofStudent(UserId student, int limit, int offset) {
        return jdbc.sql("select " + COLUMNS
                        + " from practice.sessions where student_id = ? order by started_at desc limit ? offset ?")
                .params(student.value(), limit, offset)
                .query(this::session)
                .list();
    }

    public List<PracticeSession> ofAssignment(AssignmentId assignment) {
        return jdbc.sql("select " + COLUMNS + " from practice.sessions where assignment_id = ? order by started_at")
                .param(assignment.value())
                .query(this::session)
                .list();
    }

    private PracticeSession session(ResultSet rs, int row) throws SQLException {
        var course = rs.getObject("course_id", UUID.class);
        var assignment = rs.getObject("assignment_id", UUID.class);
        var current = rs.getObject("current_item", UUID.class);
        var deadline = rs.getTimestamp("deadline");
        var finished = rs.getTimestamp("finished_at");
        var adaptive = rs.getString("adaptive");
        Map<String, Integer> hints = json.readValue(rs.getString("hints"), new TypeReference<>() {});
        List<PracticeSession.Section> sections = json.readValue(rs.getString("sections"), new TypeReference<>() {});
        return new PracticeSession(
                new SessionId(rs.getObject("id", UUID.class)),
                new UserId(rs.getObject("student_id", UUID.class)),
                SessionMode.valueOf(rs.getString("mode")),
                course == null ? null : new CourseId(course),
                uuids(rs.getArray("skill_ids"), SkillId::new),
                assignment == null ? null : new AssignmentId(assignment),
                uuids(rs.getArray("plan"), ItemId::new),
                sections,
                new java.util.LinkedHashSet<>(uuids(rs.getArray("seen"), ItemId::new)),
                uuids(rs.getArray("answered_items"), ItemId::new),
                current == null ? null : new ItemId(current),
                hints.entrySet().stream()
                        .collect(Collectors.toMap(e -> new ItemId(UUID.fromString(e.getKey())), Map.Entry::getValue)),
                rs.getInt("answers"),
                rs.getDouble("credit"),
                rs.getTimestamp("started_at").toInstant(),
                deadline == null ? null : deadline.toInstant(),
                finished == null ? null : finished.toInstant(),
                adaptive == null ? null : json.readValue(adaptive, AdaptivePlan.class));
    }

    static <T> List<T> uuids(Array array, Function<UUID, T> id) throws SQLException {
        return Arrays.stream((UUID[]) array.getArray()).map(id).toList();
    }

    /** A PostgreSQL array literal of uuids, to be cast with {@code ::uuid[]}. */
    static <T> String array(List<T> ids, Function<T, UUID> value) {
        return ids.stream().map(id -> value.apply(id).toString()).collect(Collectors.joining(",", "{", "}"));
    }
}
