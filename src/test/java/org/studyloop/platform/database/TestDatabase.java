package org.studyloop.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Duration;

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
                Runtime.getRuntime()
                        .addShutdownHook(new Thread(() -> stopAfterContexts(started), "test-database-shutdown"));
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

    /**
     * The JVM runs its shutdown hooks at once: a server stopped at the start would leave every
     * cached Spring context closing against a dead database, each waiting out its pool's
     * timeouts, until surefire killed the fork. So the server waits for Spring's hooks first.
     */
    private static void stopAfterContexts(EmbeddedPostgres started) {
        Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("Spring") && t.getName().endsWith("ShutdownHook"))
                .forEach(hook -> {
                    try {
                        hook.join(Duration.ofSeconds(20));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
        try {
            started.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
