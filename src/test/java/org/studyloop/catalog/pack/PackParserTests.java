package org.studyloop.catalog.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.studyloop.catalog.ItemType;

class PackParserTests {

    @Test
    void theSamplePackReadsWithEveryItemType() {
        var result = PackParser.parse(PackTestFiles.read("sample"));
        assertThat(result.findings().errors()).isEmpty();
        var pack = result.pack();
        assertThat(pack).isNotNull();
        assertThat(pack.course().units()).hasSize(2);
        assertThat(pack.skills()).hasSize(3);
        assertThat(pack.lessons())
                .singleElement()
                .satisfies(l -> assertThat(l.body()).startsWith("To solve"));
        assertThat(pack.items()).extracting(Pack.Item::type).containsAll(List.of(ItemType.values()));
        assertThat(pack.items())
                .filteredOn(i -> i.key().equals("essay-001"))
                .singleElement()
                .satisfies(i -> assertThat(i.body().get("stem")).asString().contains("have done"));
    }

    @Test
    void theBrokenPackReportsEveryErrorWithFileAndLine() {
        var errors = PackParser.parse(PackTestFiles.read("broken")).findings().errors();
        assertThat(errors)
                .extracting(PackError::toString)
                .anySatisfy(
                        e -> assertThat(e).startsWith("items/bad-yaml.yaml:").contains("YAML does not parse"))
                .anySatisfy(e -> assertThat(e).isEqualTo("items/wrong.yaml:1: the skill 's-nowhere' does not exist"))
                .anySatisfy(e -> assertThat(e)
                        .isEqualTo("items/wrong.yaml:6: the answer names a choice that does not exist: 'z'"))
                .anySatisfy(e -> assertThat(e).isEqualTo("items/wrong.yaml:10: unknown item type 'WHATEVER'"))
                .anySatisfy(e -> assertThat(e)
                        .isEqualTo("skills.yaml:1: the prerequisites form a cycle: s-a -> s-c -> s-b -> s-a"));
        assertThat(errors).allSatisfy(e -> assertThat(e.line()).isPositive());
    }

    @Test
    void yamlErrorsCarryTheLineTheyAreOn() {
        var files = sampleWith(
                "items/extra.yaml", "- key: x-1\n  type: NUMERIC\n  skills: [present-perfect]\n  stem: [unclosed\n");
        var errors = PackParser.parse(files).findings().errors();
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo("items/extra.yaml");
            assertThat(e.line()).isBetween(4, 5);
        });
        var missing = sampleWith(
                "items/extra.yaml",
                "- key: x-1\n  type: NUMERIC\n  skills: [present-perfect]\n  stem: Hm\n"
                        + "  hints: [a]\n  solution: b\n  answer: 1\n- key: x-1\n  type: NUMERIC\n  skills: [present-perfect]\n");
        assertThat(PackParser.parse(missing).findings().errors())
                .extracting(PackError::toString)
                .contains(
                        "items/extra.yaml:8: the field 'stem' is missing",
                        "items/extra.yaml:8: the field 'solution' is missing",
                        "items/extra.yaml:8: the field 'answer' is missing");
    }

    @Test
    void frontMatterLinesCountFromTheTopOfTheFile() {
        var files =
                sampleWith("lessons/bad.md", "---\nkey: bad\ntitle: Bad\nskill: no-such-skill\nvideo: [x\n---\nBody\n");
        assertThat(PackParser.parse(files).findings().errors())
                .singleElement()
                .satisfies(e ->
                        assertThat(e.toString()).startsWith("lessons/bad.md:").contains("YAML does not parse"));
    }

    @Test
    void deeplyNestedYamlAndBillionLaughsAreRefusedQuickly() throws Exception {
        for (var hostile : List.of("deep.yaml", "laughs.yaml")) {
            var text = Files.readString(PackTestFiles.folder("hostile").resolve(hostile));
            var errors =
                    PackParser.parse(sampleWith("skills.yaml", text)).findings().errors();
            assertThat(errors).isNotEmpty().allSatisfy(e -> assertThat(e.file()).isEqualTo("skills.yaml"));
        }
    }

    @Test
    void cyclesAreFoundOnceEach() {
        var graph = Map.of("a", List.of("b"), "b", List.of("a"), "c", List.of("c"), "d", List.of("a"));
        assertThat(PrerequisiteGraph.cycles(graph)).containsExactlyInAnyOrder(List.of("a", "b"), List.of("c"));
        assertThat(PrerequisiteGraph.cycles(Map.of("a", List.of("b"), "b", List.of())))
                .isEmpty();
    }

    @Test
    void anExportReadsBackAsTheSamePack() {
        var original = PackParser.parse(PackTestFiles.read("sample")).pack();
        var again = PackParser.parse(PackWriter.files(original)).pack();
        assertThat(again).isNotNull();
        assertThat(again.course()).isEqualTo(original.course());
        assertThat(again.skills()).isEqualTo(original.skills());
        assertThat(again.lessons()).isEqualTo(original.lessons());
        assertThat(byKey(again)).isEqualTo(byKey(original));
    }

    private static Map<String, Pack.Item> byKey(Pack pack) {
        var map = new HashMap<String, Pack.Item>();
        pack.items().forEach(i -> map.put(i.key(), i));
        return map;
    }

    static PackFiles sampleWith(String path, String text) {
        var files = new HashMap<>(PackTestFiles.read("sample").files());
        files.put(path, text.getBytes(StandardCharsets.UTF_8));
        return new PackFiles(files);
    }
}
