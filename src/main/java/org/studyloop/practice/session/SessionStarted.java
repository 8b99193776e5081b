package org.studyloop.practice.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * API.md's answer to starting a session.
 *
 * @param items for a quiz or an exam, every planned item, so the student may move between them
 * @param deadline for an exam, when its time runs out
 */
public record SessionStarted(
        UUID sessionId,
        String mode,
        @Nullable StudentItem nextItem,
        @Nullable List<StudentItem> items,
        List<PracticeSession.Section> sections,
        @Nullable Instant deadline,
        @Nullable Long remainingSeconds) {}
