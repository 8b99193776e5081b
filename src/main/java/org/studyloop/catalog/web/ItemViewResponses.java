package org.studyloop.catalog.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.studyloop.catalog.ItemSnapshot;
import org.studyloop.catalog.SkillId;
import org.studyloop.catalog.store.ItemStore;
import org.studyloop.catalog.store.ItemViews;

/** The two views of an item: what a student may see, and the author's full item. */
final class ItemViewResponses {

    private ItemViewResponses() {}

    record ChoiceView(String id, String text) {}

    /** API.md's student view: never the key, hints, solution or feedback. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StudentItem(
            UUID itemId, String type, String stem, @Nullable List<ChoiceView> choices, List<UUID> skillIds) {
        static StudentItem of(ItemSnapshot item) {
            return new StudentItem(
                    item.itemId().value(),
                    item.type().name(),
                    item.stem(),
                    item.type().hasChoices()
                            ? item.choices().stream()
                                    .map(c -> new ChoiceView(c.id(), c.text()))
                                    .toList()
                            : null,
                    item.skillIds().stream().map(SkillId::value).toList());
        }
    }

    /** The student view plus everything an author edits; {@code body} is the item in the pack format. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AuthoringItem(
            UUID itemId,
            String type,
            String stem,
            @Nullable List<ItemSnapshot.Choice> choices,
            List<UUID> skillIds,
            @Nullable Object answerKey,
            List<String> hints,
            String solution,
            List<ItemSnapshot.Misconception> misconceptions,
            @Nullable Double difficulty,
            UUID courseId,
            @Nullable UUID classId,
            String key,
            String status,
            int version,
            Map<String, Object> body) {
        static AuthoringItem of(ItemStore.Stored stored) {
            var item = ItemViews.snapshot(
                    stored.itemId(), stored.version(), stored.body(), stored.skillIds(), stored.defaults(), null, null);
            return new AuthoringItem(
                    item.itemId().value(),
                    item.type().name(),
                    item.stem(),
                    item.type().hasChoices() ? item.choices() : null,
                    item.skillIds().stream().map(SkillId::value).toList(),
                    item.answerKey().json(),
                    item.hints(),
                    item.solution(),
                    item.misconceptions(),
                    item.difficulty(),
                    stored.courseId().value(),
                    classIdOf(stored),
                    stored.key(),
                    stored.status().name(),
                    stored.version(),
                    stored.body());
        }
    }

    /** A line of the authors' item list. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ItemSummary(
            UUID itemId,
            UUID courseId,
            @Nullable UUID classId,
            String key,
            String type,
            String status,
            int version,
            List<UUID> skillIds) {
        static ItemSummary of(ItemStore.Stored stored) {
            return new ItemSummary(
                    stored.itemId().value(),
                    stored.courseId().value(),
                    classIdOf(stored),
                    stored.key(),
                    stored.type().name(),
                    stored.status().name(),
                    stored.version(),
                    stored.skillIds().stream().map(SkillId::value).toList());
        }
    }

    private static @Nullable UUID classIdOf(ItemStore.Stored stored) {
        var classId = stored.classId();
        return classId == null ? null : classId.value();
    }
}
