package org.studyloop.ai.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.studyloop.ai.Completion;
import org.studyloop.ai.FakeOpenAiServer.Reply;
import org.studyloop.ai.FallbackReason;
import org.studyloop.ai.LanguageModels;
import org.studyloop.ai.Prompt;
import org.studyloop.ai.Turn;
import org.studyloop.ai.gateway.GatewayFixture.Settings;

/**
 * The gateway's answers against a fake OpenAI-compatible server over real HTTP: replies, streams,
 * samples, metering and quotas. No assertion is about how long anything took.
 */
class ModelGatewayTests extends WithGateway {

    @Test
    void aNormalReplyIsAnsweredMeteredAndPriced() {
        server.enqueue(Reply.text("Isolate x first.", 1200, 500));
        var models = models(Settings.roomy());

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
        var completion = fixture.models(Settings.roomy(), null).complete(prompt("Hi"));

        assertThat(completion.answered()).isTrue();
        assertThat(server.lastRequest().header("Authorization")).isEmpty();
    }

    @Test
    void aStreamHandsOutItsPartialsInOrderAndReturnsTheWholeText() {
        server.enqueue(Reply.chunks("Sub", "tract 3 ", "from both ", "sides."));
        var partials = new CopyOnWriteArrayList<String>();

        var completion = models(Settings.roomy()).stream(prompt("Next step?"), partials::add);

        assertThat(partials).containsExactly("Sub", "tract 3 ", "from both ", "sides.");
        assertThat(completion.answered()).isTrue();
        assertThat(completion.text()).isEqualTo("Subtract 3 from both sides.");
        assertThat(completion.outputTokens()).isEqualTo(4);
        assertThat(server.lastRequest().streamed()).isTrue();
        assertThat(ledger.of(student, "tutor").messages()).isEqualTo(1);
    }

    @Test
    void aCallersOwnFailureStopsTheStreamAndIsRethrown() {
        server.otherwise(Reply.chunks("One ", "two ", "three."));
        var models = models(Settings.roomy());

        assertThatThrownBy(() -> models.stream(prompt("Count"), partial -> {
                    throw new IllegalStateException("the student left");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the student left");
        assertThat(models.stream(prompt("Count"), partial -> {}).text()).isEqualTo("One two three.");
    }

    @Test
    void theDailyQuotaFallsBackWithoutCallingTheModel() {
        var models = models(Settings.roomy().dailyMessages(2));
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
        var gateway = fixture.gateway(properties);
        for (var models : List.of(new LanguageModels(gateway), new LanguageModels())) {
            assertThat(models.available()).isFalse();
            assertThat(models.complete(prompt("Hi")))
                    .isEqualTo(Completion.fallback("no language model is configured (STUDYLOOP_LLM_BASE_URL)"));
            assertThat(FallbackReason.NOT_CONFIGURED.explains(models.stream(prompt("Hi"), partial -> {})))
                    .isTrue();
            assertThat(models.samples(prompt("Hi"), 3)).isEmpty();
        }
        assertThat(ledger.entriesOf(student)).isZero();
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void samplesAreIndependentWarmAndFailuresDropOut() {
        server.enqueue(Reply.status(500));
        server.otherwise(Reply.text("x = 2"));
        var cold = new Prompt(student, "tutor", "Solve.", List.of(Turn.user("2x + 3 = 7")), 0.0, 50);

        var samples = models(Settings.roomy().attempts(1)).samples(cold, 4);

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
