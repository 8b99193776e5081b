package org.studyloop.catalog.pack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a pack's files into a {@link Pack} and checks every rule of docs/content-packs.md, "Rules
 * the import checks", collecting all errors with their file and line rather than stopping at the
 * first, so that a dry run tells an author everything at once.
 */
public final class PackParser {

    private PackParser() {}

    /** The outcome: the pack when there is no error, and what was found either way. */
    public record Result(@Nullable Pack pack, Findings findings) {}

    /** A PDF starts with {@code %PDF-} (ISO 32000-1 §7.5.2, the file header). */
    static boolean isPdf(byte[] content) {
        return content.length >= 5
                && new String(content, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-");
    }

    private static java.util.Map<String, byte[]> attachments(List<Located<Pack.Lesson>> lessons, PackFiles files) {
        var attachments = new java.util.TreeMap<String, byte[]>();
        for (var located : lessons) {
            var pdf = located.value().pdf();
            if (pdf != null && !pdf.contains("://") && files.has(pdf)) {
                attachments.put(pdf, files.files().get(pdf));
            }
        }
        return attachments;
    }

    public static Result parse(PackFiles files) {
        var findings = new Findings();
        var course = course(files, findings);
        var skills = new ArrayList<Located<Pack.Skill>>();
        var skillsRead = false;
        if (files.has("skills.yaml")) {
            var nodes = new Nodes("skills.yaml", 1, findings);
            var root = Yamls.compose("skills.yaml", files.text("skills.yaml"), 1, findings);
            var list = root == null ? null : nodes.sequence(root, "skills.yaml");
            skillsRead = list != null;
            for (var node : list == null ? List.<Node>of() : list) {
                var skill = skill(node, nodes);
                if (skill != null) {
                    skills.add(new Located<>(skill, nodes.file(), nodes.line(node)));
                }
            }
        } else {
            findings.error("skills.yaml", 0, "the pack has no skills.yaml");
        }
        var lessons = new ArrayList<Located<Pack.Lesson>>();
        for (var path : files.in("lessons", ".md")) {
            var lesson = PackDocuments.lesson(path, files.text(path), findings);
            if (lesson != null) {
                lessons.add(new Located<>(lesson, path, 1));
            }
        }
        var items = new ArrayList<Located<Pack.Item>>();
        var refs = new ArrayList<Located<ItemRules.Refs>>();
        for (var path : files.in("items", ".yaml", ".yml", ".md")) {
            var nodes = new Nodes(path, path.endsWith(".md") ? 2 : 1, findings);
            List<Node> list;
            if (path.endsWith(".md")) {
                var node = PackDocuments.item(path, files.text(path), findings);
                list = node == null ? List.of() : List.of(node);
            } else {
                var root = Yamls.compose(path, files.text(path), 1, findings);
                var sequence = root == null ? null : nodes.sequence(root, path + " (a list of items)");
                list = sequence == null ? List.of() : sequence;
            }
            for (var node : list) {
                var line = path.endsWith(".md") ? 1 : nodes.line(node);
                refs.add(new Located<>(ItemRules.refs(node), path, line));
                var item = ItemRules.check(node, nodes);
                if (item != null) {
                    items.add(new Located<>(item, path, line));
                }
            }
        }
        if (course != null) {
            crossCheck(course, skills, skillsRead, lessons, refs, files, findings);
        }
        var pack = course == null || findings.hasErrors()
                ? null
                : new Pack(
                        course,
                        skills.stream().map(Located::value).toList(),
                        lessons.stream().map(Located::value).toList(),
                        items.stream().map(Located::value).toList(),
                        attachments(lessons, files));
        return new Result(pack, findings);
    }

    /**
     * One item in the pack format, given as YAML or JSON (which is YAML too), as the authoring API
     * receives it; throws {@link PackException} with every error. Its skills are checked by the caller.
     */
    public static Pack.Item item(String name, String text) {
        var findings = new Findings();
        var root = Yamls.compose(name, text, 1, findings);
        var item = root == null ? null : ItemRules.check(root, new Nodes(name, 1, findings));
        if (item == null || findings.hasErrors()) {
            throw new PackException(findings.errors());
        }
        return item;
    }

    /**
     * One item's fields as written, without the item checks (the template tester tries templates the
     * checks reject, to show why); throws {@link PackException} when the text is not a YAML mapping.
     */
    @SuppressWarnings("unchecked")
    public static java.util.Map<String, Object> fields(String name, String text) {
        var findings = new Findings();
        var root = Yamls.compose(name, text, 1, findings);
        var fields = root == null ? null : new Nodes(name, 1, findings).mapping(root, "an item");
        if (fields == null || findings.hasErrors()) {
            throw new PackException(findings.errors());
        }
        return (java.util.Map<String, Object>) java.util.Objects.requireNonNull(Yamls.toJava(root));
    }

    /** A value and where it was written. */
    record Located<T>(T value, String file, int line) {}

    private static Pack.@Nullable Course course(PackFiles files, Findings findings) {
        if (!files.has("course.yaml")) {
            findings.error("course.yaml", 0, "the pack has no course.yaml");
            return null;
        }
        var nodes = new Nodes("course.yaml", 1, findings);
        var root = Yamls.compose("course.yaml", files.text("course.yaml"), 1, findings);
        var fields = root == null ? null : nodes.mapping(root, "course.yaml");
        if (fields == null) {
            return null;
        }
        var key = nodes.key(fields, root);
        var title = nodes.text(fields, root, "title");
        var subject = nodes.text(fields, root, "subject");
        var language = nodes.optionalText(fields, "language");
        var version = fields.get("version");
        if (version != null && !(Yamls.toJava(version) instanceof Long)) {
            nodes.error(version, "'version' must be a whole number");
        }
        var units = new ArrayList<Pack.Unit>();
        var unitNodes = fields.containsKey("units") ? nodes.sequence(fields.get("units"), "'units'") : null;
        if (unitNodes == null || unitNodes.isEmpty()) {
            nodes.error(fields.getOrDefault("units", root), "a course needs one or more units");
        } else {
            var seen = new HashMap<String, Integer>();
            for (var node : unitNodes) {
                var unitFields = nodes.mapping(node, "a unit");
                if (unitFields == null) {
                    continue;
                }
                var unitKey = nodes.key(unitFields, node);
                var unitTitle = nodes.text(unitFields, node, "title");
                if (unitKey != null && seen.put(unitKey, nodes.line(node)) != null) {
                    nodes.error(node, "the unit key '" + unitKey + "' is used twice");
                } else if (unitKey != null && unitTitle != null) {
                    units.add(new Pack.Unit(unitKey, unitTitle));
                }
            }
        }
        if (key == null || title == null || subject == null) {
            return null;
        }
        var versionNumber = version != null && Yamls.toJava(version) instanceof Long number ? number.intValue() : 1;
        return new Pack.Course(
                key,
                title,
                subject,
                language == null ? "en" : language,
                orEmpty(nodes.optionalText(fields, "description")),
                orEmpty(nodes.optionalText(fields, "source")),
                orEmpty(nodes.optionalText(fields, "licence")),
                versionNumber,
                units);
    }

    private static Pack.@Nullable Skill skill(Node node, Nodes nodes) {
        var fields = nodes.mapping(node, "a skill");
        if (fields == null) {
            return null;
        }
        var key = nodes.key(fields, node);
        var unit = nodes.text(fields, node, "unit");
        var name = nodes.text(fields, node, "name");
        var prerequisites = fields.containsKey("prerequisites")
                ? nodes.texts(fields.get("prerequisites"), "prerequisites")
                : List.<String>of();
        if (key == null || unit == null || name == null) {
            return null;
        }
        return new Pack.Skill(key, unit, name, orEmpty(nodes.optionalText(fields, "description")), prerequisites);
    }

    private static void crossCheck(
            Pack.Course course,
            List<Located<Pack.Skill>> skills,
            boolean skillsRead,
            List<Located<Pack.Lesson>> lessons,
            List<Located<ItemRules.Refs>> items,
            PackFiles files,
            Findings findings) {
        var units = course.units().stream().map(Pack.Unit::key).toList();
        var graph = new LinkedHashMap<String, List<String>>();
        var skillLines = new HashMap<String, Located<Pack.Skill>>();
        for (var located : skills) {
            var skill = located.value();
            if (skillLines.putIfAbsent(skill.key(), located) != null) {
                findings.error(located.file(), located.line(), "the skill key '" + skill.key() + "' is used twice");
            }
            if (!units.contains(skill.unit())) {
                findings.error(located.file(), located.line(), "the unit '" + skill.unit() + "' does not exist");
            }
            graph.put(skill.key(), skill.prerequisites());
        }
        for (var located : skills) {
            for (var prerequisite : located.value().prerequisites()) {
                if (!graph.containsKey(prerequisite)) {
                    findings.error(
                            located.file(), located.line(), "the prerequisite '" + prerequisite + "' does not exist");
                }
            }
        }
        for (var cycle : PrerequisiteGraph.cycles(graph)) {
            var first = skillLines.get(cycle.getFirst());
            findings.error(
                    first.file(),
                    first.line(),
                    "the prerequisites form a cycle: " + String.join(" -> ", cycle) + " -> " + cycle.getFirst());
        }
        var lessonKeys = new HashMap<String, String>();
        for (var located : lessons) {
            var lesson = located.value();
            if (lessonKeys.put(lesson.key(), located.file()) != null) {
                findings.error(located.file(), located.line(), "the lesson key '" + lesson.key() + "' is used twice");
            }
            if (skillsRead && !graph.containsKey(lesson.skill())) {
                findings.error(located.file(), located.line(), "the skill '" + lesson.skill() + "' does not exist");
            }
            if (lesson.pdf() != null && !lesson.pdf().contains("://")) {
                if (!files.has(lesson.pdf())) {
                    findings.warning(
                            located.file(), located.line(), "the PDF '" + lesson.pdf() + "' is not in the pack");
                } else if (!isPdf(files.files().get(lesson.pdf()))) {
                    findings.error(located.file(), located.line(), "the file '" + lesson.pdf() + "' is not a PDF");
                }
            }
        }
        var itemKeys = new HashMap<String, String>();
        for (var located : items) {
            var item = located.value();
            if (!item.key().isEmpty() && itemKeys.put(item.key(), located.file()) != null) {
                findings.error(located.file(), located.line(), "the item key '" + item.key() + "' is used twice");
            }
            for (var skill : item.skills()) {
                // when skills.yaml itself cannot be read, its error says so; no error per reference
                if (skillsRead && !graph.containsKey(skill)) {
                    findings.error(located.file(), located.line(), "the skill '" + skill + "' does not exist");
                }
            }
        }
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }
}
