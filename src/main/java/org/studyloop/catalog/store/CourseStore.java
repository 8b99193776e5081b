package org.studyloop.catalog.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.CourseOutline;
import org.studyloop.catalog.SkillId;
import org.studyloop.catalog.pack.Pack;

/**
 * Courses, units, skills, prerequisites and lessons in schema {@code catalog}. Every write is an
 * upsert that touches a row only when something differs ({@code IS DISTINCT FROM}), and reports
 * whether it did, so that importing the same pack again changes nothing and says so.
 */
@Repository
public class CourseStore {

    private final JdbcClient jdbc;

    CourseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record CourseSummary(
            CourseId courseId, String key, String title, String subject, int skillCount, int itemCount) {}

    public record Lesson(
            UUID lessonId,
            String key,
            SkillId skillId,
            String title,
            String body,
            @Nullable String video,
            @Nullable String article,
            @Nullable String pdf) {}

    /** The course row as stored, for exports and for the defaults of its items. */
    public record CourseRow(
            CourseId courseId,
            String key,
            String title,
            String subject,
            String language,
            String description,
            String source,
            String licence,
            int packVersion) {}

    boolean upsertCourse(CourseId id, Pack.Course course, Instant now) {
        return jdbc.sql("""
                insert into catalog.course as c
                    (id, key, title, subject, language, description, source, licence, pack_version, updated_at)
                values (:id, :key, :title, :subject, :language, :description, :source, :licence, :version, :now)
                on conflict (id) do update set title = excluded.title, subject = excluded.subject,
                    language = excluded.language, description = excluded.description, source = excluded.source,
                    licence = excluded.licence, pack_version = excluded.pack_version, updated_at = excluded.updated_at
                where (c.title, c.subject, c.language, c.description, c.source, c.licence, c.pack_version)
                    is distinct from (excluded.title, excluded.subject, excluded.language, excluded.description,
                    excluded.source, excluded.licence, excluded.pack_version)
                """)
                        .param("id", id.value())
                        .param("key", course.key())
                        .param("title", course.title())
                        .param("subject", course.subject())
                        .param("language", course.language())
                        .param("description", course.description())
                        .param("source", course.source())
                        .param("licence", course.licence())
                        .param("version", course.version())
                        .param("now", java.sql.Timestamp.from(now))
                        .update()
                > 0;
    }

    boolean upsertUnit(UUID id, CourseId course, Pack.Unit unit, int position) {
        return jdbc.sql("""
                insert into catalog.unit as u (id, course_id, key, title, position)
                values (:id, :course, :key, :title, :position)
                on conflict (id) do update set title = excluded.title, position = excluded.position
                where (u.title, u.position) is distinct from (excluded.title, excluded.position)
                """)
                        .param("id", id)
                        .param("course", course.value())
                        .param("key", unit.key())
                        .param("title", unit.title())
                        .param("position", position)
                        .update()
                > 0;
    }

    boolean upsertSkill(SkillId id, CourseId course, UUID unit, Pack.Skill skill, int position) {
        return jdbc.sql("""
                insert into catalog.skill as s (id, course_id, unit_id, key, name, description, position)
                values (:id, :course, :unit, :key, :name, :description, :position)
                on conflict (id) do update set unit_id = excluded.unit_id, name = excluded.name,
                    description = excluded.description, position = excluded.position
                where (s.unit_id, s.name, s.description, s.position)
                    is distinct from (excluded.unit_id, excluded.name, excluded.description, excluded.position)
                """)
                        .param("id", id.value())
                        .param("course", course.value())
                        .param("unit", unit)
                        .param("key", skill.key())
                        .param("name", skill.name())
                        .param("description", skill.description())
                        .param("position", position)
                        .update()
                > 0;
    }

    boolean replacePrerequisites(SkillId skill, List<SkillId> prerequisites) {
        var current = jdbc.sql(
                        "select prerequisite_id from catalog.skill_prerequisite where skill_id = :s order by position")
                .param("s", skill.value())
                .query(UUID.class)
                .list();
        var wanted = prerequisites.stream().map(SkillId::value).toList();
        if (current.equals(wanted)) {
            return false;
        }
        jdbc.sql("delete from catalog.skill_prerequisite where skill_id = :s")
                .param("s", skill.value())
                .update();
        for (int i = 0; i < wanted.size(); i++) {
            jdbc.sql("insert into catalog.skill_prerequisite (skill_id, prerequisite_id, position) values (:s, :p, :i)")
                    .param("s", skill.value())
                    .param("p", wanted.get(i))
                    .param("i", i)
                    .update();
        }
        return true;
    }

    boolean upsertLesson(UUID id, CourseId course, SkillId skill, Pack.Lesson lesson, int position) {
        return jdbc.sql("""
                insert into catalog.lesson as l (id, course_id, skill_id, key, title, body, video, article, pdf, position)
                values (:id, :course, :skill, :key, :title, :body, :video, :article, :pdf, :position)
                on conflict (id) do update set skill_id = excluded.skill_id, title = excluded.title,
                    body = excluded.body, video = excluded.video, article = excluded.article, pdf = excluded.pdf,
                    position = excluded.position
                where (l.skill_id, l.title, l.body, l.video, l.article, l.pdf, l.position) is distinct from
                    (excluded.skill_id, excluded.title, excluded.body, excluded.video, excluded.article,
                    excluded.pdf, excluded.position)
                """)
                        .param("id", id)
                        .param("course", course.value())
                        .param("skill", skill.value())
                        .param("key", lesson.key())
                        .param("title", lesson.title())
                        .param("body", lesson.body())
                        .param("video", lesson.video())
                        .param("article", lesson.article())
                        .param("pdf", lesson.pdf())
                        .param("position", position)
                        .update()
                > 0;
    }

