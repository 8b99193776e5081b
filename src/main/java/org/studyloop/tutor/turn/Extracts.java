package org.studyloop.tutor.turn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Extractive answers: the sentences of a source that share the most content words with the
 * question, in their original order — the fallback engine quotes the course rather than writing
 * anything of its own, so every sentence it shows is the author's and cited.
 */
public final class Extracts {

    private static final Pattern SENTENCES = Pattern.compile("(?<=[.!?])\\s+|\\n+");
    private static final Set<String> STOP = Set.of(
            "the",
            "a",
            "an",
            "and",
            "or",
            "of",
            "to",
            "in",
            "on",
            "is",
            "are",
            "it",
            "this",
            "that",
            "what",
            "how",
            "why",
            "do",
            "does",
            "i",
            "you",
            "me",
            "my",
            "can",
            "please",
            "explain",
            "for",
            "with",
            "be",
            "by",
            "as",
            "at",
            "from",
            "about",
            "give",
            "tell",
            "help",
            "question",
            "questions",
            "concept");

    private Extracts() {}

    public static Set<String> words(String text) {
        var words = new HashSet<String>();
        for (var word : MathText.normalise(text).split(" ")) {
            if (word.length() > 1 && !STOP.contains(word)) {
                words.add(stem(word));
            }
        }
        return words;
    }

    /** How many of the query's content words the text has. */
    public static int overlap(Set<String> query, String text) {
        var words = words(text);
        return (int) query.stream().filter(words::contains).count();
    }

    /** Up to {@code max} sentences of the text that best match the query, in the text's order. */
    public static List<String> best(String text, Set<String> query, int max) {
        var sentences = new ArrayList<String>();
        for (var raw : SENTENCES.split(text)) {
            var sentence =
                    raw.replaceAll("^[#>*\\-\\s\\d.)]+", "").replace("**", "").strip();
            if (sentence.length() >= 20 && sentence.length() <= 400) {
                sentences.add(sentence);
            }
        }
        var ranked = sentences.stream()
                .sorted(Comparator.comparingInt((String s) -> -overlap(query, s)))
                .limit(max)
                .toList();
        return sentences.stream().filter(ranked::contains).toList();
    }

    private static String stem(String word) {
        if (word.length() > 4 && word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
