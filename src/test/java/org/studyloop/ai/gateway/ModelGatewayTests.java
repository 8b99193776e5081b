package org.studyloop.ai.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.studyloop.ai.Completion;
import org.studyloop.ai.FakeOpenAiServer;
import org.studyloop.ai.FakeOpenAiServer.Reply;
import org.studyloop.ai.FallbackReason;
import org.studyloop.ai.LanguageModels;
import org.studyloop.ai.Prompt;
import org.studyloop.ai.Turn;
import org.studyloop.identity.UserId;
import org.studyloop.practice.MutableClock;

/**
 * The gateway against a fake OpenAI-compatible server over real HTTP, built by hand so that each
 * test has its own circuit breaker and clock. Time limits are generous except where a test is
 * about one; no assertion is about how long anything took.
 */
class ModelGatewayTests {

    private final FakeOpenAiServer server = FakeOpenAiServer.start();
    private final MemoryUsageLedger ledger = new MemoryUsageLedger();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T09:00:00Z"));
    private final List<ModelGateway> gateways = new ArrayList<>();
    private final UserId student = new UserId(UUID.randomUUID());

    @AfterEach
    void stop() {
        gateways.forEach(ModelGateway::close);
        server.close();
    }

    private record Settings(
            Duration timeout, Duration stall, int attempts, LlmProperties.CircuitBreaker circuit, int dailyMessages) {}

    private static Settings settings() {
        return new Settings(
                Duration.ofSeconds(20),
                Duration.ofSeconds(20),
                3,
                new LlmProperties.CircuitBreaker(50, 100, 100, Duration.ofMinutes(1), 1),
                -1);
    }

    private LanguageModels models(Settings settings, String apiKey) {
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
        var gateway = new ModelGateway(properties, Plans.configured(properties), ledger, registry, clock);
        gateways.add(gateway);
        return new LanguageModels(gateway);
    }

    private LanguageModels models(Settings settings) {
        return models(settings, "sk-test-key");
    }

    private Prompt prompt(String text) {
        return new Prompt(student, "tutor", "You are a patient tutor.", List.of(Turn.user(text)), 0.2, 200);
    }

