package org.studyloop.practice;

import java.time.Instant;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.Response;

/**
 * A student's latest graded answer on an item, for the tutor: whether the item is answered (so a
 * worked solution may be shown) and what was answered (to name the misconception behind it).
 *
 * @param outcome the verdict's outcome as recorded ({@code CORRECT}, {@code INCORRECT}, ...)
 * @param mode the mode of the session it was given in
 */
public record LastAttempt(
        ItemId itemId,
        SessionId sessionId,
        SessionMode mode,
        String outcome,
        double score,
        Response response,
        Instant answeredAt) {}
