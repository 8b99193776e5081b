package org.studyloop.catalog.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.studyloop.StudyLoopApplication;
import org.studyloop.catalog.pack.PackTestFiles;
import org.studyloop.platform.database.TestDatabase;
import org.studyloop.shared.command.CommandLauncher;

/**
 * {@code import-pack} and {@code export-pack} run from the jar against the test database.
 */
class PackCommandsTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CommandLauncher launcher = new CommandLauncher(
            StudyLoopApplication.class,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    /** The commands' data folder (search index, keys): never the working directory's ./data. */
    @TempDir
    Path dataDir;

    private int run(String... args) {
        var all = new String[args.length + 3];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--spring.datasource.url=" + TestDatabase.jdbcUrl();
        all[args.length + 1] = "--spring.datasource.username=postgres";
        all[args.length + 2] = "--studyloop.data-dir=" + dataDir;
        return launcher.run(all);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theSamplePackImportsThenExportsToAPackThatChecksClean(@TempDir Path temp) {
        var imported = run("import-pack", PackTestFiles.folder("sample").toString());
        assertThat(imported).as(output() + err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(output()).contains("sample-algebra: 1 course, 3 skills, 9 items");

        var folder = temp.resolve("exported");
        assertThat(run("export-pack", "sample-algebra", folder.toString()))
                .as(output())
                .isZero();
        assertThat(folder.resolve("course.yaml")).exists();
        assertThat(folder.resolve("items/items.yaml")).exists();

        out.reset();
        assertThat(run("import-pack", folder.toString())).as(output()).isZero();
        assertThat(output()).contains("already up to date");
    }

    @Test
    void theBrokenPackPrintsEveryErrorAndExitsOne() {
        var exit = run("import-pack", PackTestFiles.folder("broken").toString(), "--dry-run");
        assertThat(exit).isEqualTo(1);
        assertThat(output())
                .contains("error: items/bad-yaml.yaml:")
                .contains("error: items/wrong.yaml:1: the skill 's-nowhere' does not exist")
                .contains("error: items/wrong.yaml:6: the answer names a choice that does not exist: 'z'")
                .contains("error: skills.yaml:1: the prerequisites form a cycle")
                .contains("nothing was imported");
    }
}
