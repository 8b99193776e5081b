package org.studyloop.catalog.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** One item written back as YAML for the editor, and an item's fields read without the item checks. */
class ItemYamlTests {

    @Test
    void everySampleItemWrittenAsYamlReadsBackAsTheSameItem() {
        var pack = PackParser.parse(PackTestFiles.read("sample")).pack();
        assertThat(pack).isNotNull();
        for (var item : pack.items()) {
            var yaml = PackWriter.item(item.body());
            assertThat(yaml).startsWith("key: " + item.key() + "\n");
            var again = PackParser.item("item", yaml);
            assertThat(again.type()).isEqualTo(item.type());
            assertThat(again.skills()).isEqualTo(item.skills());
            assertThat(PackWriter.item(again.body())).as(item.key()).isEqualTo(yaml);
        }
    }

    @Test
    void fieldsAreReadEvenWhenTheItemChecksWouldRefuseThem() {
        var text = """
                key: t
                type: TEMPLATE
                produces: NUMERIC
                variables:
                  x: {range: [1, 5]}
                constraints: [x > 100]
                """;
        assertThatThrownBy(() -> PackParser.item("item", text)).isInstanceOf(PackException.class);
        var fields = PackParser.fields("item", text);
        assertThat(fields).containsEntry("produces", "NUMERIC").containsKey("variables");
    }

    @Test
    void fieldsThatAreNotAMappingAreAnErrorWithItsLine() {
        assertThatThrownBy(() -> PackParser.fields("item", "key: [unclosed\n"))
                .isInstanceOf(PackException.class)
                .satisfies(e -> assertThat(((PackException) e).errors())
                        .singleElement()
                        .satisfies(error -> assertThat(error.line()).isPositive()));
        assertThatThrownBy(() -> PackParser.fields("item", "- a list\n")).isInstanceOf(PackException.class);
    }
}
