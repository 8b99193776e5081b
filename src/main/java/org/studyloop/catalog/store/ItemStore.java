package org.studyloop.catalog.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.ItemType;
import org.studyloop.catalog.SkillId;
import org.studyloop.classroom.ClassId;

/**
 * Items and their versions. A version row is written once and, once published, never changed: an
 * edit of a published item adds the next version and moves the item's head to it.
 */
@Repository
public class ItemStore {

    public enum Status {
        DRAFT,
        PUBLISHED,
        RETIRED
    }

    /** One version of an item, with its course's defaults and its skills. */
    public record Stored(
            ItemId itemId,
            CourseId courseId,
            String key,
            ItemType type,
            Status status,
            int version,
            int currentVersion,
            Map<String, Object> body,
            List<SkillId> skillIds,
            ItemViews.Defaults defaults,
            @Nullable ClassId classId) {}

    private static final String SELECT = """
            select i.id, i.course_id, i.class_id, i.key, i.status, i.version as current_version, v.version, v.type,
                v.body::text as body, c.language, c.source, c.licence,
                array(select s.skill_id from catalog.item_skill s where s.item_id = i.id order by s.position) as skills
            from catalog.item i
            join catalog.item_version v on v.item_id = i.id
            join catalog.course c on c.id = i.course_id
            """;

    private final JdbcClient jdbc;

    ItemStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Stored> current(ItemId id) {
        return jdbc.sql(SELECT + " where i.id = :id and v.version = i.version")
                .param("id", id.value())
                .query(ItemStore::stored)
                .optional();
    }

    /**
     * The current version of the item whose id begins with the instance name's 64 bits, if exactly
     * one does (two ids sharing 64 bits of SHA-1 output would leave the instance unreadable rather
     * than read as the wrong template's).
     */
    public Optional<Stored> template(Ids.InstanceName name) {
        var found = jdbc.sql(SELECT + " where i.id between :lowest and :highest and v.version = i.version")
                .param("lowest", name.lowest())
                .param("highest", name.highest())
                .query(ItemStore::stored)
                .list();
        return found.size() == 1 ? Optional.of(found.getFirst()) : Optional.empty();
    }

    public Optional<Stored> version(ItemId id, int version) {
        return jdbc.sql(SELECT + " where i.id = :id and v.version = :version")
                .param("id", id.value())
                .param("version", version)
                .query(ItemStore::stored)
                .optional();
    }

    public List<Stored> currentOfCourse(CourseId course) {
        return jdbc.sql(SELECT + " where i.course_id = :course and v.version = i.version and i.status <> 'RETIRED'"
                        + " and i.class_id is null"
                        + " order by i.key")
                .param("course", course.value())
                .query(ItemStore::stored)
                .list();
    }

    /** The published current versions of a course's items, class-private ones included, by key. */
    public List<Stored> publishedOfCourse(CourseId course) {
        return jdbc.sql(SELECT + " where i.course_id = :course and v.version = i.version and i.status = 'PUBLISHED'"
                        + " order by i.key")
                .param("course", course.value())
                .query(ItemStore::stored)
                .list();
    }

    /**
     * The current versions matching every filter given, by course and key; only items private to a
     * class when {@code classItemsOnly}.
     */
    public List<Stored> list(
            @Nullable CourseId course,
            @Nullable SkillId skill,
            @Nullable ItemType type,
            @Nullable Status status,
            boolean classItemsOnly) {
        return jdbc.sql(SELECT + """
                 where v.version = i.version
                 and (not :classItemsOnly or i.class_id is not null)
                 and (cast(:course as uuid) is null or i.course_id = cast(:course as uuid))
                 and (cast(:skill as uuid) is null or exists (select 1 from catalog.item_skill s
                      where s.item_id = i.id and s.skill_id = cast(:skill as uuid)))
                 and (cast(:type as text) is null or i.type = cast(:type as text))
                 and (cast(:status as text) is null or i.status = cast(:status as text))
                 order by c.key, i.key limit 1000
                """)
                .param("course", course == null ? null : course.value())
                .param("skill", skill == null ? null : skill.value())
                .param("type", type == null ? null : type.name())
                .param("status", status == null ? null : status.name())
                .param("classItemsOnly", classItemsOnly)
                .query(ItemStore::stored)
                .list();
    }

