package org.studyloop.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.studyloop.platform.StudyLoopProperties;

/**
 * The default database: PostgreSQL 18 run by StudyLoop itself, its files under
 * {@code studyloop.data-dir}/postgres. Backs off as soon as {@code spring.datasource.url} is set,
 * and Boot's own data-source configuration takes over.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabase.class)
class EmbeddedDatabaseConfiguration {

    static final String DATABASE = "studyloop";

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(StudyLoopProperties properties) throws IOException {
        return EmbeddedPostgresServer.start(properties.postgresDir(), DATABASE);
    }

    /** The pool closes before the server stops, since it depends on it. */
    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgresServer server) {
        var config = new HikariConfig();
        config.setPoolName("studyloop");
        config.setJdbcUrl(server.jdbcUrl());
        config.setUsername(EmbeddedPostgresServer.SUPERUSER);
        config.setMaximumPoolSize(20);
        return new HikariDataSource(config);
    }
}
