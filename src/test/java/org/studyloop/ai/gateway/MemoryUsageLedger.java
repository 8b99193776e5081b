package org.studyloop.ai.gateway;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.studyloop.ai.usage.UsageLedger;
import org.studyloop.identity.UserId;

/** A ledger in memory, for the gateway's tests without a database; the SQL one is tested over HTTP. */
final class MemoryUsageLedger implements UsageLedger {

    record Key(UserId user, LocalDate day, String feature) {}

    final Map<Key, Use> entries = new ConcurrentHashMap<>();

    @Override
    public void record(UserId user, LocalDate day, String feature, Use use) {
        entries.merge(
                new Key(user, day, feature),
                use,
                (a, b) -> new Use(
                        a.messages() + b.messages(),
                        a.calls() + b.calls(),
                        a.fallbacks() + b.fallbacks(),
                        a.inputTokens() + b.inputTokens(),
                        a.outputTokens() + b.outputTokens(),
                        a.cost().add(b.cost())));
    }

    @Override
    public long messagesOn(UserId user, LocalDate day) {
        return entries.entrySet().stream()
                .filter(e -> e.getKey().user().equals(user) && e.getKey().day().equals(day))
                .mapToLong(e -> e.getValue().messages())
                .sum();
    }

    @Override
    public List<DailyUse> between(LocalDate from, LocalDate to) {
        var days = new TreeMap<String, DailyUse>();
        entries.forEach((key, use) -> {
            if (key.day().isBefore(from) || key.day().isAfter(to)) {
                return;
            }
            var row = new DailyUse(
                    key.day(),
                    key.feature(),
                    1,
                    use.messages(),
                    use.calls(),
                    use.fallbacks(),
                    use.inputTokens(),
                    use.outputTokens(),
                    use.cost());
            days.merge(
                    key.day() + " " + key.feature(),
                    row,
                    (a, b) -> new DailyUse(
                            a.day(),
                            a.feature(),
                            a.users() + 1,
                            a.messages() + b.messages(),
                            a.calls() + b.calls(),
                            a.fallbacks() + b.fallbacks(),
                            a.inputTokens() + b.inputTokens(),
                            a.outputTokens() + b.outputTokens(),
                            a.cost().add(b.cost())));
        });
        return List.copyOf(days.values());
    }

    /** Everything the user used under a feature, over all days. */
    Use of(UserId user, String feature) {
        return entries.entrySet().stream()
                .filter(e ->
                        e.getKey().user().equals(user) && e.getKey().feature().equals(feature))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(new Use(0, 0, 0, 0, 0, BigDecimal.ZERO));
    }
}
