package org.studyloop.ai.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.studyloop.identity.UserId;

/**
 * Language model usage: one entry per user, UTC day and feature, added to after each call. Entries
 * hold counts only, never prompt or reply text.
 */
public interface UsageLedger {

    /** What one call used: the messages counted against the quota, the tokens and their cost. */
    public record Use(int messages, int calls, int fallbacks, long inputTokens, long outputTokens, BigDecimal cost) {

        public static Use answered(int messages, int inputTokens, int outputTokens, BigDecimal cost) {
            return new Use(messages, 1, 0, inputTokens, outputTokens, cost);
        }

        public static Use message() {
            return new Use(1, 0, 0, 0, 0, BigDecimal.ZERO);
        }

        public static Use fellBack() {
            return new Use(0, 0, 1, 0, 0, BigDecimal.ZERO);
        }
    }

    void record(UserId user, LocalDate day, String feature, Use use);

    /** The messages the user sent on {@code day}, over all features: what the daily quota counts. */
    long messagesOn(UserId user, LocalDate day);

    /** One feature's use on one day, over all users. */
    public record DailyUse(
            LocalDate day,
            String feature,
            int users,
            long messages,
            long calls,
            long fallbacks,
            long inputTokens,
            long outputTokens,
            BigDecimal cost) {}

    /** Use per day and feature from {@code from} to {@code to}, both included, oldest first. */
    List<DailyUse> between(LocalDate from, LocalDate to);
}
