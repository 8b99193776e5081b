package org.studyloop.catalog.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.studyloop.catalog.CourseId;

/**
 * The PDF files of lessons, in {@code catalog.lesson_attachment}. Written by pack imports only
 * when their content changed (by SHA-256), so a second import of the same pack touches nothing.
 */
@Component
public class LessonAttachments {

    /** A lesson's PDF as stored. */
    public record Attachment(String path, byte[] content) {}

    private final JdbcClient jdbc;

    LessonAttachments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores, replaces or (with no content) removes the lesson's PDF; whether anything changed. */
    boolean put(UUID lessonId, @Nullable String path, byte @Nullable [] content) {
        if (path == null || content == null) {
            return jdbc.sql("delete from catalog.lesson_attachment where lesson_id = :id")
                            .param("id", lessonId)
                            .update()
                    > 0;
        }
        var hash = sha256(content);
        return jdbc.sql("""
                                insert into catalog.lesson_attachment as a (lesson_id, path, sha256, content)
                                values (:id, :path, :hash, :content)
                                on conflict (lesson_id) do update
                                    set path = excluded.path, sha256 = excluded.sha256, content = excluded.content
                                where (a.path, a.sha256) is distinct from (excluded.path, excluded.sha256)""")
                        .param("id", lessonId)
                        .param("path", path)
                        .param("hash", hash)
                        .param("content", content)
                        .update()
                > 0;
    }

    public Optional<Attachment> of(UUID lessonId) {
        return jdbc.sql("select path, content from catalog.lesson_attachment where lesson_id = :id")
                .param("id", lessonId)
                .query((rs, n) -> new Attachment(rs.getString(1), rs.getBytes(2)))
                .optional();
    }

    /** Every PDF of a course's lessons, by its path in the pack. */
    Map<String, byte[]> ofCourse(CourseId courseId) {
        var files = new LinkedHashMap<String, byte[]>();
        jdbc.sql("""
                        select a.path, a.content from catalog.lesson_attachment a
                        join catalog.lesson l on l.id = a.lesson_id
                        where l.course_id = :course order by a.path""")
                .param("course", courseId.value())
                .query((rs, n) -> files.put(rs.getString(1), rs.getBytes(2)))
                .list();
        return files;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
