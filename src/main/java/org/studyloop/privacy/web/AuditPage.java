package org.studyloop.privacy.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.studyloop.identity.Actor;
import org.studyloop.identity.Identity;
import org.studyloop.identity.UserId;
import org.studyloop.privacy.audit.AuditLog;
import org.studyloop.shared.ProblemException;

/**
 * The administrator's audit log page: entries newest first, fifty to a page, filtered by actor,
 * action, subject and UTC days, with keyset paging (an "older" link carries the last entry shown).
 * Times are shown in UTC, and say so: the log is read across time zones, and one zone for all
 * readers keeps entries comparable with the server's logs. Actions are shown by their readable
 * name in the page's language, accounts by their display name. As on {@code /api/v1/admin/audit},
 * only an administrator signed in with a second factor reads it (identity's admin page rule runs
 * before this).
 */
@Controller
class AuditPage {

    static final int PAGE = 50;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final AuditLog log;
    private final Identity identity;
    private final MessageSource messages;

    AuditPage(AuditLog log, Identity identity, MessageSource messages) {
        this.log = log;
        this.identity = identity;
        this.messages = messages;
    }

    /** One line of the table, ready to show. */
    record Line(
            String time,
            String isoTime,
            String action,
            String actionName,
            @Nullable UUID actorId,
            @Nullable String actorName,
            @Nullable UUID subjectId,
            @Nullable String subjectName,
            String clientAddress,
            String details) {}

    @GetMapping("/admin/audit")
    String audit(
            Actor actor,
            @RequestParam(name = "actor", defaultValue = "") String actorParam,
            @RequestParam(defaultValue = "") String action,
            @RequestParam(defaultValue = "") String subject,
            @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to,
            @RequestParam(defaultValue = "") String before,
            Locale locale,
            Model model) {
        if (!actor.isAdmin()) {
            throw ProblemException.notFound("There is nothing here, or it is not yours to see.");
        }
        var filter = new AuditFilter(actorParam, action, subject, from, to, before);
        var reading = filter.read(identity, PAGE + 1);
        var entries = reading.errors().isEmpty() ? log.search(reading.query()) : List.<AuditLog.Entry>of();
        var shown = entries.stream().limit(PAGE).toList();
        model.addAttribute("filter", filter);
        model.addAttribute("errors", reading.errors());
        model.addAttribute("actions", actions(locale));
        model.addAttribute("lines", lines(shown, locale));
        model.addAttribute(
                "older", entries.size() > PAGE ? filter.href(Optional.of(AuditFilter.cursor(shown.getLast()))) : null);
        model.addAttribute("newest", before.isBlank() ? null : filter.href(Optional.empty()));
        return "privacy/audit";
    }

    private Map<String, String> actions(Locale locale) {
        return log.actions().stream()
                .collect(Collectors.toMap(
                        a -> a, a -> actionName(a, locale), (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private List<Line> lines(List<AuditLog.Entry> entries, Locale locale) {
        var ids = new HashSet<UserId>();
        entries.forEach(e ->
                Stream.of(e.actorId(), e.subjectId()).filter(Objects::nonNull).forEach(id -> ids.add(new UserId(id))));
        var names = identity.displayNames(ids);
        return entries.stream()
                .map(e -> new Line(
                        TIME.format(e.occurredAt()),
                        e.occurredAt().toString(),
                        e.action(),
                        actionName(e.action(), locale),
                        e.actorId(),
                        e.actorId() == null ? null : names.get(new UserId(e.actorId())),
                        e.subjectId(),
                        e.subjectId() == null ? null : names.get(new UserId(e.subjectId())),
                        Objects.requireNonNullElse(e.clientAddress(), ""),
                        e.details().entrySet().stream()
                                .map(d -> d.getKey() + "=" + d.getValue())
                                .sorted()
                                .collect(Collectors.joining(", "))))
                .toList();
    }

    /** The readable name of an action; an action this version does not name yet shows as stored. */
    private String actionName(String action, Locale locale) {
        return messages.getMessage("audit.action." + action, null, action, locale);
    }
}
