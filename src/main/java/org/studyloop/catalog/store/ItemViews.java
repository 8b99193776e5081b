package org.studyloop.catalog.store;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.studyloop.catalog.AnswerKey;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.ItemSnapshot;
import org.studyloop.catalog.ItemType;
import org.studyloop.catalog.SkillId;
import org.studyloop.catalog.template.Expressions;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an item in the pack format (as stored in {@code catalog.item_version.body}) into the
 * {@link ItemSnapshot} of the module's API. The body was checked on the way in, so this reads it
 * without complaint and with the format's defaults.
 */
public final class ItemViews {

    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private ItemViews() {}

    /** The course's language, source and licence, the defaults of its items. */
    public record Defaults(String language, String source, String licence) {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String json) {
        return JSON.readValue(json, Map.class);
    }

    static String json(Map<String, Object> body) {
        return JSON.writeValueAsString(body);
    }

    public static ItemSnapshot snapshot(
            ItemId id,
            int version,
            Map<String, Object> body,
            List<SkillId> skillIds,
            Defaults defaults,
            @Nullable ItemId templateId,
            @Nullable Long seed) {
        var type = ItemType.valueOf(text(body.get("type")));
        var choices = list(body.get("choices")).stream()
                .map(c -> (Map<?, ?>) c)
                .map(c -> new ItemSnapshot.Choice(
                        text(c.get("id")),
                        text(c.get("text")),
                        c.get("feedback") == null ? null : text(c.get("feedback"))))
                .toList();
        var misconceptions = list(body.get("misconceptions")).stream()
                .map(m -> (Map<?, ?>) m)
                .map(m -> new ItemSnapshot.Misconception(text(m.get("answer")), text(m.get("feedback"))))
                .toList();
        return new ItemSnapshot(
                id,
                version,
                type,
                text(body.getOrDefault("stem", "")),
                choices,
                key(type, body),
                misconceptions,
                texts(body.get("hints")),
                text(body.getOrDefault("solution", "")),
                skillIds,
                body.get("difficulty") instanceof Number n ? n.doubleValue() : null,
                text(body.getOrDefault("language", defaults.language())),
                text(body.getOrDefault("source", defaults.source())),
                text(body.getOrDefault("licence", defaults.licence())),
                templateId,
                seed);
    }

    private static AnswerKey key(ItemType type, Map<String, Object> body) {
        var answer = body.get("answer");
        return switch (type) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE, ORDERING -> new AnswerKey.Choices(texts(answer));
            case NUMERIC -> {
                var tolerance = body.get("tolerance") instanceof Map<?, ?> map ? map : Map.of();
                yield new AnswerKey.Numeric(
                        decimal(answer),
                        tolerance.get("absolute") == null ? null : decimal(tolerance.get("absolute")),
                        tolerance.get("relative") == null ? null : decimal(tolerance.get("relative")),
                        body.get("unit") == null ? null : text(body.get("unit")));
            }
            case EXPRESSION -> {
                var expression = text(answer);
                var variables = body.get("variables") instanceof List<?>
                        ? texts(body.get("variables"))
                        : Expressions.variablesOfLenient(expression);
                yield new AnswerKey.Expression(expression, variables);
            }
            case SHORT_TEXT ->
                new AnswerKey.Texts(
                        texts(answer),
                        Boolean.TRUE.equals(body.get("caseSensitive")),
                        body.get("pattern") == null ? null : text(body.get("pattern")));
            case ESSAY ->
                new AnswerKey.Essay(
                        body.get("minWords") instanceof Number n ? n.intValue() : null,
                        list(body.get("rubric")).stream()
                                .map(r -> (Map<?, ?>) r)
                                .map(r -> new AnswerKey.Criterion(
                                        text(r.get("criterion")),
                                        r.get("description") == null ? "" : text(r.get("description")),
                                        r.get("maxScore") instanceof Number n ? n.intValue() : 0))
                                .toList());
            case TEMPLATE -> new AnswerKey.None();
        };
    }

    private static BigDecimal decimal(@Nullable Object value) {
        return value instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(text(value));
    }

    static String text(@Nullable Object value) {
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        return value == null ? "" : value.toString();
    }

    static List<?> list(@Nullable Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    /** A list of texts; one text alone is a list of one, as the format allows. */
    static List<String> texts(@Nullable Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> list
                ? list.stream().map(ItemViews::text).toList()
                : List.of(text(value));
    }
}
