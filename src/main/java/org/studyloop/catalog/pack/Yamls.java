package org.studyloop.catalog.pack;

import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * SnakeYAML, used at the node level so that every value keeps its line ({@link Node#getStartMark()}),
 * with limits against hostile input: few aliases (the "billion laughs" expansion needs many),
 * a bounded nesting depth and document size, no recursive keys. Only the composer runs; nothing is
 * constructed from tags, so no class is ever instantiated from a pack.
 */
final class Yamls {

    static final int MAX_ALIASES = 20;
    static final int MAX_DEPTH = 40;
    static final int MAX_CODE_POINTS = 5 * 1024 * 1024;
    private static final int MAX_NODES = 200_000;

    private Yamls() {}

    static LoaderOptions loaderOptions() {
        var options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(true); // reported by Nodes.mapping with their lines instead
        return options;
    }

    /**
     * The document's root node, or null after recording why it could not be read.
     *
     * @param firstLine the line of the file the text starts on (front matter starts on line 2)
     */
    static @Nullable Node compose(String file, String text, int firstLine, Findings findings) {
        var dumper = new DumperOptions();
        var yaml = new Yaml(new SafeConstructor(loaderOptions()), new Representer(dumper), dumper, loaderOptions());
        try {
            var node = yaml.compose(new StringReader(text));
            if (node == null) {
                findings.error(file, firstLine, "the file is empty");
            }
            return node;
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            var line = mark == null ? firstLine : mark.getLine() + firstLine;
            findings.error(file, line, "YAML does not parse: " + firstLineOf(e.getProblem()));
            return null;
        } catch (YAMLException | StackOverflowError e) {
            findings.error(file, firstLine, "YAML refused: " + firstLineOf(String.valueOf(e.getMessage())));
            return null;
        }
    }

    private static String firstLineOf(@Nullable String message) {
        if (message == null) {
            return "unreadable";
        }
        var newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** The node as plain Java: maps, lists, strings, numbers ({@link BigDecimal} or long), booleans. */
    static @Nullable Object toJava(Node node) {
        return toJava(node, new int[] {0});
    }

    private static @Nullable Object toJava(Node node, int[] count) {
        if (++count[0] > MAX_NODES) {
            throw new YAMLException("the document has more than " + MAX_NODES + " values");
        }
        return switch (node) {
            case MappingNode mapping -> {
                var map = new LinkedHashMap<String, @Nullable Object>();
                for (var tuple : mapping.getValue()) {
                    if (tuple.getKeyNode() instanceof ScalarNode key) {
                        map.put(key.getValue(), toJava(tuple.getValueNode(), count));
                    }
                }
                yield map;
            }
            case SequenceNode sequence -> {
                var list = new ArrayList<@Nullable Object>();
                for (var item : sequence.getValue()) {
                    list.add(toJava(item, count));
                }
                yield list;
            }
            case ScalarNode scalar -> scalar(scalar);
            default -> null;
        };
    }

    static @Nullable Object scalar(ScalarNode scalar) {
        var value = scalar.getValue();
        var tag = scalar.getTag();
        try {
            if (tag.equals(Tag.NULL)) {
                return null;
            }
            if (tag.equals(Tag.BOOL)) {
                return Boolean.parseBoolean(value.toLowerCase())
                        || value.equalsIgnoreCase("yes")
                        || value.equalsIgnoreCase("on");
            }
            if (tag.equals(Tag.INT)) {
                var integer = new BigInteger(value.replace("_", ""));
                return integer.bitLength() < 63 ? (Object) integer.longValue() : new BigDecimal(integer);
            }
            if (tag.equals(Tag.FLOAT)) {
                return new BigDecimal(value.replace("_", ""));
            }
        } catch (NumberFormatException e) {
            return value; // octal, hex or .inf: kept as written
        }
        return value;
    }

    /** A map as written in YAML by {@link PackWriter}: block style, keys in the given order. */
    static String dump(Object value) {
        var options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(120);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setSplitLines(false);
        return new Yaml(options).dump(value);
    }

    static Map<String, Object> ordered(Map<String, Object> map, List<String> first) {
        var result = new LinkedHashMap<String, Object>();
        first.stream().filter(map::containsKey).forEach(k -> result.put(k, map.get(k)));
        map.keySet().stream().sorted().filter(k -> !result.containsKey(k)).forEach(k -> result.put(k, map.get(k)));
        return result;
    }
}
