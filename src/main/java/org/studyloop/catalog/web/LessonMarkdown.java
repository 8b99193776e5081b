package org.studyloop.catalog.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * A lesson's Markdown (CommonMark with GFM tables) as HTML for the lesson page. Lessons come from
 * imported content packs, so this is an XSS boundary: raw HTML in a lesson is escaped and shown as
 * text, and link targets with an unsafe scheme ({@code javascript:} and the like) are dropped. TeX
 * is taken out before parsing ({@link TexSpans}) and put back as {@code <span class="math">$…$</span>},
 * its source as escaped text, which {@code assets/math.js} typesets with KaTeX. Each heading gets an
 * id made of its words, so a passage's heading can be linked to as {@code #…}.
 */
final class LessonMarkdown {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .nodeRendererFactory(MathRenderer::new)
            .attributeProviderFactory(context -> new HeadingIds())
            .build();

    private LessonMarkdown() {}

    static String html(String markdown) {
        var tex = TexSpans.protect(markdown);
        var document = PARSER.parse(tex.text());
        var texts = new ArrayList<Text>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                texts.add(text);
            }

            @Override
            public void visit(Code code) {
                code.setLiteral(tex.restore(code.getLiteral()));
            }

            @Override
            public void visit(FencedCodeBlock block) {
                block.setLiteral(tex.restore(block.getLiteral()));
            }

            @Override
            public void visit(IndentedCodeBlock block) {
                block.setLiteral(tex.restore(block.getLiteral()));
            }

            @Override
            public void visit(HtmlInline html) {
                html.setLiteral(tex.restore(html.getLiteral()));
            }

            @Override
            public void visit(HtmlBlock html) {
                html.setLiteral(tex.restore(html.getLiteral()));
            }

            @Override
            public void visit(Link link) {
                link.setDestination(tex.restore(link.getDestination()));
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                image.setDestination(tex.restore(image.getDestination()));
                visitChildren(image);
            }
        });
        texts.forEach(text -> split(text, tex));
        return RENDERER.render(document);
    }

    /** Splits a text node at its placeholders into text and maths; an image's alt text keeps the TeX source. */
    private static void split(Text text, TexSpans.Protected tex) {
        var literal = text.getLiteral();
        if (literal.indexOf(TexSpans.OPEN) < 0) {
            return;
        }
        if (insideImage(text)) {
            text.setLiteral(tex.restore(literal));
            return;
        }
        var last = 0;
        var matcher = TexSpans.PLACEHOLDER.matcher(literal);
        while (matcher.find()) {
            if (matcher.start() > last) {
                text.insertBefore(new Text(literal.substring(last, matcher.start())));
            }
            text.insertBefore(new Maths(tex.spans().get(Integer.parseInt(matcher.group(1)))));
            last = matcher.end();
        }
        if (last < literal.length()) {
            text.insertBefore(new Text(literal.substring(last)));
        }
        text.unlink();
    }

    private static boolean insideImage(Node node) {
        for (var parent = node.getParent(); parent != null; parent = parent.getParent()) {
            if (parent instanceof Image) {
                return true;
            }
        }
        return false;
    }

    /** A TeX span with its dollar delimiters. */
    static final class Maths extends CustomNode {
        final String source;

        Maths(String source) {
            this.source = source;
        }
    }

    private record MathRenderer(HtmlNodeRendererContext context) implements NodeRenderer {
        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Maths.class);
        }

        @Override
        public void render(Node node) {
            var html = context.getWriter();
            html.tag("span", Map.of("class", "math"));
            html.text(((Maths) node).source);
            html.tag("/span");
        }
    }

    /**
     * The ids the layout and the lesson page give their own elements: a heading whose words make one
     * of them gets the next number instead, so ids stay unique on the page (HTML §3.2.6.1).
     */
    static final Set<String> PAGE_IDS = Set.of(
            "main",
            "offline-banner",
            "queued-message",
            "lesson-title",
            "lesson-next-heading",
            "lesson-practise",
            "lesson-ask-tutor",
            "previous-lesson",
            "next-lesson");

    /** Ids from the heading's words, unique within the page (-2, -3… for repeats); one per rendering. */
    private static final class HeadingIds implements AttributeProvider {
        private final Map<String, Integer> seen = new HashMap<>();

        HeadingIds() {
            PAGE_IDS.forEach(id -> seen.put(id, 1));
        }

        @Override
        public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
            if (node instanceof Heading heading) {
                var slug = slug(words(heading, new StringBuilder()).toString());
                var n = seen.merge(slug, 1, Integer::sum);
                attributes.put("id", n == 1 ? slug : slug + "-" + n);
            }
        }

        private static StringBuilder words(Node node, StringBuilder out) {
            for (var child = node.getFirstChild(); child != null; child = child.getNext()) {
                switch (child) {
                    case Text text -> out.append(text.getLiteral());
                    case Code code -> out.append(code.getLiteral());
                    case Maths maths -> out.append(maths.source.replace("$", ""));
                    default -> words(child, out.append(' '));
                }
            }
            return out;
        }
    }

    /** Lower-case letters and digits of any script, joined by hyphens; "section" when none is left. */
    static String slug(String words) {
        var slug = words.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", "-")
                .replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "section" : slug;
    }
}
