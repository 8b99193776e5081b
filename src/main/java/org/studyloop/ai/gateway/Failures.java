package org.studyloop.ai.gateway;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.NonRetriableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;
import org.studyloop.ai.FallbackReason;

/**
 * Sorts a failed call: which fallback reason it gives, whether another attempt may succeed (5xx,
 * timeouts, I/O: RFC 9110 §15.6 server errors are the server's, §15.5 client errors the request's),
 * and whether it speaks against the endpoint's health (everything but the request's own 4xx).
 */
final class Failures {

    private Failures() {}

    /** The reason a call failed with {@code failure} answers. */
    static FallbackReason reason(Throwable failure) {
        if (failure instanceof CallNotPermittedException) {
            return FallbackReason.CIRCUIT_OPEN;
        }
        if (failure instanceof StreamStalled) {
            return FallbackReason.STALLED;
        }
        if (timedOut(failure)) {
            return FallbackReason.TIMEOUT;
        }
        if (malformed(failure)) {
            return FallbackReason.MALFORMED;
        }
        var status = status(failure);
        return status >= 400 && status < 500 ? FallbackReason.REFUSED : FallbackReason.FAILED;
    }

    /** Whether another attempt may succeed: 5xx, timeouts and I/O failures; never a 4xx. */
    static boolean retryable(Throwable failure) {
        if (failure instanceof CallNotPermittedException || malformed(failure)) {
            return false;
        }
        var status = status(failure);
        if (status > 0) {
            return status >= 500 || status == 408;
        }
        return timedOut(failure)
                || has(failure, InternalServerException.class)
                || has(failure, IOException.class)
                || has(failure, UncheckedIOException.class);
    }

    /** Whether the failure counts against the endpoint in the circuit breaker: not a request's 4xx. */
    static boolean endpointsFault(Throwable failure) {
        var status = status(failure);
        if (status >= 400 && status < 500) {
            return status == 408 || status == 429;
        }
        return !(failure instanceof NonRetriableException) || malformed(failure) || status >= 500;
    }

    private static boolean timedOut(Throwable failure) {
        return has(failure, TimeoutException.class)
                || has(failure, HttpTimeoutException.class)
                || has(failure, dev.langchain4j.exception.TimeoutException.class);
    }

    /** A reply that is not the JSON it should be: Jackson's parse errors, or a reply without text. */
    static boolean malformed(Throwable failure) {
        return has(failure, com.fasterxml.jackson.core.JacksonException.class) || has(failure, MalformedReply.class);
    }

    /** The HTTP status behind the failure, or 0 when there was none (I/O, timeout, parse error). */
    static int status(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpException http) {
                return http.statusCode();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return 0;
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> kind) {
        var depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** A 200 reply without text where text was asked for. */
    static final class MalformedReply extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedReply(String message) {
            super(message);
        }
    }

    /** A stream that went silent for longer than {@code studyloop.llm.stream-stall}. */
    static final class StreamStalled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StreamStalled(String message) {
            super(message);
        }
    }
}
