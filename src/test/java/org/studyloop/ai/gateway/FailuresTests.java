package org.studyloop.ai.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.RateLimitException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.studyloop.ai.FallbackReason;

/** Which failures are retried, which count against the endpoint, and which reason each gives. */
class FailuresTests {

    private static RuntimeException http(int status) {
        var cause = new HttpException(status, "body");
        return status >= 500 ? new InternalServerException(cause) : new InvalidRequestException(cause);
    }

    @Test
    void serverErrorsTimeoutsAndIoAreRetriedClientErrorsAreNot() {
        assertThat(Failures.retryable(http(500))).isTrue();
        assertThat(Failures.retryable(http(503))).isTrue();
        assertThat(Failures.retryable(new TimeoutException())).isTrue();
        assertThat(Failures.retryable(new RuntimeException(new IOException("reset"))))
                .isTrue();
        assertThat(Failures.retryable(http(400))).isFalse();
        assertThat(Failures.retryable(new RateLimitException(new HttpException(429, "slow down"))))
                .isFalse();
        assertThat(Failures.retryable(new Failures.MalformedReply("no text"))).isFalse();
    }

    @Test
    void aRequestsOwnClientErrorDoesNotCountAgainstTheEndpoint() {
        assertThat(Failures.endpointsFault(http(400))).isFalse();
        assertThat(Failures.endpointsFault(new RateLimitException(new HttpException(429, "slow down"))))
                .isTrue();
        assertThat(Failures.endpointsFault(http(500))).isTrue();
        assertThat(Failures.endpointsFault(new TimeoutException())).isTrue();
        assertThat(Failures.endpointsFault(new Failures.MalformedReply("no text")))
                .isTrue();
    }

    @Test
    void eachFailureHasItsReason() {
        assertThat(Failures.reason(http(502))).isEqualTo(FallbackReason.FAILED);
        assertThat(Failures.reason(http(401))).isEqualTo(FallbackReason.REFUSED);
        assertThat(Failures.reason(new TimeoutException())).isEqualTo(FallbackReason.TIMEOUT);
        assertThat(Failures.reason(new Failures.StreamStalled("quiet"))).isEqualTo(FallbackReason.STALLED);
        assertThat(Failures.reason(new RuntimeException(new Failures.MalformedReply("no text"))))
                .isEqualTo(FallbackReason.MALFORMED);
    }
}
