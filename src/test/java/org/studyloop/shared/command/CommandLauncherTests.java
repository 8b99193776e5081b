package org.studyloop.shared.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.studyloop.StudyLoopApplication;
import org.studyloop.platform.database.TestDatabase;

class CommandLauncherTests {

    /** The commands' data folder (search index, keys): never the working directory's ./data. */
    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CommandLauncher launcher = new CommandLauncher(
            StudyLoopApplication.class,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void propertyArgumentsStartTheServerAndNamesRunCommands() {
        assertThat(launcher.isCommand(new String[0])).isFalse();
        assertThat(launcher.isCommand(new String[] {"--server.port=9000"})).isFalse();
        assertThat(launcher.isCommand(new String[] {"help"})).isTrue();
    }

    @Test
    void helpListsEveryCommandWithoutStartingTheApplication() {
        assertThat(launcher.run(new String[] {"help"})).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("help [COMMAND]", "migrate");
    }

    @Test
    void helpDescribesOneCommand() {
        assertThat(launcher.run(new String[] {"help", "migrate"})).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("java -jar studyloop.jar migrate");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertThat(launcher.run(new String[] {"frobnicate"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown command 'frobnicate'");
    }

    @Test
    void generateJwtKeyPrintsAPrivateEs256JwkSet() throws Exception {
        var exit = launcher.run(new String[] {
            "generate-jwt-key",
            "--spring.datasource.url=" + TestDatabase.jdbcUrl(),
            "--spring.datasource.username=postgres",
            "--studyloop.data-dir=" + dataDir
        });
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        var keys = com.nimbusds.jose.jwk.JWKSet.parse(
                out.toString(StandardCharsets.UTF_8).strip());
        assertThat(keys.getKeys()).singleElement().satisfies(key -> {
            assertThat(key.isPrivate()).isTrue();
            assertThat(key.getKeyID()).startsWith("sl-");
        });
    }

    @Test
    void migrateRunsWithoutAWebServerAndReportsEachSchema() {
        var exit = launcher.run(new String[] {
            "migrate",
            "--spring.datasource.url=" + TestDatabase.jdbcUrl(),
            "--spring.datasource.username=postgres",
            "--studyloop.data-dir=" + dataDir,
            "--studyloop.data-dir=" + dataDir
        });
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("up to date", "(root)", "identity", "mail");
        var root = org.springframework.boot.logging.LoggingSystem.get(getClass().getClassLoader())
                .getLoggerConfiguration(org.springframework.boot.logging.LoggingSystem.ROOT_LOGGER_NAME);
        assertThat(root.getEffectiveLevel())
                .as("the command's quieter log level is put back for the rest of the JVM")
                .isEqualTo(org.springframework.boot.logging.LogLevel.INFO);
    }
}
