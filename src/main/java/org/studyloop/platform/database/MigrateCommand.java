package org.studyloop.platform.database;

import java.io.PrintStream;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.studyloop.shared.command.Command;
import org.studyloop.shared.command.MaintenanceCommand;

/**
 * Brings the database schema up to date and reports it. Start-up migrates already; this command
 * lets an operator migrate before rolling out a new version, without starting the web server.
 */
@Command(name = "migrate", summary = "Apply pending database migrations and list each module's schema version")
class MigrateCommand implements MaintenanceCommand {

    private final JdbcClient jdbc;

    MigrateCommand(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int run(List<String> args, PrintStream out) {
        var histories = jdbc.sql("""
                        select table_schema, table_name from information_schema.tables
                        where table_name like 'flyway_schema_history%' order by table_name""")
                .query((rs, n) -> rs.getString(1) + "." + rs.getString(2))
                .list();
        out.println("Database schema is up to date.");
        for (var history : histories) {
            var module = history.substring(history.indexOf("flyway_schema_history") + "flyway_schema_history".length());
            var version = jdbc.sql("select version from " + history
                            + " where success and version is not null order by installed_rank desc limit 1")
                    .query(String.class)
                    .optional()
                    .orElse("-");
            out.printf("  %-14s version %s%n", module.isEmpty() ? "(root)" : module.substring(1), version);
        }
        return 0;
    }
}
