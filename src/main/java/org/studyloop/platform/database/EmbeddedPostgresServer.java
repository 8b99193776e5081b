package org.studyloop.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server whose data outlives the process: started on the data folder of an earlier
 * run when there is one, initialised with {@code initdb} otherwise.
 *
 * <p>Zonky's defaults suit throw-away test databases ({@code fsync} and {@code synchronous_commit}
 * off); here they are switched back on, since an acknowledged answer must survive a power cut.
 * The server listens on the loopback interface only: it trusts local connections.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    static final String SUPERUSER = "postgres";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);

    private final EmbeddedPostgres postgres;
    private final String database;
    private final Path directory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, String database, Path directory) {
        this.postgres = postgres;
        this.database = database;
        this.directory = directory;
    }

    static EmbeddedPostgresServer start(Path directory, String database) throws IOException {
        var dataDirectory = directory.toAbsolutePath().normalize();
        Files.createDirectories(dataDirectory);
        var reused = Files.exists(dataDirectory.resolve("PG_VERSION"));
        stopOrphanedServer(dataDirectory);
        var started = System.nanoTime();
        var postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setLocaleConfig("locale", "C")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        var server = new EmbeddedPostgresServer(postgres, database, dataDirectory);
        server.createDatabaseIfMissing();
        log.info(
                "Embedded PostgreSQL {} on port {} with {} data in {} ({} ms)",
                server.version(),
                postgres.getPort(),
                reused ? "existing" : "new",
                dataDirectory,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return server;
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl(SUPERUSER, database);
    }

    int port() {
        return postgres.getPort();
    }

    Path directory() {
        return directory;
    }

    private void createDatabaseIfMissing() throws IOException {
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (var rows = exists.executeQuery()) {
                if (!rows.next()) {
                    try (var create = connection.createStatement()) {
                        create.execute("create database \"" + database + "\" encoding 'UTF8'");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IOException("Could not create the database " + database, e);
        }
    }

    private String version() {
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement();
                var rows = statement.executeQuery("show server_version")) {
            return rows.next() ? rows.getString(1) : "?";
        } catch (SQLException e) {
            return "?";
        }
    }

    /**
     * A process killed without shutting down leaves its postmaster running on the data folder, and
     * a second postmaster refuses to start there. PostgreSQL records its process id on the first
     * line of {@code postmaster.pid}; stop that process if it is still a postgres.
     */
    private static void stopOrphanedServer(Path dataDirectory) throws IOException {
        var pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        var lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> orphan;
        try {
            orphan = ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return;
        }
        orphan.filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                .ifPresent(p -> {
                    log.warn(
                            "Stopping an orphaned PostgreSQL (pid {}) left on {} by an earlier run",
                            p.pid(),
                            dataDirectory);
                    p.destroy();
                    try {
                        p.onExit().get(ORPHAN_STOP_WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(
                                "The orphaned PostgreSQL on " + dataDirectory + " did not stop", e);
                    }
                });
    }

    @Override
    public void close() throws IOException {
        postgres.close();
        log.info("Embedded PostgreSQL stopped");
    }
}
