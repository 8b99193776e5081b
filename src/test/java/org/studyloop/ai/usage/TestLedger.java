package org.studyloop.ai.usage;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.studyloop.identity.UserId;
import org.studyloop.platform.database.TestDatabase;

/**
 * The SQL ledger for tests that build the gateway by hand: the ai module's migration applied to a
 * database of its own on the test JVM's PostgreSQL server, so that quotas and metering are
 * checked against the real statements. Each test uses a fresh user, so tests share the database.
 */
public final class TestLedger implements UsageLedger {

    private static final String DATABASE = "ai_ledger_tests";
    private static volatile DataSource dataSource;

    private final JdbcClient jdbc = JdbcClient.create(dataSource());
    private final UsageLedger ledger = new JdbcUsageLedger(jdbc);

    private static synchronized DataSource dataSource() {
        if (dataSource == null) {
            var server = TestDatabase.server();
            try (var connection = server.getPostgresDatabase().getConnection();
                    var statement = connection.createStatement()) {
                statement.execute("create database " + DATABASE);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not create the ledger's test database", e);
            }
            var source = server.getDatabase("postgres", DATABASE);
            Flyway.configure()
                    .dataSource(source)
                    .locations("classpath:db/migration/ai")
                    .load()
                    .migrate();
            dataSource = source;
        }
        return dataSource;
    }

    @Override
    public void record(UserId user, LocalDate day, String feature, Use use) {
        ledger.record(user, day, feature, use);
    }

    @Override
    public long messagesOn(UserId user, LocalDate day) {
        return ledger.messagesOn(user, day);
    }

    @Override
    public List<DailyUse> between(LocalDate from, LocalDate to) {
        return ledger.between(from, to);
    }

    /** Everything the user used under a feature, over all days (zeros when nothing). */
    public Use of(UserId user, String feature) {
        return jdbc.sql("""
                        select coalesce(sum(messages), 0) as messages, coalesce(sum(calls), 0) as calls,
                               coalesce(sum(fallbacks), 0) as fallbacks,
                               coalesce(sum(input_tokens), 0) as input_tokens,
                               coalesce(sum(output_tokens), 0) as output_tokens,
                               coalesce(sum(cost), 0) as cost
                        from ai.usage where user_id = ? and feature = ?""")
                .params(user.value(), feature)
                .query((rs, n) -> new Use(
                        rs.getInt("messages"),
                        rs.getInt("calls"),
                        rs.getInt("fallbacks"),
                        rs.getLong("input_tokens"),
                        rs.getLong("output_tokens"),
                        rs.getBigDecimal("cost")))
                .single();
    }

    /** How many entries the user has, over all days and features. */
    public int entriesOf(UserId user) {
        return jdbc.sql("select count(*) from ai.usage where user_id = ?")
                .param(user.value())
                .query(Integer.class)
                .single();
    }
}
