package org.studyloop.catalog.pack;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Markdown files with YAML front matter (between a first line {@code ---} and the next line
 * {@code ---}), as Jekyll and Hugo write them: lessons, and items given one to a file, whose body
 * is the stem. Lines in the front matter are counted from the file's first line.
 */
final class PackDocuments {

    private PackDocuments() {}

    record Document(String frontMatter, String body) {}

    static @Nullable Document split(String path, String text, Findings findings) {
        var normalised = text.replace("\r\n", "\n");
        if (normalised.startsWith("\uFEFF")) {
            normalised = normalised.substring(1);
        }
        if (!normalised.startsWith("---\n")) {
            findings.error(path, 1, "the file must begin with front matter between '---' lines");
            return null;
        }
        var end = normalised.indexOf("\n---", 3);
        while (end >= 0 && !(end + 4 == normalised.length() || normalised.charAt(end + 4) == '\n')) {
            end = normalised.indexOf("\n---", end + 4);
        }
        if (end < 0) {
            findings.error(path, 1, "the front matter has no closing '---' line");
            return null;
        }
        var body = end + 5 > normalised.length() ? "" : normalised.substring(end + 5);
        return new Document(normalised.substring(4, end + 1), body.strip());
    }

    static Pack.@Nullable Lesson lesson(String path, String text, Findings findings) {
        var document = split(path, text, findings);
        if (document == null) {
            return null;
        }
        var nodes = new Nodes(path, 2, findings);
        var root = Yamls.compose(path, document.frontMatter(), 2, findings);
        var fields = root == null ? null : nodes.mapping(root, "the front matter");
        if (fields == null) {
            return null;
        }
        var key = nodes.key(fields, root);
        var skill = nodes.text(fields, root, "skill");
        var title = nodes.text(fields, root, "title");
        if (key == null || skill == null || title == null) {
            return null;
        }
        return new Pack.Lesson(
                key,
                skill,
                title,
                nodes.optionalText(fields, "video"),
                nodes.optionalText(fields, "article"),
                nodes.optionalText(fields, "pdf"),
                document.body());
    }

    /** An item in Markdown, as one YAML node: its front matter with the body added as its stem. */
    static @Nullable Node item(String path, String text, Findings findings) {
        var document = split(path, text, findings);
        if (document == null) {
            return null;
        }
        var root = Yamls.compose(path, document.frontMatter(), 2, findings);
        if (root == null) {
            return null;
        }
        if (root instanceof MappingNode mapping && !document.body().isEmpty()) {
            var mark = root.getStartMark();
            mapping.getValue()
                    .add(new NodeTuple(
                            new ScalarNode(
                                    Tag.STR, "stem", mark, mark, org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN),
                            new ScalarNode(
                                    Tag.STR,
                                    document.body(),
                                    mark,
                                    mark,
                                    org.yaml.snakeyaml.DumperOptions.ScalarStyle.LITERAL)));
        }
        return root;
    }
}
