package org.studyloop.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;

/**
 * The one PostgreSQL server of a test JVM, started on first use and stopped by Zonky's shutdown
 * hook. It runs with Zonky's test settings (no fsync) on a throw-away folder: speed over
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
                var started = EmbeddedPostgres.builder().start();
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
}
