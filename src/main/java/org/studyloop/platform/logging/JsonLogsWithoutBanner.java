package org.studyloop.platform.logging;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With {@code LOG_FORMAT=json} every line on the console must be one JSON object, or a log
 * shipper chokes on the first ones; so the ASCII-art banner is switched off, unless the operator
 * set {@code spring.main.banner-mode} themselves.
 */
public class JsonLogsWithoutBanner implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var format = environment.getProperty("studyloop.log-format", "text");
        if ("json".equalsIgnoreCase(format.trim()) && !environment.containsProperty("spring.main.banner-mode")) {
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource("jsonLogsWithoutBanner", Map.of("spring.main.banner-mode", "off")));
        }
    }
}
