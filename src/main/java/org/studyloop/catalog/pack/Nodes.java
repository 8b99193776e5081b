package org.studyloop.catalog.pack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads fields from YAML nodes and records what is wrong with the line it is on: a missing field
 * is reported at its mapping's line, a wrong value at the value's own line.
 */
final class Nodes {

    static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");

    private final String file;
    private final int firstLine;
    private final Findings findings;

    Nodes(String file, int firstLine, Findings findings) {
        this.file = file;
        this.firstLine = firstLine;
        this.findings = findings;
    }

    int errorCount() {
        return findings.errorCount();
    }

    String file() {
        return file;
    }

    int line(Node node) {
        return node.getStartMark().getLine() + firstLine;
    }

    void error(Node node, String message) {
        findings.error(file, line(node), message);
    }

    void warning(Node node, String message) {
        findings.warning(file, line(node), message);
    }

    /** The fields of a mapping by name; a key written twice is an error. Null if it is no mapping. */
    @Nullable
    Map<String, Node> mapping(Node node, String what) {
        if (!(node instanceof MappingNode mapping)) {
            error(node, what + " must be a mapping of fields");
            return null;
        }
        var fields = new LinkedHashMap<String, Node>();
        for (var tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                error(tuple.getKeyNode(), "a field name must be plain text");
                continue;
            }
            if (fields.put(key.getValue(), tuple.getValueNode()) != null) {
                error(key, "the field '" + key.getValue() + "' is written twice");
            }
        }
        return fields;
    }

    @Nullable
    List<Node> sequence(Node node, String what) {
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        error(node, what + " must be a list");
        return null;
    }

    /** A required text field, or null after an error at the mapping's line. */
    @Nullable
    String text(Map<String, Node> fields, Node owner, String name) {
        var node = fields.get(name);
        if (node == null || isNull(node)) {
            error(owner, "the field '" + name + "' is missing");
            return null;
        }
        return scalarText(node, name);
    }

    @Nullable
    String optionalText(Map<String, Node> fields, String name) {
        var node = fields.get(name);
        return node == null || isNull(node) ? null : scalarText(node, name);
    }

    @Nullable
    String scalarText(Node node, String name) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        error(node, "'" + name + "' must be text");
        return null;
    }

    @Nullable
    String key(Map<String, Node> fields, Node owner) {
        var key = text(fields, owner, "key");
        if (key != null && !SLUG.matcher(key).matches()) {
            error(fields.get("key"), "the key '" + key + "' is not a slug ([a-z0-9][a-z0-9-]{0,79})");
            return null;
        }
        return key;
    }

    /** A list of texts; a single text is read as a list of one (the lenient reading). */
    List<String> texts(Node node, String name) {
        if (node instanceof ScalarNode scalar) {
            return isNull(node) ? List.of() : List.of(scalar.getValue());
        }
        var items = sequence(node, "'" + name + "'");
        var result = new ArrayList<String>();
        if (items != null) {
            for (var item : items) {
                var text = scalarText(item, name);
                if (text != null) {
                    result.add(text);
                }
            }
        }
        return result;
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
    }
}
