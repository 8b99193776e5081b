package org.studyloop.practice.assignment;

import java.time.Instant;
import java.util.List;
import org.studyloop.catalog.ItemId;
import org.studyloop.classroom.ClassId;
import org.studyloop.identity.UserId;
import org.studyloop.practice.AssignmentId;

/** A quiz set for a class: a fixed list of items, due by a date. */
public record Assignment(
        AssignmentId id,
        ClassId classId,
        UserId teacher,
        String title,
        List<ItemId> items,
        Instant dueAt,
        Instant createdAt) {

    public Assignment {
        items = List.copyOf(items);
    }

    public boolean isLate(Instant at) {
        return at.isAfter(dueAt);
    }
}
