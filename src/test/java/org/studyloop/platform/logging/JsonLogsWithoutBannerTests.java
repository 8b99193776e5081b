package org.studyloop.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class JsonLogsWithoutBannerTests {

    private String bannerModeWith(MockEnvironment environment) {
        new JsonLogsWithoutBanner().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty("spring.main.banner-mode", "console");
    }

    @Test
    void jsonLogsTurnTheBannerOff() {
        assertThat(bannerModeWith(new MockEnvironment().withProperty("studyloop.log-format", "json")))
                .isEqualTo("off");
    }

    @Test
    void textLogsKeepIt() {
        assertThat(bannerModeWith(new MockEnvironment().withProperty("studyloop.log-format", "text")))
                .isEqualTo("console");
    }

    @Test
    void theOperatorsOwnChoiceWins() {
        assertThat(bannerModeWith(new MockEnvironment()
                        .withProperty("studyloop.log-format", "json")
                        .withProperty("spring.main.banner-mode", "log")))
                .isEqualTo("log");
    }
}
