package org.studyloop.shared;

import org.springframework.core.env.Environment;

/**
 * Whether demo content and the demo accounts of API.md are created at start-up:
 * {@code studyloop.demo} when set, otherwise on for the embedded database and off for an external
 * one, so that a production database never gets accounts with a published password.
 */
public final class DemoMode {

    private DemoMode() {}

    public static boolean isOn(Environment environment) {
        var configured = environment.getProperty("studyloop.demo", Boolean.class);
        if (configured != null) {
            return configured;
        }
        var url = environment.getProperty("spring.datasource.url");
        return url == null || url.isBlank();
    }
}
