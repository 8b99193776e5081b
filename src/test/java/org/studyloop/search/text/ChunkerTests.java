package org.studyloop.search.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChunkerTests {

    private static String paragraph(int words, String word) {
        return IntStream.range(0, words).mapToObj(i -> word + i).collect(Collectors.joining(" ")) + ".";
    }

    @Test
    void aShortLessonIsOnePassage() {
        var pieces = Chunker.split("One short paragraph.\n\nAnother one.");
        assertThat(pieces).hasSize(1);
        assertThat(pieces.getFirst().text()).isEqualTo("One short paragraph.\n\nAnother one.");
    }

    @Test
    void headingsStartPassagesAndNameThem() {
        var pieces = Chunker.split("# Equations\n\nSplit in two.\n\n## Inequalities\n\nThink in distances.");
        assertThat(pieces).hasSize(2);
        assertThat(pieces.get(0).heading()).isEqualTo("Equations");
        assertThat(pieces.get(1).heading()).isEqualTo("Inequalities");
        assertThat(pieces.get(1).text()).isEqualTo("Think in distances.");
    }

    @Test
    void longTextIsCutBetweenParagraphsWithOverlapAndNoPassageIsTooLong() {
        var markdown = IntStream.range(0, 8)
                .mapToObj(i -> paragraph(50, "p" + i + "w") + " Last sentence of " + i + ".")
                .collect(Collectors.joining("\n\n"));
        var pieces = Chunker.split(markdown);
        assertThat(pieces.size()).isGreaterThan(2);
        assertThat(pieces).allSatisfy(p -> assertThat(Chunker.count(p.text())).isLessThanOrEqualTo(Chunker.MAX_WORDS));
        assertThat(pieces.get(1).text()).startsWith("Last sentence of");
        var all = pieces.stream().map(Chunker.Piece::text).collect(Collectors.joining(" "));
        for (var i = 0; i < 8; i++) {
            assertThat(all).contains("p" + i + "w49");
        }
    }

    @Test
    void aParagraphLongerThanAPassageIsCutBetweenSentences() {
        var sentences = IntStream.range(0, 40)
                .mapToObj(i -> "Sentence number " + i + " has six words.")
                .collect(Collectors.joining(" "));
        var pieces = Chunker.split(sentences);
        assertThat(pieces.size()).isGreaterThan(1);
        assertThat(pieces).allSatisfy(p -> assertThat(p.text()).endsWith("words."));
    }
}
