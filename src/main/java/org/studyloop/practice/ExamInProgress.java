package org.studyloop.practice;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.studyloop.catalog.ItemId;

/** A student's mock exam that has not ended: neither finished nor past its deadline. */
public record ExamInProgress(SessionId sessionId, List<ItemId> items, Optional<Instant> deadline) {

    public ExamInProgress {
        items = List.copyOf(items);
    }

    public boolean contains(ItemId item) {
        return items.contains(item);
    }
}
