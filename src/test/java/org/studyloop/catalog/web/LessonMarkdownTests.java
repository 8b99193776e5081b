package org.studyloop.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Lesson Markdown to HTML: maths kept whole for KaTeX, tables and lists, raw HTML shown as text, heading ids. */
class LessonMarkdownTests {

    @Test
    void mathsWithUnderscoresAndStarsIsKeptWholeForKatex() {
        var html = LessonMarkdown.html("Let $x_1 * y_2 = a_3 * b$ and *so* on.\n\n$$\\sum_{i=1}^n i^*_k$$\n");

        assertThat(html)
                .contains("<span class=\"math\">$x_1 * y_2 = a_3 * b$</span>")
                .contains("<em>so</em>")
                .contains("<span class=\"math\">$$\\sum_{i=1}^n i^*_k$$</span>")
                .doesNotContain("<em>1")
                .doesNotContain("<em> y");
    }

    @Test
    void texIsHtmlEscapedInsideItsSpan() {
        assertThat(LessonMarkdown.html("If $a<b$ and $b>c$ then $a \\ne c$ & more."))
                .contains("<span class=\"math\">$a&lt;b$</span>")
                .contains("<span class=\"math\">$b&gt;c$</span>")
                .contains("<span class=\"math\">$a \\ne c$</span>")
                .contains("&amp; more");
    }

    @Test
    void anEscapedDollarIsALiteralDollarAndNoMaths() {
        var html = LessonMarkdown.html("It costs \\$5 and \\$7, not $x$.");

        assertThat(html).contains("It costs $5 and $7, not <span class=\"math\">$x$</span>.");
    }

    @Test
    void aLoneDollarOrMathsAcrossABlankLineStaysText() {
        assertThat(LessonMarkdown.html("Prices: $5 each.\n\nThen 6$ later.")).doesNotContain("class=\"math\"");
    }

    @Test
    void aTableKeepsItsMathsEvenWithAPipeInside() {
        var html = LessonMarkdown.html(
                "| phrase | symbol |\n| --- | --- |\n| at least 10 | $\\ge 10$ |\n| absolute | $|x|$ |\n");

        assertThat(html)
                .contains("<table>")
                .contains("<th>phrase</th>")
                .contains("<td>at least 10</td>")
                .contains("<td><span class=\"math\">$\\ge 10$</span></td>")
                .contains("<td><span class=\"math\">$|x|$</span></td>");
    }

    @Test
    void listsAndStrongText() {
        var html = LessonMarkdown.html("**Worked example.**\n\n1. Subtract $5$: $-2x > 6$.\n2. Divide.\n\n- a\n- b\n");

        assertThat(html)
                .contains("<strong>Worked example.</strong>")
                .contains("<ol>")
                .contains(
                        "<li>Subtract <span class=\"math\">$5$</span>: <span class=\"math\">$-2x &gt; 6$</span>.</li>")
                .contains("<ul>\n<li>a</li>");
    }

    @Test
    void rawHtmlIsShownAsTextNeverAsMarkup() {
        var html = LessonMarkdown.html("Hello <script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n"
                + "[click](javascript:alert(3)) <b onclick=\"x()\">b</b>");

        assertThat(html)
                .doesNotContain("<script")
                .doesNotContain("<img")
                .doesNotContain("<b ")
                .doesNotContain("javascript:")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&lt;img src=x onerror=alert(2)&gt;");
    }

    @Test
    void codeKeepsItsDollarsAsWritten() {
        var html = LessonMarkdown.html("Type `$x_1$` to get $x_1$.\n\n```\ncost = $a + $b\n```\n");

        assertThat(html)
                .contains("<code>$x_1$</code>")
                .contains("<span class=\"math\">$x_1$</span>")
                .contains("cost = $a + $b");
    }

    @Test
    void headingsGetIdsFromTheirWordsUniqueWithinTheLesson() {
        var html =
                LessonMarkdown.html("## Quantifiers\n\ntext\n\n## a / an\n\n## Quantifiers\n\n## Le dérivé de $x^2$\n");

        assertThat(html)
                .contains("<h2 id=\"quantifiers\">Quantifiers</h2>")
                .contains("<h2 id=\"a-an\">a / an</h2>")
                .contains("<h2 id=\"quantifiers-2\">Quantifiers</h2>")
                .contains("<h2 id=\"le-dérivé-de-x-2\">Le dérivé de <span class=\"math\">$x^2$</span></h2>");
    }

    @Test
    void aHeadingNeverTakesAnIdThePageUses() {
        assertThat(LessonMarkdown.html("## Main\n\n## Next lesson\n"))
                .contains("<h2 id=\"main-2\">Main</h2>")
                .contains("<h2 id=\"next-lesson-2\">Next lesson</h2>");
    }

    @Test
    void placeholderCharactersInALessonCannotForgeMaths() {
        var html = LessonMarkdown.html("a \uE0000\uE001 b $y$");

        assertThat(html).contains("a \uFFFD0\uFFFD b <span class=\"math\">$y$</span>");
    }
}
