package org.studyloop.catalog;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A student's answer as API.md's {@code response} carries it: a text (a single choice's id, a
 * number, an expression, a short text, an essay) or a list of choice ids (multiple choice, and the
 * order of an ordering item).
 */
public sealed interface Response {

    record Text(String text) implements Response {}

    record Ids(List<String> ids) implements Response {
        public Ids {
            ids = List.copyOf(ids);
        }
    }

    static Response text(String text) {
        return new Text(text);
    }

    static Response ids(List<String> ids) {
        return new Ids(ids);
    }

    /** From JSON-ish input: a text, a number or a list (of texts); null reads as an empty text. */
    static Response of(@Nullable Object json) {
        return switch (json) {
            case null -> new Text("");
            case List<?> list ->
                new Ids(list.stream().map(e -> e == null ? "" : plain(e)).toList());
            default -> new Text(plain(json));
        };
    }

    private static String plain(Object value) {
        return value instanceof BigDecimal number ? number.toPlainString() : value.toString();
    }
}
