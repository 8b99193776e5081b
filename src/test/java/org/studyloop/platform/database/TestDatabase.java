package org.studyloop.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import org.springframework.boot.SpringApplication;

/**
 * The one PostgreSQL server of a test JVM, started on first use and stopped when the JVM exits,
 * after the cached Spring contexts have closed. It runs with Zonky's test settings (no fsync) on a throw-away folder: speed over
 * durability, which the embedded default of the application itself does not trade.
 */
public final class TestDatabase {

    static final String NAME = "studyloop_test";
    private static volatile EmbeddedPostgres server;

    private TestDatabase() {}

    public static String jdbcUrl() {
        return server().getJdbcUrl("postgres", NAME);
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                var started = EmbeddedPostgres.builder()
                        .setRegisterShutdownHook(false)
                        .start();
                // Boot runs its shutdown handlers after every context it closes at exit (the test
                // contexts included) is closed; a JVM hook would run alongside them instead, and
                // contexts closing against a stopped server wait out their pools' timeouts.
                SpringApplication.getShutdownHandlers().add(() -> stop(started));
                try (var connection = started.getPostgresDatabase().getConnection();
                        var statement = connection.createStatement()) {
                    statement.execute("create database " + NAME);
                }
                server = started;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not create the test database", e);
            }
        }
        return server;
    }

    private static void stop(EmbeddedPostgres started) {
        try {
            started.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
