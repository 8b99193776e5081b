package org.studyloop.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.studyloop.platform.StudyLoopProperties;

/**
 * With {@code spring.datasource.url} set, as {@code SPRING_DATASOURCE_URL} does, StudyLoop uses
 * that server and starts nothing of its own. The test contexts all run this way, against the test
 * JVM's separate PostgreSQL server.
 */
@SpringBootTest
class ExternalDatabaseTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    StudyLoopProperties properties;

    @Autowired
    DataSource dataSource;

    @Test
    void noEmbeddedServerStartsWhenADatabaseUrlIsConfigured() throws Exception {
        assertThat(context.getBeansOfType(EmbeddedPostgresServer.class)).isEmpty();
        assertThat(properties.postgresDir()).doesNotExist();
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getURL()).isEqualTo(TestDatabase.jdbcUrl());
        }
    }
}