    /** Removes the units, skills or lessons ({@code table}) of the course that the pack no longer has. */
    boolean deleteOthers(String table, CourseId course, Set<UUID> kept) {
        if (!Set.of("unit", "skill", "lesson").contains(table)) {
            throw new IllegalArgumentException(table);
        }
        return jdbc.sql("delete from catalog." + table + " where course_id = :course and not (id = any(:kept))")
                        .param("course", course.value())
                        .param("kept", kept.toArray(UUID[]::new))
                        .update()
                > 0;
    }

    public List<CourseSummary> courses() {
        return jdbc.sql("""
                select c.id, c.key, c.title, c.subject,
                    (select count(*) from catalog.skill s where s.course_id = c.id) as skills,
                    (select count(*) from catalog.item i where i.course_id = c.id and i.status = 'PUBLISHED'
                        and i.class_id is null) as items
                from catalog.course c order by c.title, c.key
                """)
                .query((rs, n) -> new CourseSummary(
                        new CourseId(rs.getObject("id", UUID.class)),
                        rs.getString("key"),
                        rs.getString("title"),
                        rs.getString("subject"),
                        rs.getInt("skills"),
                        rs.getInt("items")))
                .list();
    }

    public Optional<CourseRow> course(CourseId id) {
        return jdbc.sql("select * from catalog.course where id = :id")
                .param("id", id.value())
                .query((rs, n) -> new CourseRow(
                        id,
                        rs.getString("key"),
                        rs.getString("title"),
                        rs.getString("subject"),
                        rs.getString("language"),
                        rs.getString("description"),
                        rs.getString("source"),
                        rs.getString("licence"),
                        rs.getInt("pack_version")))
                .optional();
    }

    public Optional<CourseOutline> outline(CourseId id) {
        return course(id).map(course -> {
            var prerequisites = new LinkedHashMap<UUID, List<SkillId>>();
            jdbc.sql("""
                    select p.skill_id, p.prerequisite_id from catalog.skill_prerequisite p
                    join catalog.skill s on s.id = p.skill_id where s.course_id = :id order by p.position
                    """).param("id", id.value()).query(rs -> {
                prerequisites
                        .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new SkillId(rs.getObject(2, UUID.class)));
            });
            var skills = new LinkedHashMap<UUID, List<CourseOutline.Skill>>();
            jdbc.sql("select * from catalog.skill where course_id = :id order by position")
                    .param("id", id.value())
                    .query(rs -> {
                        var skillId = rs.getObject("id", UUID.class);
                        skills.computeIfAbsent(rs.getObject("unit_id", UUID.class), k -> new ArrayList<>())
                                .add(new CourseOutline.Skill(
                                        new SkillId(skillId),
                                        rs.getString("key"),
                                        rs.getString("name"),
                                        rs.getString("description"),
                                        prerequisites.getOrDefault(skillId, List.of())));
                    });
            var units = jdbc.sql("select id, key, title from catalog.unit where course_id = :id order by position")
                    .param("id", id.value())
                    .query((rs, n) -> {
                        var unitId = rs.getObject("id", UUID.class);
                        return new CourseOutline.Unit(
                                unitId.toString(),
                                rs.getString("key"),
                                rs.getString("title"),
                                skills.getOrDefault(unitId, List.of()));
                    })
                    .list();
            return new CourseOutline(id, course.key(), course.title(), course.subject(), course.language(), units);
        });
    }

    /** The course a lesson belongs to, for pages that have only the lesson's id. */
    public Optional<CourseId> courseOfLesson(UUID lessonId) {
        return jdbc.sql("select course_id from catalog.lesson where id = :id")
                .param("id", lessonId)
                .query((rs, n) -> new CourseId(rs.getObject(1, UUID.class)))
                .optional();
    }

    /** Each skill's first lesson in the pack's order, by skill: ids only, for pages that link them. */
    public Map<SkillId, UUID> firstLessons(CourseId course) {
        var first = new HashMap<SkillId, UUID>();
        jdbc.sql("""
                select distinct on (skill_id) skill_id, id from catalog.lesson
                where course_id = :course order by skill_id, position
                """).param("course", course.value()).query(rs -> {
            first.put(new SkillId(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class));
        });
        return first;
    }

    public List<Lesson> lessons(CourseId course, @Nullable SkillId skill) {
        return jdbc.sql("""
                select * from catalog.lesson where course_id = :course
                and (cast(:skill as uuid) is null or skill_id = cast(:skill as uuid)) order by position
                """)
                .param("course", course.value())
                .param("skill", skill == null ? null : skill.value())
                .query((rs, n) -> new Lesson(
                        rs.getObject("id", UUID.class),
                        rs.getString("key"),
                        new SkillId(rs.getObject("skill_id", UUID.class)),
                        rs.getString("title"),
                        rs.getString("body"),
                        rs.getString("video"),
                        rs.getString("article"),
                        rs.getString("pdf")))
                .list();
    }
}
