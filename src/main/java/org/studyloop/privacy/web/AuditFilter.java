package org.studyloop.privacy.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;
import org.studyloop.identity.Identity;
import org.studyloop.privacy.audit.AuditLog;

/**
 * The audit page's filters as typed (so the form shows them back) and what they mean: an account
 * is given by its e-mail address or its id; days are UTC days, both included; {@code before} is
 * the keyset cursor {@code <instant>_<id>} of the last entry of the previous page. What cannot be
 * read is reported per field, as message keys, and filters nothing.
 */
record AuditFilter(String actor, String action, String subject, String from, String to, String before) {

    static final int MAX_LENGTH = 320;

    /** The query, or the problem of each field that could not be read. */
    record Reading(AuditLog.Query query, Map<String, String> errors) {}

    Reading read(Identity identity, int limit) {
        var errors = new LinkedHashMap<String, String>();
        var actorId = account("actor", actor, identity, errors);
        var subjectId = account("subject", subject, identity, errors);
        var fromDay = day("from", from, errors);
        var toDay = day("to", to, errors);
        if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
            errors.put("to", "audit.error.range");
        }
        Instant beforeAt = null;
        UUID beforeId = null;
        if (!before.isBlank()) {
            var parts = before.split("_", 2);
            try {
                beforeAt = Instant.parse(parts[0]);
                beforeId = UUID.fromString(parts[1]);
            } catch (DateTimeParseException | IllegalArgumentException | ArrayIndexOutOfBoundsException bad) {
                errors.put("before", "audit.error.cursor");
            }
        }
        var query = new AuditLog.Query(
                actorId,
                action.isBlank() ? null : action.strip(),
                subjectId,
                fromDay == null ? null : fromDay.atStartOfDay(ZoneOffset.UTC).toInstant(),
                toDay == null
                        ? null
                        : toDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                beforeAt,
                beforeId,
                limit);
        return new Reading(query, errors);
    }

    /** The page's address with these filters and, when given, a cursor. */
    String href(Optional<String> cursor) {
        var uri = UriComponentsBuilder.fromPath("/admin/audit");
        var fields = new LinkedHashMap<String, String>();
        fields.put("actor", actor);
        fields.put("action", action);
        fields.put("subject", subject);
        fields.put("from", from);
        fields.put("to", to);
        fields.put("before", cursor.orElse(""));
        fields.forEach((name, value) -> {
            if (!value.isBlank()) {
                uri.queryParam(name, value);
            }
        });
        return uri.encode().build().toUriString();
    }

    static String cursor(AuditLog.Entry entry) {
        return entry.occurredAt() + "_" + entry.id();
    }

    private static @Nullable UUID account(String field, String value, Identity identity, Map<String, String> errors) {
        var text = value.strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() > MAX_LENGTH) {
            errors.put(field, "audit.error.account");
            return null;
        }
        if (!text.contains("@")) {
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException notAnId) {
                errors.put(field, "audit.error.account");
                return null;
            }
        }
        var found = identity.findByEmail(text);
        if (found.isEmpty()) {
            errors.put(field, "audit.error.unknownAccount");
            return null;
        }
        return found.get().value();
    }

    private static @Nullable LocalDate day(String field, String value, Map<String, String> errors) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException bad) {
            errors.put(field, "audit.error.date");
            return null;
        }
    }
}
