package org.studyloop.privacy.audit;

import com.fasterxml.uuid.Generators;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.studyloop.shared.Audited;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps every {@link Audited} event. It listens after the publishing transaction commits, through
 * the event publication registry: an audited action that committed is never lost from the log,
 * and one that rolled back never enters it.
 */
@Component
public class AuditLog {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Entry(
            UUID id,
            Instant occurredAt,
            String action,
            @Nullable UUID actorId,
            @Nullable UUID subjectId,
            @Nullable String clientAddress,
            Map<String, Object> details) {}

    @ApplicationModuleListener
    void on(Audited event) {
        jdbc.sql("""
                        insert into privacy.audit_event
                            (id, occurred_at, action, actor_id, subject_id, client_address, details)
                        values (:id, :at, :action, :actor, :subject, :address, cast(:details as jsonb))""")
                .param("id", Generators.timeBasedEpochGenerator().generate())
                .param("at", Timestamp.from(event.occurredAt()))
                .param("action", event.action())
                .param("actor", event.actorId())
                .param("subject", event.subjectId())
                .param("address", event.clientAddress())
                .param("details", JSON.writeValueAsString(event.details()))
                .update();
    }

    /** The newest entries first, optionally about one account only. */
    public List<Entry> recent(@Nullable UUID subject, int limit) {
        return jdbc.sql("""
                        select id, occurred_at, action, actor_id, subject_id, client_address, details::text
                        from privacy.audit_event
                        where cast(:subject as uuid) is null or subject_id = :subject
                        order by occurred_at desc limit :limit""")
                .param("subject", subject)
                .param("limit", limit)
                .query((rs, n) -> new Entry(
                        rs.getObject(1, UUID.class),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getObject(4, UUID.class),
                        rs.getObject(5, UUID.class),
                        rs.getString(6),
                        details(rs.getString(7))))
                .list();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(String json) {
        return JSON.readValue(json, Map.class);
    }
}
