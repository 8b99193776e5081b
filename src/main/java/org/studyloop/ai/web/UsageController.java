package org.studyloop.ai.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.studyloop.ai.usage.UsageLedger;
import org.studyloop.shared.ProblemException;

/**
 * {@code GET /api/v1/ai/usage?from=&to=}: the language model's use per UTC day and feature, over all
 * users, with totals, for administrators signed in with a second factor (identity's security
 * configuration guards the path with the other admin-only endpoints; 403 for anyone else). Days are
 * ISO dates, both included; by default the last 30 days up to today.
 */
@RestController
@Tag(name = "Administration")
class UsageController {

    static final int MAX_DAYS = 366;

    private final UsageLedger ledger;
    private final Clock clock;

    UsageController(UsageLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    record Totals(long messages, long calls, long fallbacks, long inputTokens, long outputTokens, BigDecimal cost) {}

    record UsageView(LocalDate from, LocalDate to, List<UsageLedger.DailyUse> days, Totals totals) {}

    @GetMapping("/api/v1/ai/usage")
    UsageView usage(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        var last = to != null ? to : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        var first = from != null ? from : last.minusDays(29);
        if (first.isAfter(last)) {
            throw ProblemException.invalid("from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw ProblemException.invalid("from", "the range may span at most " + MAX_DAYS + " days");
        }
        var days = ledger.between(first, last);
        var totals = new Totals(
                days.stream().mapToLong(UsageLedger.DailyUse::messages).sum(),
                days.stream().mapToLong(UsageLedger.DailyUse::calls).sum(),
                days.stream().mapToLong(UsageLedger.DailyUse::fallbacks).sum(),
                days.stream().mapToLong(UsageLedger.DailyUse::inputTokens).sum(),
                days.stream().mapToLong(UsageLedger.DailyUse::outputTokens).sum(),
                days.stream().map(UsageLedger.DailyUse::cost).reduce(BigDecimal.ZERO, BigDecimal::add));
        return new UsageView(first, last, days, totals);
    }
}
