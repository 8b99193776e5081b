package org.studyloop.ai.gateway;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One streamed reply. LangChain4j calls the handler on its HTTP client's thread; the events are
 * queued and handed to the caller's {@code onPartial} on the caller's own thread, so that no
 * partial arrives after {@link #await} has returned, and a silent stream is noticed by a timed
 * wait on the queue. A stall or a failure cancels the stream through LangChain4j's {@link
 * StreamingHandle}, which closes the response body: the reading thread and the connection are
 * freed. (A stream that stalls before its first chunk has no handle yet; its connection is freed
 * when the server closes it.)
 */
final class StreamedReply implements StreamingChatResponseHandler {

    private sealed interface Event {}

    private record Partial(String text) implements Event {}

    private record Done(ChatResponse response) implements Event {}

    private record Failed(Throwable failure) implements Event {}

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private volatile @Nullable StreamingHandle handle;
    private volatile boolean over;

    @Override
    public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
        handle = context.streamingHandle();
        if (over) {
            cancel();
            return;
        }
        events.add(new Partial(partial.text()));
    }

    @Override
    public void onCompleteResponse(ChatResponse response) {
        events.add(new Done(response));
    }

    @Override
    public void onError(Throwable error) {
        events.add(new Failed(error));
    }

    /**
     * Hands the partials to {@code onPartial} as they come and returns the whole reply with the text
     * that was handed out; throws the stream's failure, or {@link Failures.StreamStalled} when no
     * event came within {@code firstToken} of the start or {@code stall} of the last token.
     */
    Streamed await(Consumer<String> onPartial, Duration firstToken, Duration stall) throws Exception {
        var text = new StringBuilder();
        var wait = firstToken;
        var finished = false;
        try {
            while (true) {
                var event = events.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
                switch (event) {
                    case null -> throw new Failures.StreamStalled("no token for " + wait.toMillis() + " ms");
                    case Partial(var partial) -> {
                        text.append(partial);
                        try {
                            onPartial.accept(partial);
                        } catch (RuntimeException callers) {
                            throw new CallerFailed(callers);
                        }
                        wait = stall;
                    }
                    case Done(var response) -> {
                        finished = true;
                        return new Streamed(text.toString(), response);
                    }
                    case Failed(var failure) -> throw failure instanceof Exception e ? e : new Exception(failure);
                }
            }
        } finally {
            over = true;
            if (!finished) {
                cancel();
            }
        }
    }

    /**
     * Cancels the stream without waiting: LangChain4j cancels by closing the response's input
     * stream, which may wait for the reader blocked on it, and a stalled endpoint may not send
     * another byte for minutes — the caller's fallback must not wait for that.
     */
    private void cancel() {
        var streaming = handle;
        if (streaming != null && !streaming.isCancelled()) {
            Thread.startVirtualThread(streaming::cancel);
        }
    }

    /** The caller's {@code onPartial} threw: not the endpoint's failure, so it is rethrown as is. */
    static final class CallerFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CallerFailed(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }

    /** The text handed out, and LangChain4j's response (token usage, the assembled message). */
    record Streamed(String text, ChatResponse response) {}
}
