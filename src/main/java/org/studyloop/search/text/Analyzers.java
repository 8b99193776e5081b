package org.studyloop.search.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The analysers of the languages StudyLoop's content comes in: English, French and Spanish
 * stemming and stop words (Lucene's), each for its own body field, so that a query is analysed
 * the way each language's passages were.
 */
public final class Analyzers {

    public static final Set<String> LANGUAGES = Set.of("en", "fr", "es");

    private static final Map<String, Analyzer> BY_LANGUAGE =
            Map.of("en", new EnglishAnalyzer(), "fr", new FrenchAnalyzer(), "es", new SpanishAnalyzer());

    private Analyzers() {}

    /** The language's analyser; English for any other language. */
    public static Analyzer of(String language) {
        return BY_LANGUAGE.getOrDefault(language, BY_LANGUAGE.get("en"));
    }

    /** The language a passage is indexed under: one of {@link #LANGUAGES}, English by default. */
    public static String supported(String language) {
        return LANGUAGES.contains(language) ? language : "en";
    }

    /** The analysed terms of a text, in order of first appearance. */
    public static Set<String> terms(String language, String text) {
        var terms = new LinkedHashSet<String>();
        try (var stream = of(language).tokenStream("", text)) {
            var term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
        return terms;
    }

    /** A term and where in the text it came from. */
    public record Token(String term, int start, int end) {}

    /** The analysed terms of a text with their offsets, in order. */
    public static List<Token> tokens(String language, String text) {
        var tokens = new ArrayList<Token>();
        try (var stream = of(language).tokenStream("", text)) {
            var term = stream.addAttribute(CharTermAttribute.class);
            var offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
        return tokens;
    }
}
