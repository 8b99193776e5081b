package org.studyloop.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.studyloop.HttpProbe;
import org.studyloop.HttpTest;
import org.studyloop.StudyLoopApplication;
import org.studyloop.catalog.CatalogTestSupport;
import org.studyloop.catalog.pack.PackReader;
import org.studyloop.catalog.pack.PackWriter;
import org.studyloop.identity.IdentityClient;
import org.studyloop.platform.database.TestDatabase;
import org.studyloop.shared.command.CommandLauncher;

/**
 * Each bundled course imports through the command and through the API, as an author would, and
 * the course list shows the four with at least the skills and items the catalog issue asks for.
 */
@HttpTest
class BundledPackImportTests {

    /** The commands' data folder (search index, keys): never the working directory's ./data. */
    @TempDir
    Path dataDir;

    private static final Path CONTENT = Path.of("src/main/resources/content");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private static List<Path> bundledPacks() {
        try (var folders = Files.list(CONTENT)) {
            return folders.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyBundledPackImportsByCommandAndByApi(CapturedOutput output) {
        var packs = bundledPacks();
        assertThat(packs).hasSize(4);
        var author = CatalogTestSupport.authorToken(new IdentityClient(port, output::getAll), jdbc);
        for (var pack : packs) {
            var out = new ByteArrayOutputStream();
            var err = new ByteArrayOutputStream();
            var exit = new CommandLauncher(
                            StudyLoopApplication.class,
                            new PrintStream(out, true, StandardCharsets.UTF_8),
                            new PrintStream(err, true, StandardCharsets.UTF_8))
                    .run(new String[] {
                        "import-pack",
                        pack.toString(),
                        "--spring.datasource.url=" + TestDatabase.jdbcUrl(),
                        "--spring.datasource.username=postgres",
                        "--studyloop.data-dir=" + dataDir
                    });
            assertThat(exit)
                    .as("import-pack %s: %s %s", pack, out.toString(StandardCharsets.UTF_8), err)
                    .isZero();

            var zip = PackWriter.zip(PackReader.read(pack));
            var uploaded = CatalogTestSupport.uploadMultipart(port, author, zip);
            assertThat(uploaded.statusCode())
                    .as("%s: %s", pack, uploaded.body())
                    .isEqualTo(200);
            assertThat(HttpProbe.json(uploaded).path("items").asInt())
                    .as("items of %s", pack)
                    .isPositive();
        }

        var courses = HttpProbe.json(new HttpProbe(port).withBearer(author).get("/api/v1/courses"));
        var minimums = java.util.Map.of(
                "SAT Math — Algebra and Functions", new int[] {14, 160},
                "A-level Pure Maths — Differentiation", new int[] {10, 90},
                "IELTS Academic — Grammar and Vocabulary", new int[] {8, 80},
                "IELTS Academic Writing Task 2", new int[] {1, 20});
        minimums.forEach((title, minimum) -> assertThat(courses.valueStream())
                .as(title)
                .anySatisfy(course -> {
                    assertThat(course.path("title").asString()).isEqualTo(title);
                    assertThat(course.path("skillCount").asInt()).isGreaterThanOrEqualTo(minimum[0]);
                    assertThat(course.path("itemCount").asInt()).isGreaterThanOrEqualTo(minimum[1]);
                }));
    }
}
