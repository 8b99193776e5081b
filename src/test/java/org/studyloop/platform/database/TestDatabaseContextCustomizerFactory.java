package org.studyloop.platform.database;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every Spring test context at the test JVM's one PostgreSQL ({@link TestDatabase}), as an
 * external database, and at a temporary data folder. A test's own properties still win.
 * Registered in {@code META-INF/spring.factories} of the test class path.
 */
public class TestDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new TestDatabaseCustomizer();
    }

    record TestDatabaseCustomizer() implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            try {
                var dataDir = Files.createTempDirectory("studyloop-test-data");
                var properties = new MapPropertySource(
                        "studyloopTestDatabase",
                        Map.of(
                                "spring.datasource.url",
                                TestDatabase.jdbcUrl(),
                                "spring.datasource.username",
                                "postgres",
                                // At JVM exit the server may stop before the contexts close; a
                                // short wait for connections keeps that exit from stalling.
                                "spring.datasource.hikari.connection-timeout",
                                "2000",
                                "studyloop.data-dir",
                                dataDir.toString()));
                var sources = context.getEnvironment().getPropertySources();
                if (sources.contains("systemProperties")) {
                    sources.addBefore("systemProperties", properties);
                } else {
                    sources.addLast(properties);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
