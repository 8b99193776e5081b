package org.studyloop.catalog;

/** The kinds of item of docs/content-packs.md; a {@code TEMPLATE} yields items of another kind. */
public enum ItemType {
    SINGLE_CHOICE,
    MULTIPLE_CHOICE,
    NUMERIC,
    EXPRESSION,
    SHORT_TEXT,
    ESSAY,
    ORDERING,
    TEMPLATE;

    /** Whether the item's answer names choices, so the student sees them. */
    public boolean hasChoices() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE || this == ORDERING;
    }
}
