package org.studyloop.search.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.studyloop.catalog.AnswerKey;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.ItemSnapshot;
import org.studyloop.catalog.ItemType;
import org.studyloop.catalog.PublishedItem;
import org.studyloop.search.PassageKind;
import org.studyloop.search.index.Chunk;

/** What BM25 and the embedding model read of an item's chunks. */
class CatalogDocumentsTests {

    static final String STEM = "Solve $3x + 7 = 22$ for $x$.\nShow each step.";

    static PublishedItem item() {
        var snapshot = new ItemSnapshot(
                new ItemId(UUID.randomUUID()),
                1,
                ItemType.NUMERIC,
                STEM,
                List.of(),
                new AnswerKey.Numeric(new BigDecimal("5"), null, null, null),
                List.of(),
                List.of("Undo the addition first.", "Subtract 7 from both sides."),
                "Subtract 7 from both sides: $3x = 15$. Divide by 3: $x = 5$.",
                List.of(),
                null,
                "en",
                "test",
                "CC-BY-4.0",
                null,
                null);
        return new PublishedItem(snapshot, new CourseId(UUID.randomUUID()), "algebra", "lin-1", Optional.empty());
    }

    static long occurrences(String text, String part) {
        return Pattern.compile(Pattern.quote(part)).matcher(text).results().count();
    }

    @Test
    void everyChunkOfAnItemIsTitledByItsKindAndTheStemsFirstLine() {
        var chunks = CatalogDocuments.item(item(), "en");

        assertThat(chunks)
                .extracting(Chunk::kind)
                .containsExactly(PassageKind.ITEM, PassageKind.SOLUTION, PassageKind.HINT);
        assertThat(chunks)
                .extracting(Chunk::title)
                .containsExactly(
                        "Question: Solve $3x + 7 = 22$ for $x$.",
                        "Worked solution: Solve $3x + 7 = 22$ for $x$.",
                        "Hints: Solve $3x + 7 = 22$ for $x$.");
        assertThat(chunks.get(1).text()).startsWith(STEM).contains("Divide by 3: $x = 5$.");
    }

    @Test
    void bm25ReadsTheTitleAndTheMathsInWords() {
        for (var chunk : CatalogDocuments.item(item(), "en")) {
            assertThat(chunk.indexed()).doesNotContain("$").contains("plus equals");
            assertThat(occurrences(chunk.indexed(), "Show each step"))
                    .as("the title and the text both start with the stem's first line, not its second")
                    .isEqualTo(1);
            assertThat(occurrences(chunk.indexed(), "for x"))
                    .as(chunk.kind() + ": the title's copy of the first line, then the text's")
                    .isEqualTo(2);
        }
    }

    @Test
    void theModelReadsTheKindAndTheTextButNotTheTitlesCopyOfTheStem() {
        var chunks = CatalogDocuments.item(item(), "en");

        assertThat(chunks)
                .extracting(c -> c.embedded().lines().findFirst().orElseThrow())
                .containsExactly("Question", "Worked solution", "Hints");
        for (var chunk : chunks) {
            assertThat(occurrences(chunk.embedded(), "for x"))
                    .as(chunk.kind().toString())
                    .isEqualTo(1);
            assertThat(chunk.embedded()).doesNotContain("$").contains("Show each step");
        }
        assertThat(chunks.get(1).embedded()).contains("plus equals");
        assertThat(chunks.get(2).embedded()).contains("2. Subtract 7 from both sides.");
        assertThat(chunks.get(0).embeddingKey())
                .as("the vector is kept while what the model reads is unchanged")
                .isEqualTo(CatalogDocuments.item(item(), "en").get(0).embeddingKey())
                .isNotEqualTo(chunks.get(1).embeddingKey());
    }
}
