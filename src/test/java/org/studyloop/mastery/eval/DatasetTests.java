package org.studyloop.mastery.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetTests {

    private static final String HEADER = "user_id\titem_id\ttimestamp\tcorrect\tskill_id\n";

    @TempDir
    Path dir;

    @Test
    void readsIdsDenselyAndTakesSkillsFromTheColumnWithoutAQMatrix() throws IOException {
        var train = write("train.tsv", HEADER + "u1\t10\t0\t1\t7\nu1\t11\t0\t0\t8\nu2\t10\t0\t0\t7\n");
        var test = write("test.tsv", HEADER + "u3\t12\t0\t1\t7\n");
        var data = Dataset.read(train, test, null);
        assertThat(data.train.size()).isEqualTo(3);
        assertThat(data.test.size()).isEqualTo(1);
        assertThat(data.skills.items()).isEqualTo(3);
        assertThat(data.skills.skills()).isEqualTo(2);
        assertThat(data.skills.skillsOf(0)).containsExactly(data.skills.skillsOf(2));
        assertThat(data.itemNames).containsExactly("10", "11", "12");
        assertThat(data.studentNames.get(data.test.student(0))).isEqualTo("u3");
    }

    @Test
    void theQMatrixGivesSeveralSkillsAndTheColumnFillsItsGaps() throws IOException {
        var train = write("train.tsv", HEADER + "u1\t10\t0\t1\t7\nu1\t11\t0\t0\t8\n");
        var test = write("test.tsv", HEADER + "u3\t12\t0\t1\t9\n");
        var q = write("q.tsv", "item_id\tskill_id\n10\t1\n10\t2\n11\t2\n");
        var data = Dataset.read(train, test, q);
        assertThat(data.skills.skillsOf(0)).hasSize(2);
        assertThat(data.skills.skillsOf(1)).hasSize(1);
        assertThat(data.skills.skillsOf(2))
                .hasSize(1)
                .doesNotContain(data.skills.skillsOf(1)[0]);
    }

    @Test
    void aBadCorrectValueNamesTheFileAndTheLine() throws IOException {
        var train = write("train.tsv", HEADER + "u1\t10\t0\t1\t7\nu1\t11\t0\tyes\t8\n");
        var test = write("test.tsv", HEADER + "u3\t12\t0\t1\t7\n");
        assertThatThrownBy(() -> Dataset.read(train, test, null))
                .isInstanceOf(TsvFormatException.class)
                .hasMessageContaining("train.tsv line 3")
                .hasMessageContaining("correct must be 0 or 1");
    }

    @Test
    void aShortLineAndAMissingColumnNameTheLine() throws IOException {
        var train = write("train.tsv", HEADER + "u1\t10\t0\t1\n");
        var test = write("test.tsv", "user\titem_id\tcorrect\tskill_id\n");
        assertThatThrownBy(() -> Dataset.read(train, test, null))
                .hasMessageContaining("train.tsv line 2")
                .hasMessageContaining("expected 5 tab-separated columns, found 4");
        var good = write("good.tsv", HEADER + "u1\t10\t0\t1\t7\n");
        assertThatThrownBy(() -> Dataset.read(good, test, null))
                .hasMessageContaining("test.tsv line 1")
                .hasMessageContaining("no column 'user_id'");
        var empty = write("empty.tsv", HEADER);
        assertThatThrownBy(() -> Dataset.read(good, empty, null)).hasMessageContaining("no answers");
    }

    @Test
    void timestampsAreReadAndABadOneNamesTheLine() throws IOException {
        var train = write("train.tsv", HEADER + "u1\t10\t1700000000\t1\t7\nu1\t11\t1700000060.5\t0\t8\n");
        var test = write("test.tsv", HEADER + "u3\t12\tnoon\t1\t7\n");
        var good = write("good.tsv", HEADER + "u3\t12\t1700000100\t1\t7\n");
        var data = Dataset.read(train, good, null);
        assertThat(data.train.time(1)).isEqualTo(1_700_000_060L);
        assertThat(data.train.hasTimes()).isTrue();
        assertThatThrownBy(() -> Dataset.read(train, test, null))
                .hasMessageContaining("test.tsv line 2")
                .hasMessageContaining("timestamp must be a number of seconds");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
