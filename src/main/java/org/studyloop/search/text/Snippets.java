package org.studyloop.search.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.web.util.HtmlUtils;

/**
 * A passage's best few sentences for a query, HTML-escaped, with the words that match the query
 * in {@code <mark>}: the sentences holding the most distinct query terms (after the language's
 * stemming), in the passage's order, up to about {@value #LENGTH} characters.
 *
 * <p>One instance per query: its terms are analysed once per language, not once per passage, and
 * a snippet's text is analysed once to find the words to mark (a search shows ten snippets, and
 * they were a fifth of its time at 100,000 chunks, bench/README.md "Search").
 */
public final class Snippets {

    static final int LENGTH = 240;

    private static final Pattern SENTENCES = Pattern.compile("(?<=[.!?:])\\s+");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern TABLE_RULE =
            Pattern.compile("\\s*\\|?\\s*:?-{3,}:?\\s*(\\|\\s*:?-{3,}:?\\s*)*\\|?\\s*");
    private static final Pattern TABLE_ROW = Pattern.compile("\\s*\\|.*\\|\\s*");
    private static final Pattern CELL_BORDER = Pattern.compile("\\s+\\|\\s+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");
    /** TeX as the content packs write it: {@code $$…$$} or {@code $…$}, a dollar escaped as {@code \\$}. */
    private static final Pattern MATH =
            Pattern.compile("\\$\\$(?:[^$]|\\\\\\$)+?\\$\\$|(?<!\\\\)\\$(?:[^$\\\\]|\\\\.)+?\\$");

    /**
     * Words a student's question is made of but that say nothing of what it is about ("how do I
     * …", "what is …"): the analysers keep them (their stop lists are short), so they still count
     * for BM25, but a snippet does not mark them. English only, as the bundled content is.
     */
    private static final Set<String> QUESTION_WORDS = Analyzers.terms(
            "en", "how do does did what why when where which who i me my you can could should would am");

    private final String spelledQuery;
    private final Map<String, Set<String>> wanted = new HashMap<>();

    private Snippets(String query) {
        this.spelledQuery = LatexWords.spellQuery(query);
    }

    /** Snippets for this query. Not for sharing between threads. */
    public static Snippets forQuery(String query) {
        return new Snippets(query);
    }

    /** The passage's snippet for one query; {@link #forQuery} when there are several passages. */
    public static String of(String passage, String query, String language) {
        return forQuery(query).of(passage, language);
    }

    /** The passage's snippet, its text analysed as the language ({@link Analyzers#supported}). */
    public String of(String passage, String language) {
        var terms = wanted.computeIfAbsent(language, this::terms);
        var sentences =
                SENTENCES.split(SPACE.matcher(withoutTables(passage).strip()).replaceAll(" "));
        var best = 0;
        var bestScore = -1;
        for (var i = 0; i < sentences.length; i++) {
            var score = Analyzers.terms(language, LatexWords.spell(sentences[i])).stream()
                    .filter(terms::contains)
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
        return mark(text, terms, language);
    }

    private Set<String> terms(String language) {
        var terms = Analyzers.terms(language, spelledQuery);
        if (language.equals("en")) {
            terms.removeAll(QUESTION_WORDS);
        }
        return terms;
    }

    /**
     * A Markdown table's rows as cells separated by semicolons, its rule dropped: on one line, a
     * snippet would otherwise show "| form | shows | | --- | --- |". A pipe inside a cell's maths
     * ({@code $|x|$}) has no spaces around it and stays.
     */
    static String withoutTables(String passage) {
        return passage.lines()
                .filter(line -> !TABLE_RULE.matcher(line).matches())
                .map(line -> TABLE_ROW.matcher(line).matches()
                        ? CELL_BORDER
                                        .matcher(line.strip()
                                                .substring(1, line.strip().length() - 1)
                                                .strip())
                                        .replaceAll("; ")
                                + "."
                        : line)
                .collect(Collectors.joining("\n"));
    }

    /** Cut between words, and never inside maths: half a formula cannot be typeset. */
    private static String cut(String text) {
        var end = text.lastIndexOf(' ', LENGTH);
        end = end > 0 ? end : LENGTH;
        for (var maths : MATH.matcher(text).results().toList()) {
            if (maths.start() < end && end < maths.end()) {
                end = maths.start() > 0 ? maths.start() : maths.end();
                break;
            }
        }
        return text.substring(0, end).strip() + " …";
    }

    /**
     * Marks the words whose every term is wanted, except inside maths: a {@code <mark>} in the
     * middle of {@code $…$} would cut the TeX in two, and a page could no longer typeset it. A
     * word's terms are the analyser's tokens that lie within it (a stop word has none).
     */
    private static String mark(String text, Set<String> wanted, String language) {
        var tokens = Analyzers.tokens(language, text);
        var maths = MATH.matcher(text).results().toList();
        var out = new StringBuilder();
        var matcher = WORD.matcher(text);
        var last = 0;
        var next = 0;
        while (matcher.find()) {
            out.append(escape(text.substring(last, matcher.start())));
            while (next < tokens.size() && tokens.get(next).start() < matcher.start()) {
                next++;
            }
            var terms = new ArrayList<String>();
            for (var t = next; t < tokens.size() && tokens.get(t).end() <= matcher.end(); t++) {
                terms.add(tokens.get(t).term());
            }
            var at = matcher.start();
            var inMaths = maths.stream().anyMatch(m -> m.start() < at && at < m.end());
            var word = escape(matcher.group());
            out.append(!inMaths && !terms.isEmpty() && wanted.containsAll(terms) ? "<mark>" + word + "</mark>" : word);
            last = matcher.end();
        }
        out.append(escape(text.substring(last)));
        return out.toString();
    }

    /**
     * Only HTML's special characters: the snippet goes out as UTF-8 (page and JSON alike), so
     * "é" stays "é" rather than becoming {@code &eacute;} for a client to decode.
     */
    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
