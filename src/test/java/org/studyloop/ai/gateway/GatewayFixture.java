package org.studyloop.ai.gateway;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.studyloop.ai.FakeOpenAiServer;
import org.studyloop.ai.LanguageModels;
import org.studyloop.ai.Prompt;
import org.studyloop.ai.Turn;
import org.studyloop.ai.usage.TestLedger;
import org.studyloop.identity.UserId;
import org.studyloop.practice.MutableClock;

/**
 * What the gateway's tests share: a fake OpenAI-compatible server over real HTTP, the SQL ledger
 * on the test database, a meter registry, a clock the tests move, and gateways built by hand so that each test
 * has its own circuit breaker. Time limits are generous unless a test sets one.
 */
final class GatewayFixture implements AutoCloseable {

    final FakeOpenAiServer server = FakeOpenAiServer.start();
    final TestLedger ledger = new TestLedger();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T09:00:00Z"));
    final UserId student = new UserId(UUID.randomUUID());
    private final List<ModelGateway> gateways = new ArrayList<>();

    /** The settings a test varies; retries wait 5 ms growing to 40 ms, 1.0 and 2.0 per 1k tokens. */
    record Settings(
            Duration timeout, Duration stall, int attempts, LlmProperties.CircuitBreaker circuit, int dailyMessages) {

        static Settings roomy() {
            return new Settings(
                    Duration.ofSeconds(20),
                    Duration.ofSeconds(20),
                    3,
                    new LlmProperties.CircuitBreaker(50, 100, 100, Duration.ofMinutes(1), 1),
                    -1);
        }

        Settings timeout(Duration limit) {
            return new Settings(limit, stall, attempts, circuit, dailyMessages);
        }

        Settings stall(Duration limit) {
            return new Settings(timeout, limit, attempts, circuit, dailyMessages);
        }

        Settings attempts(int count) {
            return new Settings(timeout, stall, count, circuit, dailyMessages);
        }

        Settings circuit(LlmProperties.CircuitBreaker breaker) {
            return new Settings(timeout, stall, attempts, breaker, dailyMessages);
        }

        Settings dailyMessages(int count) {
            return new Settings(timeout, stall, attempts, circuit, count);
        }
    }

    LanguageModels models(Settings settings, @Nullable String apiKey) {
        var properties = new LlmProperties(
                server.baseUrl(),
                apiKey,
                "fake-model",
                Map.of(),
                settings.timeout(),
                settings.stall(),
                new LlmProperties.Retry(settings.attempts(), Duration.ofMillis(5), 2.0, 0.5, Duration.ofMillis(40)),
                settings.circuit(),
                1.0,
                2.0,
                "free",
                Map.of("free", new LlmProperties.Plan(settings.dailyMessages())));
        return new LanguageModels(gateway(properties));
    }

    LanguageModels models(Settings settings) {
        return models(settings, "sk-test-key");
    }

    ModelGateway gateway(LlmProperties properties) {
        var gateway = new ModelGateway(properties, Plans.configured(properties), ledger, registry, clock);
        gateways.add(gateway);
        return gateway;
    }

    Prompt prompt(String text) {
        return new Prompt(student, "tutor", "You are a patient tutor.", List.of(Turn.user(text)), 0.2, 200);
    }

    @Override
    public void close() {
        gateways.forEach(ModelGateway::close);
        server.close();
    }
}
