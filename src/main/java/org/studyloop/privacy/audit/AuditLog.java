package org.studyloop.privacy.audit;

import com.fasterxml.uuid.Generators;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    /**
     * What the audit page asks for: each filter optional, the time range half-open
     * {@code [from, until)}, and for a later page the last entry already shown (keyset paging on
     * {@code (occurred_at, id)}, newest first, so a page costs the same however deep it is).
     */
    public record Query(
            @Nullable UUID actor,
            @Nullable String action,
            @Nullable UUID subject,
            @Nullable Instant from,
            @Nullable Instant until,
            @Nullable Instant beforeAt,
            @Nullable UUID beforeId,
            int limit) {}

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
                .query((rs, n) -> entry(rs))
                .list();
    }

    /** The entries the query matches, newest first, at most {@code query.limit()} of them. */
    public List<Entry> search(Query query) {
        return jdbc.sql("""
                        select id, occurred_at, action, actor_id, subject_id, client_address, details::text
                        from privacy.audit_event
                        where (cast(:actor as uuid) is null or actor_id = :actor)
                          and (cast(:action as text) is null or action = :action)
                          and (cast(:subject as uuid) is null or subject_id = :subject)
                          and (cast(:from as timestamptz) is null or occurred_at >= :from)
                          and (cast(:until as timestamptz) is null or occurred_at < :until)
                          and (cast(:beforeAt as timestamptz) is null
                               or (occurred_at, id) < (cast(:beforeAt as timestamptz), cast(:beforeId as uuid)))
                        order by occurred_at desc, id desc limit :limit""")
                .param("actor", query.actor())
                .param("action", query.action())
                .param("subject", query.subject())
                .param("from", timestamp(query.from()))
                .param("until", timestamp(query.until()))
                .param("beforeAt", timestamp(query.beforeAt()))
                .param("beforeId", query.beforeId())
                .param("limit", query.limit())
                .query((rs, n) -> entry(rs))
                .list();
    }

    private Entry entry(ResultSet rs) throws SQLException {
        return new Entry(
                rs.getObject(1, UUID.class),
                rs.getTimestamp(2).toInstant(),
                rs.getString(3),
                rs.getObject(4, UUID.class),
                rs.getObject(5, UUID.class),
                rs.getString(6),
                details(rs.getString(7)));
    }

    /** The actions the log holds, for the page's filter. */
    public List<String> actions() {
        return jdbc.sql("select distinct action from privacy.audit_event order by action")
                .query(String.class)
                .list();
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(String json) {
        return JSON.readValue(json, Map.class);
    }
}
