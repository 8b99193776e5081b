package org.studyloop.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.studyloop.StudyLoopApplication;

/**
 * The mail module stands on {@code shared} alone, so that every other module, identity first, can
 * depend on it without a cycle. {@code ModularityTests} verifies the boundaries of all modules.
 */
class MailModuleTests {

    @Test
    void mailDependsOnSharedOnly() {
        var modules = ApplicationModules.of(StudyLoopApplication.class);
        var mail = modules.getModuleByName("mail").orElseThrow();
        assertThat(mail.getDisplayName()).isEqualTo("Mail");
        assertThat(mail.getDirectDependencies(modules)
                        .uniqueModules()
                        .map(module -> module.getIdentifier().toString()))
                .containsExactly("shared");
    }
}
