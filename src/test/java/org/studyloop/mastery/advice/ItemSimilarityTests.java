package org.studyloop.mastery.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ItemSimilarityTests {

    /** Students a–d: "b" goes with "a" (the same students fail both), "c" against it, "d" is seen. */
    static final Map<String, Map<String, Double>> ANSWERS = Map.of(
            "s1", Map.of("a", -1.0, "b", -1.0, "c", 1.0, "d", -1.0),
            "s2", Map.of("a", -1.0, "b", -1.0, "c", 1.0),
            "s3", Map.of("a", 1.0, "b", 1.0, "c", -1.0, "d", 1.0),
            "s4", Map.of("b", 1.0, "e", 1.0));

    @Test
    void itemsAnsweredAlikeAreSimilarByTheCosineOfTheirVectors() {
        var neighbours = ItemSimilarity.neighbours(ANSWERS, Set.of("a"), Set.of("d"), 2, 10);
        assertThat(neighbours).singleElement().satisfies(n -> {
            assertThat(n.item()).isEqualTo("b");
            assertThat(n.nearestSeed()).isEqualTo("a");
            assertThat(n.support()).isEqualTo(3);
            // a = (−1, −1, 1, 0), b = (−1, −1, 1, 1): cos = 3 / (√3 · √4).
            assertThat(n.similarity()).isCloseTo(3 / (Math.sqrt(3) * 2), within(1e-12));
        });
    }

    @Test
    void supportBelowTheMinimumAndDissimilarItemsAreLeftOut() {
        assertThat(ItemSimilarity.neighbours(ANSWERS, Set.of("a"), Set.of(), 4, 10))
                .isEmpty();
        assertThat(ItemSimilarity.neighbours(ANSWERS, Set.of("a"), Set.of(), 1, 10))
                .extracting(ItemSimilarity.Neighbour::item)
                .containsExactly("b", "d")
                .doesNotContain("c", "e");
    }
}
