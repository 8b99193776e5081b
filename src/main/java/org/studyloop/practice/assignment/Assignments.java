package org.studyloop.practice.assignment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.studyloop.catalog.ItemId;
import org.studyloop.classroom.ClassId;
import org.studyloop.identity.UserId;
import org.studyloop.practice.AssignmentId;

/** Assignments in {@code practice.assignments}. */
@Repository
public class Assignments {

    private static final String COLUMNS = "id, class_id, teacher_id, title, items, due_at, created_at";

    private final JdbcClient jdbc;

    Assignments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Assignment assignment) {
        jdbc.sql("insert into practice.assignments (" + COLUMNS + ") values (?, ?, ?, ?, ?::uuid[], ?, ?)")
                .params(
                        assignment.id().value(),
                        assignment.classId().value(),
                        assignment.teacher().value(),
                        assignment.title(),
                        assignment.items().stream()
                                .map(i -> i.value().toString())
                                .collect(Collectors.joining(",", "{", "}")),
                        Timestamp.from(assignment.dueAt()),
                        Timestamp.from(assignment.createdAt()))
                .update();
    }

    public Optional<Assignment> find(AssignmentId id) {
        return jdbc.sql("select " + COLUMNS + " from practice.assignments where id = ?")
                .param(id.value())
                .query(Assignments::assignment)
                .optional();
    }

    /** A class's assignments, soonest due first. */
    public List<Assignment> ofClass(ClassId classId) {
        return jdbc.sql("select " + COLUMNS + " from practice.assignments where class_id = ? order by due_at, id")
                .param(classId.value())
                .query(Assignments::assignment)
                .list();
    }

    private static Assignment assignment(ResultSet rs, int row) throws SQLException {
        return new Assignment(
                new AssignmentId(rs.getObject("id", UUID.class)),
                new ClassId(rs.getObject("class_id", UUID.class)),
                new UserId(rs.getObject("teacher_id", UUID.class)),
                rs.getString("title"),
                Arrays.stream((UUID[]) rs.getArray("items").getArray())
                        .map(ItemId::new)
                        .toList(),
                rs.getTimestamp("due_at").toInstant(),
                rs.getTimestamp("created_at").toInstant());
    }
}
