package org.studyloop.ai.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.studyloop.ai.FakeOpenAiServer.Reply;
import org.studyloop.ai.FallbackReason;
import org.studyloop.ai.gateway.GatewayFixture.Settings;

/**
 * Every failure of the endpoint falls back with its reason: retries on 5xx, none on 4xx, time
 * limits, malformed replies, stalled and broken streams, and the circuit breaker opening and
 * closing again. No assertion is about how long anything took; the breaker's wait passes on the
 * test's clock.
 */
class ModelGatewayFailureTests extends WithGateway {

    @Test
    void aServerErrorIsRetriedAndTheRetryAnswers() {
        server.enqueue(Reply.status(500), Reply.status(503), Reply.text("Second time lucky."));

        var completion = models(Settings.roomy()).complete(prompt("Hello?"));

        assertThat(completion.text()).isEqualTo("Second time lucky.");
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void persistentServerErrorsFallBackAfterEveryAttempt() {
        server.otherwise(Reply.status(500));

        var completion = models(Settings.roomy()).complete(prompt("Hello?"));

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

        var completion = models(Settings.roomy()).complete(prompt("Hello?"));

        assertThat(FallbackReason.REFUSED.explains(completion)).isTrue();
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void aReplyBeyondTheTimeLimitFallsBack() {
        server.otherwise(Reply.slow(Duration.ofMinutes(1), Reply.text("Too late.")));
        var tight = Settings.roomy().timeout(Duration.ofMillis(300)).attempts(2);

        var completion = models(tight).complete(prompt("Hello?"));

        assertThat(FallbackReason.TIMEOUT.explains(completion)).isTrue();
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void malformedJsonFallsBackWithoutRetry() {
        server.otherwise(Reply.malformed());

        var completion = models(Settings.roomy()).complete(prompt("Hello?"));

        assertThat(FallbackReason.MALFORMED.explains(completion)).isTrue();
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void aMalformedStreamFallsBack() {
        server.otherwise(Reply.malformed());

        var completion = models(Settings.roomy()).stream(prompt("Hello?"), partial -> {});

        assertThat(FallbackReason.MALFORMED.explains(completion)).isTrue();
    }

    @Test
    void aStalledStreamIsCancelledAndFallsBackAfterItsPartials() {
        server.enqueue(Reply.stallAfter("Start ", "by "));
        var tight = Settings.roomy().stall(Duration.ofMillis(400));
        var partials = new CopyOnWriteArrayList<String>();

        var completion = models(tight).stream(prompt("Hello?"), partials::add);

        assertThat(FallbackReason.STALLED.explains(completion)).isTrue();
        assertThat(partials).containsExactly("Start ", "by ");
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void aStreamWithoutAFirstTokenWithinTheTimeLimitFallsBack() {
        server.enqueue(Reply.stallAfter());
        var tight = Settings.roomy().timeout(Duration.ofMillis(400));
        var partials = new CopyOnWriteArrayList<String>();

        var completion = models(tight).stream(prompt("Hello?"), partials::add);

        // Two clocks run out together here: the gateway's wait for the first token and the HTTP
        // client's own time limit, both set to the call's time limit; whichever fires first names
        // the reason. Either way the call falls back with nothing handed out.
        assertThat(completion.answered()).isFalse();
        assertThat(FallbackReason.STALLED.explains(completion) || FallbackReason.TIMEOUT.explains(completion))
                .as("%s", completion.fallbackReason())
                .isTrue();
        assertThat(partials).isEmpty();
    }

    @Test
    void aStreamThatFailsPartWayFallsBackAfterItsPartials() {
        server.enqueue(Reply.failAfter("Half ", "an "));
        var partials = new CopyOnWriteArrayList<String>();

        var completion = models(Settings.roomy()).stream(prompt("Hello?"), partials::add);

        assertThat(completion.answered()).isFalse();
        assertThat(FallbackReason.FAILED.explains(completion)).isTrue();
        assertThat(partials).containsExactly("Half ", "an ");
    }

    @Test
    void theCircuitOpensAfterFailuresAndClosesWhenTheServerRecoversAfterTheWait() {
        server.otherwise(Reply.status(500));
        var breaking = Settings.roomy()
                .attempts(1)
                .circuit(new LlmProperties.CircuitBreaker(50, 4, 4, Duration.ofMinutes(1), 1));
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
}
