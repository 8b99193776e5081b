package org.studyloop.catalog.pack;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;
import org.studyloop.catalog.ItemType;
import org.studyloop.catalog.template.Expressions;
import org.studyloop.catalog.template.TemplateEngine;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Checks one item of {@code items/*.yaml} (or one {@code items/*.md}) against docs/content-packs.md
 * and gives it back in the pack format, or null when it has errors. Whether its skills exist is
 * checked with the whole pack, in {@link PackParser}.
 */
final class ItemRules {

    private ItemRules() {}

    /** What an item refers to, read even from an item with errors, so its skills are checked too. */
    record Refs(String key, List<String> skills) {}

    static Refs refs(Node node) {
        var findings = new Findings();
        var nodes = new Nodes("", 1, findings);
        var fields = nodes.mapping(node, "an item");
        if (fields == null) {
            return new Refs("", List.of());
        }
        var key = fields.get("key") instanceof ScalarNode scalar ? scalar.getValue() : "";
        var skills = fields.containsKey("skills") ? nodes.texts(fields.get("skills"), "skills") : List.<String>of();
        return new Refs(key, skills);
    }

    static Pack.@Nullable Item check(Node node, Nodes nodes) {
        var fields = nodes.mapping(node, "an item");
        if (fields == null) {
            return null;
        }
        var errorsBefore = errorCount(nodes);
        var key = nodes.key(fields, node);
        var typeName = nodes.text(fields, node, "type");
        ItemType type = null;
        if (typeName != null) {
            try {
                type = ItemType.valueOf(typeName);
            } catch (IllegalArgumentException e) {
                nodes.error(fields.get("type"), "unknown item type '" + typeName + "'");
            }
        }
        var skills = fields.containsKey("skills") ? nodes.texts(fields.get("skills"), "skills") : List.<String>of();
        if (skills.isEmpty()) {
            nodes.error(fields.getOrDefault("skills", node), "an item needs one or more skills");
        }
        nodes.text(fields, node, "stem");
        nodes.text(fields, node, "solution");
        var hints = fields.containsKey("hints") ? nodes.texts(fields.get("hints"), "hints") : List.<String>of();
        if (hints.isEmpty()) {
            nodes.error(fields.getOrDefault("hints", node), "an item needs a hint ladder of at least one hint");
        } else if (hints.size() < 2) {
            nodes.warning(fields.get("hints"), "bundled courses give at least two hints");
        }
        var difficulty = fields.get("difficulty");
        if (difficulty != null && !isNumber(difficulty)) {
            nodes.error(difficulty, "'difficulty' must be a number");
        }
        if (type != null) {
            checkType(type, node, fields, nodes);
        }
        if (key == null || type == null || errorCount(nodes) > errorsBefore) {
            return null;
        }
        @SuppressWarnings("unchecked")
        var body = (Map<String, Object>) Yamls.toJava(node);
        if (type == ItemType.TEMPLATE) {
            for (var problem : TemplateEngine.problems(body)) {
                nodes.error(node, "template '" + key + "': " + problem);
            }
        }
        return new Pack.Item(key, type, skills, body);
    }

    private static void checkType(ItemType type, Node node, Map<String, Node> fields, Nodes nodes) {
        var answer = fields.get("answer");
        if (type == ItemType.ESSAY || type == ItemType.TEMPLATE) {
            return; // an essay is scored by its rubric; a template's answer is checked by the engine
        }
        if (answer == null) {
            nodes.error(node, "the field 'answer' is missing");
            return;
        }
        switch (type) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE, ORDERING -> {
                var ids = choiceIds(fields, node, nodes);
                var named = nodes.texts(answer, "answer");
                if (type == ItemType.SINGLE_CHOICE && named.size() != 1) {
                    nodes.error(answer, "a SINGLE_CHOICE answer names exactly one choice");
                }
                if (named.isEmpty()) {
                    nodes.error(answer, "the answer names no choice");
                }
                for (var id : named) {
                    if (ids != null && !ids.contains(id)) {
                        nodes.error(answer, "the answer names a choice that does not exist: '" + id + "'");
                    }
                }
                if (new HashSet<>(named).size() < named.size()) {
                    nodes.error(answer, "the answer names a choice twice");
                }
            }
            case NUMERIC -> {
                if (!isNumber(answer)) {
                    nodes.error(answer, "a NUMERIC answer must be a number");
                }
                var tolerance = fields.get("tolerance");
                if (tolerance != null) {
                    var bounds = nodes.mapping(tolerance, "'tolerance'");
                    if (bounds != null) {
                        bounds.forEach((name, value) -> {
                            if (!List.of("absolute", "relative").contains(name) || !isNumber(value)) {
                                nodes.error(value, "'tolerance' takes a number under 'absolute' or 'relative'");
                            }
                        });
                    }
                }
            }
            case EXPRESSION -> {
                var expression = nodes.scalarText(answer, "answer");
                var variables =
                        fields.containsKey("variables") ? nodes.texts(fields.get("variables"), "variables") : null;
                if (expression != null) {
                    var known = variables != null ? variables : Expressions.variablesOfLenient(expression);
                    var problem = Expressions.problem(expression, known);
                    if (!problem.isEmpty()) {
                        nodes.error(answer, problem);
                    }
                }
            }
            case SHORT_TEXT -> {
                if (nodes.texts(answer, "answer").isEmpty()) {
                    nodes.error(answer, "a SHORT_TEXT item needs at least one accepted answer");
                }
                var pattern = nodes.optionalText(fields, "pattern");
                if (pattern != null) {
                    try {
                        java.util.regex.Pattern.compile(pattern);
                    } catch (PatternSyntaxException e) {
                        nodes.error(
                                fields.get("pattern"), "'pattern' is not a regular expression: " + e.getDescription());
                    }
                }
            }
            default -> {}
        }
    }

    private static @Nullable List<String> choiceIds(Map<String, Node> fields, Node node, Nodes nodes) {
        var choices = fields.get("choices");
        if (choices == null) {
            nodes.error(node, "the field 'choices' is missing");
            return null;
        }
        var list = nodes.sequence(choices, "'choices'");
        if (list == null) {
            return null;
        }
        var ids = new ArrayList<String>();
        for (var choice : list) {
            var choiceFields = nodes.mapping(choice, "a choice");
            if (choiceFields == null) {
                continue;
            }
            var id = nodes.text(choiceFields, choice, "id");
            nodes.text(choiceFields, choice, "text");
            if (id != null && ids.contains(id)) {
                nodes.error(choice, "the choice id '" + id + "' is used twice");
            }
            if (id != null) {
                ids.add(id);
            }
        }
        if (ids.size() < 2) {
            nodes.error(choices, "an item with choices needs at least two");
        }
        return ids;
    }

    static boolean isNumber(Node node) {
        return node instanceof ScalarNode scalar
                && (scalar.getTag().equals(Tag.INT) || scalar.getTag().equals(Tag.FLOAT))
                && Yamls.scalar(scalar) instanceof Number;
    }

    private static int errorCount(Nodes nodes) {
        return nodes.errorCount();
    }
}
