package org.studyloop.practice.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A session as its student (or a teacher or parent who may see the student) reads it: its state,
 * results per section and per skill, and its answers. Until an exam ends, the grades and solutions
 * in it are null.
 *
 * @param planned the items of a quiz or an exam; the answers given otherwise
 * @param score credit earned over {@code planned}, in [0, 1]
 * @param currentItem the item to answer next, while the session is open
 * @param items for a quiz or an exam, its items in order, so the student may move between them
 * @param ability for an adaptive exam once it has ended, the ability estimate
 */
public record SessionReport(
        UUID sessionId,
        UUID studentId,
        String mode,
        @Nullable UUID courseId,
        @Nullable UUID assignmentId,
        Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable Instant deadline,
        @Nullable Long remainingSeconds,
        int planned,
        int answered,
        @Nullable Integer correct,
        @Nullable Double score,
        List<SectionResult> sections,
        List<SkillResult> skills,
        List<AnswerLine> answers,
        @Nullable StudentItem currentItem,
        @Nullable List<PlannedItem> items,
        @Nullable Ability ability) {

    /**
     * An adaptive exam's ability estimate (logit scale, 0 = an average student) with its standard
     * error, after {@code items} answers; {@code stopped} once the standard error reached the target
     * or the maximum number of items was answered.
     */
    public record Ability(
            double estimate,
            double standardError,
            int items,
            double targetStandardError,
            int maxItems,
            boolean stopped) {}

    public record SectionResult(
            String title,
            int items,
            int answered,
            @Nullable Integer correct,
            @Nullable Double score) {}

    public record SkillResult(
            UUID skillId,
            @Nullable String name,
            int items,
            int answered,
            @Nullable Integer correct,
            @Nullable Double score) {}

    /** An answer; {@code solution} once the session allows it. */
    public record AnswerLine(
            UUID itemId,
            Instant answeredAt,
            String response,
            @Nullable String outcome,
            @Nullable Double score,
            @Nullable Double credit,
            int hintsUsed,
            @Nullable Integer elapsedMs,
            @Nullable String solution) {}

    public record PlannedItem(
            StudentItem item, boolean answered, @Nullable String section) {}
}
