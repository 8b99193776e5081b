package org.studyloop.catalog.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The TeX of a lesson, kept away from the Markdown parser: each {@code $…$} or {@code $$…$$} span
 * is replaced by a placeholder before parsing, since Markdown would read its {@code _}, {@code *}
 * and backslashes as emphasis and escapes. Delimiters are found exactly as {@code assets/math.js}
 * finds them in item texts (a backslash escapes the next character, {@code \$} is a literal dollar
 * that Markdown then unescapes, an inline span is never empty), so a lesson and an item typeset the
 * same TeX alike; in addition a span never crosses a blank line (a paragraph break), and code
 * spans and fenced code between backtick runs are left alone, as CommonMark §6.1 reads them first.
 *
 * <p>A placeholder is {@value #OPEN}, the span's index and {@value #CLOSE}, characters of the
 * Unicode private use area that the parser treats as letters (so {@code **$x$**} stays strong);
 * the same characters in a lesson itself are replaced by U+FFFD first.
 */
final class TexSpans {

    static final char OPEN = '\uE000';
    static final char CLOSE = '\uE001';

    static final Pattern PLACEHOLDER = Pattern.compile(OPEN + "(\\d+)" + CLOSE);

    /** The text with placeholders, and the TeX spans (delimiters included) they stand for. */
    record Protected(String text, List<String> spans) {

        Protected {
            spans = List.copyOf(spans);
        }

        /** Each placeholder in {@code text} replaced by what {@code span} makes of its TeX source. */
        String restore(String text, Function<String, String> span) {
            return PLACEHOLDER
                    .matcher(text)
                    .replaceAll(m -> Matcher.quoteReplacement(span.apply(spans.get(Integer.parseInt(m.group(1))))));
        }

        /** Each placeholder in {@code text} put back as the TeX source it replaced. */
        String restore(String text) {
            return restore(text, Function.identity());
        }
    }

    private TexSpans() {}

    static Protected protect(String markdown) {
        var text = markdown.replace(OPEN, '\uFFFD').replace(CLOSE, '\uFFFD');
        var out = new StringBuilder(text.length());
        var spans = new ArrayList<String>();
        var i = 0;
        while (i < text.length()) {
            var c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                out.append(text, i, i + 2);
                i += 2;
            } else if (c == '`') {
                var end = codeEnd(text, i);
                out.append(text, i, end);
                i = end;
            } else if (c == '$') {
                var display = i + 1 < text.length() && text.charAt(i + 1) == '$';
                var open = display ? 2 : 1;
                var close = close(text, i + open, display);
                if (close > 0) {
                    out.append(OPEN).append(spans.size()).append(CLOSE);
                    spans.add(text.substring(i, close + open));
                    i = close + open;
                } else {
                    out.append(c);
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return new Protected(out.toString(), spans);
    }

    /** Where the closing delimiter starts, or -1 when there is none before a blank line or the end. */
    private static int close(String text, int from, boolean display) {
        for (var j = from; j < text.length(); j++) {
            var c = text.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '\n' && blankLineAfter(text, j)) {
                return -1;
            } else if (c == '$' && (!display || (j + 1 < text.length() && text.charAt(j + 1) == '$'))) {
                return j > from ? j : -1;
            }
        }
        return -1;
    }

    private static boolean blankLineAfter(String text, int newline) {
        for (var k = newline + 1; k < text.length(); k++) {
            var c = text.charAt(k);
            if (c == '\n') {
                return true;
            }
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /** The end of the code span (or fence) a backtick run opens: after its closing run, else after the run. */
    private static int codeEnd(String text, int start) {
        var run = start;
        while (run < text.length() && text.charAt(run) == '`') {
            run++;
        }
        var length = run - start;
        var j = run;
        while (j < text.length()) {
            if (text.charAt(j) != '`') {
                j++;
                continue;
            }
            var end = j;
            while (end < text.length() && text.charAt(end) == '`') {
                end++;
            }
            if (end - j == length) {
                return end;
            }
            j = end;
        }
        return run;
    }
}