    /**
     * The published items that practise any of the skills, templates included: the public ones,
     * and those private to the class if one is given.
     */
    public List<ItemId> publishedFor(List<SkillId> skills, @Nullable ClassId classId) {
        return jdbc.sql("""
                select distinct i.id, i.key from catalog.item i join catalog.item_skill s on s.item_id = i.id
                where i.status = 'PUBLISHED' and s.skill_id = any(:skills)
                and (i.class_id is null or i.class_id = cast(:class as uuid))
                order by i.key, i.id
                """)
                .param("skills", skills.stream().map(SkillId::value).toArray(UUID[]::new))
                .param("class", classId == null ? null : classId.value())
                .query((rs, n) -> new ItemId(rs.getObject("id", UUID.class)))
                .list();
    }

    void insertHead(
            ItemId id,
            CourseId course,
            @Nullable ClassId classId,
            String key,
            ItemType type,
            Status status,
            Instant now) {
        jdbc.sql("""
                insert into catalog.item (id, course_id, class_id, key, type, status, version, updated_at)
                values (:id, :course, :class, :key, :type, :status, 0, :now)
                """)
                .param("id", id.value())
                .param("course", course.value())
                .param("class", classId == null ? null : classId.value())
                .param("key", key)
                .param("type", type.name())
                .param("status", status.name())
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Writes version {@code version} (replacing it if it is an unpublished draft) and makes it current. */
    void writeVersion(
            ItemId id,
            int version,
            ItemType type,
            Status status,
            Map<String, Object> body,
            List<SkillId> skills,
            Instant now) {
        jdbc.sql("""
                insert into catalog.item_version (item_id, version, type, body, difficulty, language, created_at)
                values (:id, :version, :type, cast(:body as jsonb), :difficulty, :language, :now)
                on conflict (item_id, version) do update set type = excluded.type, body = excluded.body,
                    difficulty = excluded.difficulty, language = excluded.language
                """)
                .param("id", id.value())
                .param("version", version)
                .param("type", type.name())
                .param("body", ItemViews.json(body))
                .param("difficulty", body.get("difficulty") instanceof Number n ? n.doubleValue() : null)
                .param("language", String.valueOf(body.getOrDefault("language", "")))
                .param("now", Timestamp.from(now))
                .update();
        jdbc.sql("update catalog.item set version = :version, type = :type, status = :status, updated_at = :now"
                        + " where id = :id")
                .param("id", id.value())
                .param("version", version)
                .param("type", type.name())
                .param("status", status.name())
                .param("now", Timestamp.from(now))
                .update();
        jdbc.sql("delete from catalog.item_skill where item_id = :id")
                .param("id", id.value())
                .update();
        for (int i = 0; i < skills.size(); i++) {
            jdbc.sql("insert into catalog.item_skill (item_id, skill_id, position) values (:id, :skill, :i)")
                    .param("id", id.value())
                    .param("skill", skills.get(i).value())
                    .param("i", i)
                    .update();
        }
    }

    void setStatus(ItemId id, Status status, Instant now) {
        jdbc.sql("update catalog.item set status = :status, updated_at = :now where id = :id")
                .param("id", id.value())
                .param("status", status.name())
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Retires the course's public items whose ids are not kept; gives how many it retired. */
    int retireOthers(CourseId course, Set<UUID> kept, Instant now) {
        return jdbc.sql("""
                update catalog.item set status = 'RETIRED', updated_at = :now
                where course_id = :course and status <> 'RETIRED' and class_id is null
                and not (id = any(:kept))
                """)
                .param("course", course.value())
                .param("kept", kept.toArray(UUID[]::new))
                .param("now", Timestamp.from(now))
                .update();
    }

    /**
     * The template and seed of an instance id of the earlier kind (UUID version 5), which named
     * them and was remembered here; instance ids now hold them ({@link Ids#instance}).
     */
    public Optional<Map.Entry<ItemId, Long>> earlierInstance(ItemId instance) {
        return jdbc.sql("select template_id, seed from catalog.template_instance where instance_id = :i")
                .param("i", instance.value())
                .query((rs, n) -> Map.entry(new ItemId(rs.getObject(1, UUID.class)), rs.getLong(2)))
                .optional();
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        var skills = (UUID[]) rs.getArray("skills").getArray();
        return new Stored(
                new ItemId(rs.getObject("id", UUID.class)),
                new CourseId(rs.getObject("course_id", UUID.class)),
                rs.getString("key"),
                ItemType.valueOf(rs.getString("type")),
                Status.valueOf(rs.getString("status")),
                rs.getInt("version"),
                rs.getInt("current_version"),
                ItemViews.parse(rs.getString("body")),
                java.util.Arrays.stream(skills).map(SkillId::new).toList(),
                new ItemViews.Defaults(rs.getString("language"), rs.getString("source"), rs.getString("licence")),
                rs.getObject("class_id") == null ? null : new ClassId(rs.getObject("class_id", UUID.class)));
    }
}
