package org.studyloop.search.text;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * A passage's best few sentences for a query, HTML-escaped, with the words that match the query
 * in {@code <mark>}: the sentences holding the most distinct query terms (after the language's
 * stemming), in the passage's order, up to about {@value #LENGTH} characters.
 */
public final class Snippets {

    static final int LENGTH = 240;

    private static final Pattern SENTENCES = Pattern.compile("(?<=[.!?:])\\s+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");
    /** TeX as the content packs write it: {@code $$…$$} or {@code $…$}, a dollar escaped as {@code \\$}. */
    private static final Pattern MATH =
            Pattern.compile("\\$\\$(?:[^$]|\\\\\\$)+?\\$\\$|(?<!\\\\)\\$(?:[^$\\\\]|\\\\.)+?\\$");

    private Snippets() {}

    /**
     * Words a student's question is made of but that say nothing of what it is about ("how do I
     * …", "what is …"): the analysers keep them (their stop lists are short), so they still count
     * for BM25, but a snippet does not mark them. English only, as the bundled content is.
     */
    private static final Set<String> QUESTION_WORDS = Set.of(
            "how", "do", "does", "did", "what", "why", "when", "where", "which", "who", "i", "me", "my", "you", "can",
            "could", "should", "would", "am");

    public static String of(String passage, String query, String language) {
        var wanted = new HashSet<>(Analyzers.terms(language, LatexWords.spellQuery(query)));
        if (language.equals("en")) {
            wanted.removeAll(Analyzers.terms(language, String.join(" ", QUESTION_WORDS)));
        }
        var sentences = SENTENCES.split(passage.strip().replaceAll("\\s+", " "));
        var best = 0;
        var bestScore = -1;
        for (var i = 0; i < sentences.length; i++) {
            var score = Analyzers.terms(language, LatexWords.spell(sentences[i])).stream()
                    .filter(wanted::contains)
                    .count();
            if (score > bestScore) {
                best = i;
                bestScore = (int) score;
            }
        }
        var snippet = new StringBuilder(sentences[best]);
        for (var i = best + 1; i < sentences.length && snippet.length() < LENGTH / 2; i++) {
            snippet.append(' ').append(sentences[i]);
        }
        var text = snippet.length() > LENGTH ? cut(snippet.toString()) : snippet.toString();
        return mark(text, wanted, language);
    }

    private static String cut(String text) {
        var end = text.lastIndexOf(' ', LENGTH);
        return text.substring(0, end > 0 ? end : LENGTH) + " …";
    }

    /**
     * Marks the wanted words, except inside maths: a {@code <mark>} in the middle of {@code $…$}
     * would cut the TeX in two, and a page could no longer typeset it.
     */
    private static String mark(String text, Set<String> wanted, String language) {
        var out = new StringBuilder();
        var matcher = WORD.matcher(text);
        var maths = MATH.matcher(text).results().toList();
        var last = 0;
        while (matcher.find()) {
            out.append(HtmlUtils.htmlEscape(text.substring(last, matcher.start())));
            var word = matcher.group();
            var terms = Analyzers.terms(language, word);
            var at = matcher.start();
            var inMaths = maths.stream().anyMatch(m -> m.start() < at && at < m.end());
            if (!inMaths && !terms.isEmpty() && wanted.containsAll(terms)) {
                out.append("<mark>").append(HtmlUtils.htmlEscape(word)).append("</mark>");
            } else {
                out.append(HtmlUtils.htmlEscape(word));
            }
            last = matcher.end();
        }
        out.append(HtmlUtils.htmlEscape(text.substring(last)));
        return out.toString();
    }
}
