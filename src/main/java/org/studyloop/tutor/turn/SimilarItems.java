package org.studyloop.tutor.turn;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.studyloop.catalog.Catalog;
import org.studyloop.catalog.ItemSnapshot;

/**
 * Worked examples for the fallback engine: the solution of another published item of the same
 * skill — fine to show, since it answers a different question — unless it would state this item's
 * answer too. The example rotates with the rung, so a student climbing the ladder sees another one.
 */
@Component
class SimilarItems {

    private final Catalog catalog;

    SimilarItems(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The worked solution of another item of the same skill, unless it would give this item's answer away. */
    Optional<Source> example(ItemSnapshot item, int level) {
        var candidates = catalog.itemsForSkills(item.skillIds()).stream()
                .filter(id -> !id.equals(item.itemId()) && !id.equals(item.templateId()))
                .toList();
        var shown = HintLadder.shownUpTo(item, level);
        for (var i = 0; i < candidates.size() && i < 6; i++) {
            var other = catalog.item(candidates.get((i + level) % candidates.size()));
            if (other.isPresent()
                    && !other.get().isTemplate()
                    && !other.get().solution().isBlank()
                    && !LeakGuard.leaks(other.get().stem() + " " + other.get().solution(), item, shown)) {
                var o = other.get();
                return Optional.of(new Source(
                        "SOLUTION", o.itemId().value(), shorten(o.stem()), shorten(o.stem()) + " — " + o.solution()));
            }
        }
        return Optional.empty();
    }

    private static String shorten(String text) {
        return text.length() <= 160 ? text : text.substring(0, 157) + "...";
    }
}
