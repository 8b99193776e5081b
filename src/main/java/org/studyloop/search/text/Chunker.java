package org.studyloop.search.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits lessons and solutions into passages a student can read on their own: at headings first,
 * then between paragraphs, with at most {@value #MAX_WORDS} words each (a few sentences, near the
 * 128–256-token passages dense retrievers are trained on, e.g. Karpukhin et al., "Dense Passage
 * Retrieval", EMNLP 2020, 100 words). A passage after a size split starts with the last sentence
 * of the one before (overlap), so that an idea cut in two is found whole in one of them.
 */
public final class Chunker {

    public static final int MAX_WORDS = 160;
    static final int OVERLAP_WORDS = 40;

    private static final Pattern HEADING = Pattern.compile("^(#{1,6}\\s+.+|\\*\\*[^*]{2,80}\\*\\*\\s*$)");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z$(\\d])");

    private Chunker() {}

    /** A passage and the heading it falls under, if any. */
    public record Piece(String heading, String text) {}

    public static List<Piece> split(String markdown) {
        var pieces = new ArrayList<Piece>();
        var heading = "";
        var current = new ArrayList<String>();
        var words = 0;
        for (var block : markdown.strip().split("\\n\\s*\\n")) {
            var trimmed = block.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            var firstLine = trimmed.lines().findFirst().orElse("");
            if (HEADING.matcher(firstLine).matches()) {
                flush(pieces, heading, current);
                words = 0;
                heading = firstLine.replaceAll("^#+\\s*|\\*\\*", "").strip();
                trimmed = trimmed.substring(firstLine.length()).strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
            }
            for (var part : bySize(trimmed)) {
                var count = count(part);
                if (words > 0 && words + count > MAX_WORDS) {
                    var overlap = lastSentence(current.getLast());
                    flush(pieces, heading, current);
                    words = 0;
                    if (count(overlap) <= OVERLAP_WORDS && count(overlap) + count <= MAX_WORDS) {
                        current.add(overlap);
                        words = count(overlap);
                    }
                }
                current.add(part);
                words += count;
            }
        }
        flush(pieces, heading, current);
        return pieces;
    }

    /** A block longer than a passage, cut between sentences. */
    private static List<String> bySize(String block) {
        if (count(block) <= MAX_WORDS) {
            return List.of(block);
        }
        var parts = new ArrayList<String>();
        var part = new StringBuilder();
        for (var sentence : SENTENCE_END.split(block)) {
            if (!part.isEmpty() && count(part.toString()) + count(sentence) > MAX_WORDS) {
                parts.add(part.toString().strip());
                part.setLength(0);
            }
            part.append(sentence).append(' ');
        }
        if (!part.isEmpty()) {
            parts.add(part.toString().strip());
        }
        return parts;
    }

    private static String lastSentence(String text) {
        var sentences = SENTENCE_END.split(text);
        return sentences[sentences.length - 1].strip();
    }

    private static void flush(List<Piece> pieces, String heading, List<String> current) {
        if (!current.isEmpty()) {
            pieces.add(new Piece(heading, String.join("\n\n", current)));
            current.clear();
        }
    }

    static int count(String text) {
        var trimmed = text.strip();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }
}
