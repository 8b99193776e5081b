package org.studyloop.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One version of an item with everything grading, hints and feedback need. A template's own
 * snapshot has a {@link AnswerKey.None} key: practice asks {@link Catalog#instantiate} for an
 * instance, whose snapshot is an ordinary item of the template's {@code produces} type.
 *
 * @param templateId for an instance, the template it came from
 * @param seed for an instance, the seed that made it
 * @param difficulty the author's prior on the logit scale (about -3 easy to +3 hard), if given
 */
public record ItemSnapshot(
        ItemId itemId,
        int version,
        ItemType type,
        String stem,
        List<Choice> choices,
        AnswerKey answerKey,
        List<Misconception> misconceptions,
        List<String> hints,
        String solution,
        List<SkillId> skillIds,
        @Nullable Double difficulty,
        String language,
        String source,
        String licence,
        @Nullable ItemId templateId,
        @Nullable Long seed) {

    public ItemSnapshot {
        choices = List.copyOf(choices);
        misconceptions = List.copyOf(misconceptions);
        hints = List.copyOf(hints);
        skillIds = List.copyOf(skillIds);
    }

    /** A choice; {@code feedback} names the misconception behind a wrong one. */
    public record Choice(String id, String text, @Nullable String feedback) {}

    /** Feedback for a common wrong answer of a numeric, expression or short-text item. */
    public record Misconception(String answer, String feedback) {}

    public boolean isTemplate() {
        return type == ItemType.TEMPLATE;
    }
}
