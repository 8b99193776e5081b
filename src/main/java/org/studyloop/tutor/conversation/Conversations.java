package org.studyloop.tutor.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.ItemId;
import org.studyloop.identity.UserId;
import org.studyloop.practice.SessionId;
import org.studyloop.tutor.ConversationId;
import org.studyloop.tutor.turn.Citation;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Conversations and their turns in {@code tutor.conversations} and {@code tutor.turns}; the turns'
 * texts are stored encrypted ({@link TranscriptCipher}).
 */
@Repository
public class Conversations {

    private static final String COLUMNS = """
            id, student_id, course_id, item_id, session_id, title, hint_level, solution_shown, checks, created_at,
            updated_at""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TranscriptCipher cipher;

    Conversations(JdbcClient jdbc, JsonMapper json, TranscriptCipher cipher) {
        this.jdbc = jdbc;
        this.json = json;
        this.cipher = cipher;
    }

    public void add(Conversation c) {
        jdbc.sql("insert into tutor.conversations (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        c.id().value(),
                        c.student().value(),
                        c.courseId().map(CourseId::value).orElse(null),
                        c.itemId().map(ItemId::value).orElse(null),
                        c.sessionId().map(SessionId::value).orElse(null),
                        c.title(),
                        c.hintLevel(),
                        c.solutionShown(),
                        c.checks(),
                        Timestamp.from(c.createdAt()),
                        Timestamp.from(c.updatedAt()))
                .update();
    }

    /** The conversation if it is the student's; another student's reads as absent. */
    public Optional<Conversation> of(UserId student, ConversationId id) {
        return jdbc.sql("select " + COLUMNS + " from tutor.conversations where id = ? and student_id = ?")
                .params(id.value(), student.value())
                .query(Conversations::conversation)
                .optional();
    }

    /** The conversation locked for one turn, so that two messages sent at once climb the ladder in turn. */
    public Optional<Conversation> lock(UserId student, ConversationId id) {
        return jdbc.sql("select " + COLUMNS + " from tutor.conversations where id = ? and student_id = ? for update")
                .params(id.value(), student.value())
                .query(Conversations::conversation)
                .optional();
    }

    /** The student's conversations, the most recently active first. */
    public List<Conversation> ofStudent(UserId student, int limit) {
        return jdbc.sql("select " + COLUMNS
                        + " from tutor.conversations where student_id = ? order by updated_at desc, id limit ?")
                .params(student.value(), limit)
                .query(Conversations::conversation)
                .list();
    }

    public void update(Conversation c) {
        jdbc.sql("""
                        update tutor.conversations set hint_level = ?, solution_shown = ?, checks = ?, updated_at = ?
                        where id = ?""")
                .params(c.hintLevel(), c.solutionShown(), c.checks(), Timestamp.from(c.updatedAt()), c.id().value())
                .update();
    }

    /** Deletes the conversation and its turns for good; false when the student has no such conversation. */
    public boolean delete(UserId student, ConversationId id) {
        return jdbc.sql("delete from tutor.conversations where id = ? and student_id = ?")
                        .params(id.value(), student.value())
                        .update()
                > 0;
    }

    public void addTurn(ConversationId id, StoredTurn turn) {
        jdbc.sql("""
                        insert into tutor.turns (conversation_id, seq, speaker, text, intent, engine, hint_level,
                            citations, quiz_item_ids, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::uuid[], ?)""")
                .params(
                        id.value(),
                        turn.seq(),
                        turn.speaker().name(),
                        cipher.seal(turn.text(), id),
                        turn.intent().orElse(null),
                        turn.engine().orElse(null),
                        turn.hintLevel(),
                        json.writeValueAsString(turn.citations()),
                        turn.quizItemIds().stream()
                                .map(UUID::toString)
                                .collect(java.util.stream.Collectors.joining(",", "{", "}")),
                        Timestamp.from(turn.at()))
                .update();
    }

    /** The conversation's turns in order; the last {@code limit} of them. */
    public List<StoredTurn> turns(ConversationId id, int limit) {
        return jdbc.sql("""
                        select * from (select seq, speaker, text, intent, engine, hint_level, citations::text as citations,
                            quiz_item_ids, created_at from tutor.turns where conversation_id = ? order by seq desc limit ?) t
                        order by seq""")
                .params(id.value(), limit)
                .query((rs, row) -> turn(rs, id))
                .list();
    }

    public int turnCount(ConversationId id) {
        return jdbc.sql("select count(*) from tutor.turns where conversation_id = ?")
                .param(id.value())
                .query(Integer.class)
                .single();
    }

    private StoredTurn turn(ResultSet rs, ConversationId id) throws SQLException {
        List<Citation> citations = json.readValue(rs.getString("citations"), new TypeReference<>() {});
        return new StoredTurn(
                rs.getInt("seq"),
                StoredTurn.Speaker.valueOf(rs.getString("speaker")),
                cipher.open(rs.getString("text"), id),
                Optional.ofNullable(rs.getString("intent")),
                Optional.ofNullable(rs.getString("engine")),
                rs.getInt("hint_level"),
                citations,
                List.of((UUID[]) rs.getArray("quiz_item_ids").getArray()),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Conversation conversation(ResultSet rs, int row) throws SQLException {
        return new Conversation(
                new ConversationId(rs.getObject("id", UUID.class)),
                new UserId(rs.getObject("student_id", UUID.class)),
                Optional.ofNullable(uuid(rs, "course_id")).map(CourseId::new),
                Optional.ofNullable(uuid(rs, "item_id")).map(ItemId::new),
                Optional.ofNullable(uuid(rs, "session_id")).map(SessionId::new),
                rs.getString("title"),
                rs.getInt("hint_level"),
                rs.getBoolean("solution_shown"),
                rs.getInt("checks"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static @Nullable UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }
}
