package org.studyloop.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a passage comes from: a lesson, an item's stem, its worked solution, or its hints. */
public enum PassageKind {
    LESSON,
    ITEM,
    SOLUTION,
    HINT;

    /** The kind for its name in any case ({@code lesson}, {@code SOLUTION}). */
    public static Optional<PassageKind> parse(String name) {
        return Arrays.stream(values())
                .filter(k -> k.name().equals(name.strip().toUpperCase(Locale.ROOT)))
                .findFirst();
    }

    /** Solutions and hints give answers away: students reach them through practice and the tutor. */
    public boolean revealsAnswers() {
        return this == SOLUTION || this == HINT;
    }
}
