package org.studyloop.tutor.turn;

import java.util.UUID;

/**
 * A source a reply rests on: a lesson, or an item's stem or worked solution.
 *
 * @param kind {@code LESSON}, {@code ITEM} or {@code SOLUTION}, as search's passage kinds
 */
public record Citation(String kind, UUID id, String title) {}
