package org.studyloop.classroom.classes;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.studyloop.classroom.ClassId;
import org.studyloop.identity.UserId;

/**
 * Who is in which class, read straight from the tables: the access policy asks on every learner
 * read, so these are single indexed queries rather than aggregate loads. Archived classes count
 * for nothing: they grant no access and list no students.
 */
@Component
public class Rosters {

    private static final String SUMMARY = """
            select c.id, c.name, c.course_id, c.teacher_id, c.join_code, c.created_at,
                   (select count(*) from classroom.memberships n where n.class_id = c.id) as students
            from classroom.classes c
            """;

    private final JdbcClient jdbc;

    Rosters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A class as a list shows it.
     *
     * @param teaching whether the caller teaches it (and so may see its join code)
     */
    public record ClassSummary(
            ClassId classId,
            String name,
            @Nullable UUID courseId,
            UserId teacher,
            String joinCode,
            int studentCount,
            Instant createdAt,
            boolean teaching) {}

    public boolean teaches(UserId teacher, ClassId classId) {
        return jdbc.sql("""
                        select exists (select 1 from classroom.classes
                                       where id = :class and teacher_id = :teacher and archived_at is null)""")
                .param("class", classId.value())
                .param("teacher", teacher.value())
                .query(Boolean.class)
                .single();
    }

    /** Whether the teacher teaches a class the student is in. */
    public boolean teachesStudent(UserId teacher, UserId student) {
        return jdbc.sql("""
                        select exists (select 1 from classroom.memberships m
                                       join classroom.classes c on c.id = m.class_id
                                       where m.student_id = :student and c.teacher_id = :teacher
                                         and c.archived_at is null)""")
                .param("student", student.value())
                .param("teacher", teacher.value())
                .query(Boolean.class)
                .single();
    }

    public boolean isStudentIn(ClassId classId, UserId student) {
        return jdbc.sql("""
                        select exists (select 1 from classroom.memberships m
                                       join classroom.classes c on c.id = m.class_id
                                       where m.class_id = :class and m.student_id = :student
                                         and c.archived_at is null)""")
                .param("class", classId.value())
                .param("student", student.value())
                .query(Boolean.class)
                .single();
    }

    /** The students of a live class in the order they joined; none for an unknown class. */
    public List<UserId> studentsOf(ClassId classId) {
        return jdbc.sql("""
                        select m.student_id from classroom.memberships m
                        join classroom.classes c on c.id = m.class_id
                        where m.class_id = :class and c.archived_at is null
                        order by m.joined_at, m.student_id""")
                .param("class", classId.value())
                .query((rs, n) -> new UserId(rs.getObject(1, UUID.class)))
                .list();
    }

    /** The course a live class was created for, if it names one. */
    public Optional<UUID> courseOf(ClassId classId) {
        return jdbc.sql("select course_id from classroom.classes where id = :class and archived_at is null")
                .param("class", classId.value())
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class)))
                .optional()
                .flatMap(course -> course);
    }

    /** The teacher of a live class; empty for an unknown or archived class. */
    public Optional<UserId> teacherOf(ClassId classId) {
        return jdbc.sql("select teacher_id from classroom.classes where id = :class and archived_at is null")
                .param("class", classId.value())
                .query((rs, n) -> new UserId(rs.getObject(1, UUID.class)))
                .optional();
    }

    /** The live classes a student is in, oldest first. */
    public List<ClassId> classesOf(UserId student) {
        return jdbc.sql("""
                        select c.id from classroom.classes c
                        join classroom.memberships m on m.class_id = c.id
                        where m.student_id = :student and c.archived_at is null
                        order by c.created_at, c.id""")
                .param("student", student.value())
                .query((rs, n) -> new ClassId(rs.getObject(1, UUID.class)))
                .list();
    }

    /** The live classes a user teaches or is a student in, oldest first, with their sizes. */
    public List<ClassSummary> classesFor(UserId user) {
        return jdbc.sql(SUMMARY + """
                        where c.archived_at is null
                          and (c.teacher_id = :user
                               or exists (select 1 from classroom.memberships m
                                          where m.class_id = c.id and m.student_id = :user))
                        order by c.created_at, c.id""")
                .param("user", user.value())
                .query(summaryFor(user))
                .list();
    }

    /** A live class as the viewer sees it in a list; empty for an unknown or archived class. */
    public Optional<ClassSummary> find(ClassId classId, UserId viewer) {
        return jdbc.sql(SUMMARY + " where c.id = :class and c.archived_at is null")
                .param("class", classId.value())
                .query(summaryFor(viewer))
                .optional();
    }

    private static RowMapper<ClassSummary> summaryFor(UserId viewer) {
        return (rs, n) -> {
            var teacher = rs.getObject("teacher_id", UUID.class);
            return new ClassSummary(
                    new ClassId(rs.getObject("id", UUID.class)),
                    rs.getString("name"),
                    rs.getObject("course_id", UUID.class),
                    new UserId(teacher),
                    rs.getString("join_code"),
                    rs.getInt("students"),
                    rs.getTimestamp("created_at").toInstant(),
                    viewer.value().equals(teacher));
        };
    }
}
