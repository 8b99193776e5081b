package org.studyloop.ai.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings' checks, and that their text never shows a secret. */
class LlmPropertiesTests {

    private static LlmProperties with(String apiKey, String defaultPlan, Map<String, LlmProperties.Plan> plans) {
        var defaults = LlmProperties.of("http://127.0.0.1:9/v1");
        return new LlmProperties(
                defaults.baseUrl(),
                apiKey,
                defaults.model(),
                Map.of("api-key", "header-secret"),
                defaults.timeout(),
                defaults.streamStall(),
                defaults.retry(),
                defaults.circuitBreaker(),
                0,
                0,
                defaultPlan,
                plans);
    }

    @Test
    void neitherTheKeyNorHeaderValuesAppearInItsText() {
        var properties = with("sk-very-secret", "free", Map.of("free", new LlmProperties.Plan(50)));

        assertThat(properties.toString())
                .doesNotContain("sk-very-secret", "header-secret")
                .contains("api-key");
    }

    @Test
    void aBlankKeyIsNoKeyAndABlankUrlNoEndpoint() {
        assertThat(with("  ", "free", Map.of()).apiKey()).isNull();
        assertThat(LlmProperties.of("").configured()).isFalse();
        assertThat(LlmProperties.of("http://localhost:11434/v1").configured()).isTrue();
    }

    @Test
    void theDefaultPlanMustBeAPlanAndUnknownPlansCountAsIt() {
        assertThatThrownBy(() -> with(null, "gold", Map.of("free", new LlmProperties.Plan(50))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("default-plan");
        var properties =
                with(null, "free", Map.of("free", new LlmProperties.Plan(2), "plus", new LlmProperties.Plan(-1)));
        assertThat(properties.plan("nobody-knows")).contains(new LlmProperties.Plan(2));
        assertThat(properties.plan("plus").orElseThrow().allows(1_000_000)).isTrue();
        assertThat(properties.plan("free").orElseThrow().allows(2)).isFalse();
        assertThat(with(null, "free", Map.of()).plan("free")).isEmpty();
    }

    @Test
    void retriesAndTimeLimitsMustMakeSense() {
        assertThatThrownBy(() -> new LlmProperties.Retry(0, Duration.ofMillis(1), 2, 0.5, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LlmProperties.CircuitBreaker(0, 10, 5, Duration.ofSeconds(1), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
