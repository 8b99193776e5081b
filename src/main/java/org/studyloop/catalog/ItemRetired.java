package org.studyloop.catalog;

/** An item was retired: attempts still refer to it, but it is no longer offered or found. */
public record ItemRetired(ItemId itemId) {}