    @Test
    void aNormalReplyIsAnsweredMeteredAndPriced() {
        server.enqueue(Reply.text("Isolate x first.", 1200, 500));
        var models = models(settings());

        var completion = models.complete(prompt("How do I solve 2x + 3 = 7?"));

        assertThat(completion).isEqualTo(Completion.of("Isolate x first.", 1200, 500));
        assertThat(models.available()).isTrue();
        var request = server.lastRequest();
        assertThat(request.header("Authorization")).contains("Bearer sk-test-key");
        assertThat(request.body()).contains("fake-model", "You are a patient tutor.", "How do I solve 2x + 3 = 7?");
        assertThat(request.streamed()).isFalse();
        var use = ledger.of(student, "tutor");
        assertThat(use.messages()).isEqualTo(1);
        assertThat(use.inputTokens()).isEqualTo(1200);
        assertThat(use.outputTokens()).isEqualTo(500);
        // 1.2 × 1.0 + 0.5 × 2.0 per thousand tokens
        assertThat(use.cost()).isEqualByComparingTo("2.2");
        assertThat(registry.get("studyloop.ai.tokens")
                        .tag("direction", "input")
                        .counter()
                        .count())
                .isEqualTo(1200);
        assertThat(registry.get("studyloop.ai.calls")
                        .tag("engine", "LLM")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aLocalServerNeedsNoKey() {
        var completion = models(settings(), null).complete(prompt("Hi"));

        assertThat(completion.answered()).isTrue();
        assertThat(server.lastRequest().header("Authorization")).isEmpty();
    }

    @Test
    void aStreamHandsOutItsPartialsInOrderAndReturnsTheWholeText() {
        server.enqueue(Reply.chunks("Sub", "tract 3 ", "from both ", "sides."));
        var partials = new CopyOnWriteArrayList<String>();

        var completion = models(settings()).stream(prompt("Next step?"), partials::add);

        assertThat(partials).containsExactly("Sub", "tract 3 ", "from both ", "sides.");
        assertThat(completion.answered()).isTrue();
        assertThat(completion.text()).isEqualTo("Subtract 3 from both sides.");
        assertThat(completion.outputTokens()).isEqualTo(4);
        assertThat(server.lastRequest().streamed()).isTrue();
        assertThat(ledger.of(student, "tutor").messages()).isEqualTo(1);
    }

    @Test
    void aServerErrorIsRetriedAndTheRetryAnswers() {
        server.enqueue(Reply.status(500), Reply.status(503), Reply.text("Second time lucky."));

        var completion = models(settings()).complete(prompt("Hello?"));

        assertThat(completion.text()).isEqualTo("Second time lucky.");
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void persistentServerErrorsFallBackAfterEveryAttempt() {
        server.otherwise(Reply.status(500));

        var completion = models(settings()).complete(prompt("Hello?"));

        assertThat(FallbackReason.FAILED.explains(completion)).isTrue();
        assertThat(completion.answered()).isFalse();
        assertThat(server.requestCount()).isEqualTo(3);
        assertThat(ledger.of(student, "tutor").fallbacks()).isEqualTo(1);
        assertThat(ledger.of(student, "tutor").messages()).isZero();
        assertThat(registry.get("studyloop.ai.fallbacks")
                        .tag("reason", "failed")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aClientErrorIsNotRetried() {
        server.otherwise(Reply.status(400));

        var completion = models(settings()).complete(prompt("Hello?"));

        assertThat(FallbackReason.REFUSED.explains(completion)).isTrue();
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void aReplyBeyondTheTimeLimitFallsBack() {
        server.otherwise(Reply.slow(Duration.ofMinutes(1), Reply.text("Too late.")));
        var tight = settings();
        tight = new Settings(Duration.ofMillis(300), tight.stall(), 2, tight.circuit(), -1);

        var completion = models(tight).complete(prompt("Hello?"));

        assertThat(FallbackReason.TIMEOUT.explains(completion)).isTrue();
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void malformedJsonFallsBackWithoutRetry() {
        server.otherwise(Reply.malformed());

        var completion = models(settings()).complete(prompt("Hello?"));

        assertThat(FallbackReason.MALFORMED.explains(completion)).isTrue();
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void aMalformedStreamFallsBack() {
        server.otherwise(Reply.malformed());

        var completion = models(settings()).stream(prompt("Hello?"), partial -> {});

        assertThat(FallbackReason.MALFORMED.explains(completion)).isTrue();
    }

    @Test
    void aStalledStreamIsCancelledAndFallsBackAfterItsPartials() {
        server.enqueue(Reply.stallAfter("Start ", "by "));
        var tight = settings();
        tight = new Settings(tight.timeout(), Duration.ofMillis(400), 3, tight.circuit(), -1);
        var partials = new CopyOnWriteArrayList<String>();

        var completion = models(tight).stream(prompt("Hello?"), partials::add);

        assertThat(FallbackReason.STALLED.explains(completion)).isTrue();
        assertThat(partials).containsExactly("Start ", "by ");
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void aStreamWithoutAFirstTokenWithinTheTimeLimitFallsBack() {
        server.enqueue(Reply.stallAfter());
        var tight = settings();
        tight = new Settings(Duration.ofMillis(400), tight.stall(), 3, tight.circuit(), -1);
        var partials = new CopyOnWriteArrayList<String>();

        var completion = models(tight).stream(prompt("Hello?"), partials::add);

        assertThat(FallbackReason.STALLED.explains(completion)).isTrue();
        assertThat(partials).isEmpty();
    }

    @Test
    void aStreamThatFailsPartWayFallsBackAfterItsPartials() {
        server.enqueue(Reply.failAfter("Half ", "an "));
        var partials = new CopyOnWriteArrayList<String>();

        var completion = models(settings()).stream(prompt("Hello?"), partials::add);

        assertThat(completion.answered()).isFalse();
        assertThat(FallbackReason.FAILED.explains(completion)).isTrue();
        assertThat(partials).containsExactly("Half ", "an ");
    }

    @Test
    void aCallersOwnFailureStopsTheStreamAndIsRethrown() {
        server.otherwise(Reply.chunks("One ", "two ", "three."));
        var models = models(settings());

        assertThatThrownBy(() -> models.stream(prompt("Count"), partial -> {
                    throw new IllegalStateException("the student left");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the student left");
        assertThat(models.stream(prompt("Count"), partial -> {}).text()).isEqualTo("One two three.");
    }

    @Test
    void theCircuitOpensAfterFailuresAndClosesWhenTheServerRecoversAfterTheWait() {
        server.otherwise(Reply.status(500));
        var breaking = new Settings(
                Duration.ofSeconds(20),
                Duration.ofSeconds(20),
                1,
                new LlmProperties.CircuitBreaker(50, 4, 4, Duration.ofMinutes(1), 1),
                -1);
        var models = models(breaking);
        for (int i = 0; i < 4; i++) {
            assertThat(FallbackReason.FAILED.explains(models.complete(prompt("Hello?"))))
                    .isTrue();
        }
        assertThat(server.requestCount()).isEqualTo(4);

        assertThat(models.available()).isFalse();
        assertThat(FallbackReason.CIRCUIT_OPEN.explains(models.complete(prompt("Hello?"))))
                .isTrue();
        assertThat(FallbackReason.CIRCUIT_OPEN.explains(models.stream(prompt("Hello?"), partial -> {})))
                .isTrue();
        assertThat(server.requestCount()).as("an open circuit calls no one").isEqualTo(4);

        server.otherwise(Reply.text("Back again."));
        clock.advance(Duration.ofSeconds(61));
        assertThat(models.available())
                .as("past the wait, a trial call is worth it")
                .isTrue();
        assertThat(models.complete(prompt("Hello?")).text()).isEqualTo("Back again.");
        assertThat(models.complete(prompt("Hello?")).text()).isEqualTo("Back again.");
        assertThat(models.available()).isTrue();
        assertThat(server.requestCount()).isEqualTo(6);
    }

    @Test
    void theDailyQuotaFallsBackWithoutCallingTheModel() {
        var limited = settings();
        limited = new Settings(limited.timeout(), limited.stall(), 3, limited.circuit(), 2);
        var models = models(limited);
        assertThat(models.complete(prompt("One")).answered()).isTrue();
        assertThat(models.stream(prompt("Two"), partial -> {}).answered()).isTrue();

        var third = models.complete(prompt("Three"));

        assertThat(FallbackReason.QUOTA_REACHED.explains(third)).isTrue();
        assertThat(third.fallbackReason()).contains("daily quota reached");
        assertThat(models.samples(prompt("Four"), 3)).isEmpty();
        assertThat(server.requestCount()).isEqualTo(2);

        clock.advance(Duration.ofDays(1));
        assertThat(models.complete(prompt("Tomorrow")).answered()).isTrue();
    }

    @Test
    void withoutConfigurationEveryCallFallsBack() {
        var properties = LlmProperties.of("");
        var gateway = new ModelGateway(properties, Plans.configured(properties), ledger, registry, clock);
        gateways.add(gateway);
        for (var models : List.of(new LanguageModels(gateway), new LanguageModels())) {
            assertThat(models.available()).isFalse();
            assertThat(models.complete(prompt("Hi")))
                    .isEqualTo(Completion.fallback("no language model is configured (STUDYLOOP_LLM_BASE_URL)"));
            assertThat(FallbackReason.NOT_CONFIGURED.explains(models.stream(prompt("Hi"), partial -> {})))
                    .isTrue();
            assertThat(models.samples(prompt("Hi"), 3)).isEmpty();
        }
        assertThat(ledger.entries).isEmpty();
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void samplesAreIndependentWarmAndFailuresDropOut() {
        var once = settings();
        once = new Settings(once.timeout(), once.stall(), 1, once.circuit(), -1);
        server.enqueue(Reply.status(500));
        server.otherwise(Reply.text("x = 2"));
        var cold = new Prompt(student, "tutor", "Solve.", List.of(Turn.user("2x + 3 = 7")), 0.0, 50);

        var samples = models(once).samples(cold, 4);

        assertThat(samples)
                .hasSize(3)
                .allSatisfy(sample -> assertThat(sample.text()).isEqualTo("x = 2"));
        assertThat(server.requestCount()).isEqualTo(4);
        assertThat(server.requests())
                .allSatisfy(request -> assertThat(request.body()).containsPattern("\"temperature\"\\s*:\\s*0\\.7"));
        var use = ledger.of(student, "tutor");
        assertThat(use.messages()).as("a set of samples is one message").isEqualTo(1);
        assertThat(use.calls()).isEqualTo(3);
    }
}
