package org.studyloop.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.studyloop.HttpProbe;
import org.studyloop.StudyLoopApplication;

/**
 * The embedded default, started as an operator would: no database configured, a data folder.
 * This test starts its own server, the one exception to one PostgreSQL per test JVM, since the
 * embedded start-up is what it tests.
 */
class EmbeddedDatabaseTests {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(StudyLoopApplication.class)
                .run("--server.port=0", "--studyloop.data-dir=" + dataDir);
    }

    @Test
    void startsPostgresInTheDataFolderAndKeepsDataAcrossRestarts() {
        try (var app = start()) {
            assertThat(app.getBeansOfType(EmbeddedPostgresServer.class)).hasSize(1);
            assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();
            var port = ((WebServerApplicationContext) app).getWebServer().getPort();
            assertThat(HttpProbe.json(new HttpProbe(port).get("/actuator/health"))
                            .path("status")
                            .asString())
                    .isEqualTo("UP");
            var login = new HttpProbe(port)
                    .post(
                            "/api/v1/auth/login",
                            HttpProbe.toJson(java.util.Map.of(
                                    "email", "student@demo.studyloop.org", "password", "demo-password-1")));
            assertThat(login.statusCode())
                    .as("the demo accounts of API.md exist in the embedded default")
                    .isEqualTo(200);
            var jdbc = app.getBean(JdbcClient.class);
            jdbc.sql("create table public.restart_probe (note text)").update();
            jdbc.sql("insert into public.restart_probe values ('kept')").update();
            assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("show synchronous_commit").query(String.class).single())
                    .isEqualTo("on");
            assertThat(jdbc.sql("show listen_addresses").query(String.class).single())
                    .isEqualTo("localhost");
        }
        assertThat(dataDir.resolve("postgres/postmaster.pid"))
                .as("the server stopped with the application")
                .doesNotExist();

        try (var app = start()) {
            var jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select note from public.restart_probe")
                            .query(String.class)
                            .list())
                    .containsExactly("kept");
            assertThat(jdbc.sql("select count(*) from flyway_schema_history where success")
                            .query(Integer.class)
                            .single())
                    .isPositive();
        }
    }

    @Test
    void aDataFolderIsCreatedWhereConfigured() throws Exception {
        var nested = dataDir.resolve("deeper/still");
        try (var app = new SpringApplicationBuilder(StudyLoopApplication.class)
                .run("--server.port=0", "--studyloop.data-dir=" + nested)) {
            assertThat(Files.isDirectory(nested.resolve("postgres"))).isTrue();
            assertThat(app.getBean(EmbeddedPostgresServer.class).directory())
                    .isEqualTo(nested.resolve("postgres").toAbsolutePath().normalize());
        }
    }
}
