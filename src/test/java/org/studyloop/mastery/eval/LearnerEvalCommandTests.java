package org.studyloop.mastery.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.studyloop.StudyLoopApplication;
import org.studyloop.mastery.SyntheticAnswers;
import org.studyloop.platform.database.TestDatabase;
import org.studyloop.shared.command.CommandLauncher;

class LearnerEvalCommandTests {

    private static final Pattern SUMMARY = Pattern.compile(
            "auc=(0\\.\\d{4}) rmse=(0\\.\\d{4}) accuracy=(0\\.\\d{4}) logloss=(\\d\\.\\d{4}) rows=(\\d+) fit_seconds=(\\d+\\.\\d)");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CommandLauncher launcher = new CommandLauncher(
            StudyLoopApplication.class,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void trainsReplaysAndPrintsTheMetricsTheReliabilityTableAndThePredictions() throws IOException {
        var data = new SyntheticAnswers(200, 40, 4, 30, 0.1, 5);
        var train = write("train.tsv", data, 0, 160);
        var test = write("test.tsv", data, 160, 200);
        var q = Files.writeString(dir.resolve("q.tsv"), qMatrix(data));
        var predictions = dir.resolve("p.csv");

        int exit = launcher.run(new String[] {
            "learner-eval",
            "--train",
            train.toString(),
            "--test",
            test.toString(),
            "--item-skills",
            q.toString(),
            "--predictions",
            predictions.toString(),
            "--spring.datasource.url=" + TestDatabase.jdbcUrl(),
            "--spring.datasource.username=postgres",
            "--studyloop.data-dir=" + dir.resolve("data")
        });

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        var lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        var summary = SUMMARY.matcher(lines.get(0));
        assertThat(summary.matches()).as(lines.get(0)).isTrue();
        assertThat(Double.parseDouble(summary.group(1))).isBetween(0.6, 1.0);
        assertThat(Double.parseDouble(summary.group(2))).isBetween(0.0, 0.5);
        assertThat(Double.parseDouble(summary.group(3))).isBetween(0.5, 1.0);
        assertThat(Double.parseDouble(summary.group(4))).isBetween(0.0, 0.7);
        assertThat(Integer.parseInt(summary.group(5))).isEqualTo(40 * 30);
        assertThat(lines.get(1)).startsWith("bin");
        assertThat(lines.subList(2, 12)).allMatch(line -> line.matches("\\d\\.\\d-\\d\\.\\d +\\d+ .*"));
        assertThat(lines.get(12)).matches("ece=0\\.\\d{4}");
        assertThat(lines.get(13)).startsWith("model=best-lr-plus");
        var written = Files.readAllLines(predictions);
        assertThat(written).hasSize(40 * 30 + 1);
        assertThat(written.get(0)).isEqualTo("user_id,item_id,correct,p");
        assertThat(written.get(1)).matches("u160,i\\d+,[01],0\\.\\d{6}");
    }

    @Test
    void aNamedBaselineRunsWithoutAQMatrix() throws IOException {
        var data = new SyntheticAnswers(60, 20, 3, 20, 0.1, 6);
        int exit = launcher.run(new String[] {
            "learner-eval",
            "--train",
            write("train.tsv", data, 0, 50).toString(),
            "--test",
            write("test.tsv", data, 50, 60).toString(),
            "--model",
            "elo",
            "--spring.datasource.url=" + TestDatabase.jdbcUrl(),
            "--spring.datasource.username=postgres",
            "--studyloop.data-dir=" + dir.resolve("data")
        });
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("rows=200 ", "model=elo");
    }

    @Test
    void missingFilesAndUnknownModelsAreUsageErrorsAndBadLinesFailNamingTheLine() throws IOException {
        var command = new LearnerEvalCommand();
        var sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        var good = write("good.tsv", new SyntheticAnswers(5, 5, 1, 5, 0, 1), 0, 5);
        assertThat(command.run(
                        java.util.List.of("--train", dir.resolve("none.tsv").toString(), "--test", good.toString()),
                        sink))
                .isEqualTo(2);
        assertThat(command.run(java.util.List.of("--train", good.toString()), sink))
                .isEqualTo(2);
        assertThat(command.run(
                        java.util.List.of("--train", good.toString(), "--test", good.toString(), "--model", "dkt"),
                        sink))
                .isEqualTo(2);
        assertThat(command.run(java.util.List.of("--frobnicate"), sink)).isEqualTo(2);

        var bad = Files.writeString(
                dir.resolve("bad.tsv"), "user_id\titem_id\ttimestamp\tcorrect\tskill_id\nu\ti\t0\t2\ts\n");
        int exit = launcher.run(new String[] {
            "learner-eval",
            "--train",
            good.toString(),
            "--test",
            bad.toString(),
            "--spring.datasource.url=" + TestDatabase.jdbcUrl(),
            "--spring.datasource.username=postgres",
            "--studyloop.data-dir=" + dir.resolve("data")
        });
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad.tsv line 2", "correct must be 0 or 1");
    }

    private Path write(String name, SyntheticAnswers data, int from, int to) throws IOException {
        var text = new StringBuilder("user_id\titem_id\ttimestamp\tcorrect\tskill_id\n");
        for (var a : data.answers) {
            if (a[0] >= from && a[0] < to) {
                text.append("u")
                        .append(a[0])
                        .append("\ti")
                        .append(a[1])
                        .append("\t0\t")
                        .append(a[2])
                        .append("\tk")
                        .append(data.skillOfItem[a[1]])
                        .append('\n');
            }
        }
        return Files.writeString(dir.resolve(name), text);
    }

    private static String qMatrix(SyntheticAnswers data) {
        var text = new StringBuilder("item_id\tskill_id\n");
        for (int i = 0; i < data.items; i++) {
            text.append("i").append(i).append("\tk").append(data.skillOfItem[i]).append('\n');
        }
        return text.toString();
    }
}
