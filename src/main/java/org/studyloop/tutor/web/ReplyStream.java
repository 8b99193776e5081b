package org.studyloop.tutor.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.studyloop.identity.Actor;
import org.studyloop.shared.ProblemException;
import org.studyloop.tutor.ConversationId;
import org.studyloop.tutor.Tutor;
import org.studyloop.tutor.turn.ReplySink;

/**
 * A turn's reply as server-sent events (docs/tutor.md, "Streaming"): {@code chunk}s, a {@code reset}
 * when a model's stream failed part-way, then {@code done} with the reply document, or {@code error}.
 * The API's call and the tutor page stream the same events, so the page reads what API clients read.
 */
final class ReplyStream {

    static final long TIMEOUT_MS = 120_000;

    private static final Logger log = LoggerFactory.getLogger(ReplyStream.class);

    private ReplyStream() {}

    /** Admits the message first, so a refusal is still an HTTP problem, then streams on a virtual thread. */
    static SseEmitter open(Tutor tutor, Actor actor, ConversationId id, String text) {
        tutor.admit(actor, id);
        var emitter = new SseEmitter(TIMEOUT_MS);
        Thread.ofVirtual().name("tutor-stream").start(() -> stream(tutor, actor, id, text, emitter));
        return emitter;
    }

    private static void stream(Tutor tutor, Actor actor, ConversationId id, String text, SseEmitter emitter) {
        try {
            var reply = tutor.ask(actor, id, text, new ReplySink() {
                @Override
                public void chunk(String part) {
                    send(
                            emitter,
                            SseEmitter.event().name("chunk").data(Map.of("text", part), MediaType.APPLICATION_JSON));
                }

                @Override
                public void reset() {
                    send(emitter, SseEmitter.event().name("reset").data(Map.of(), MediaType.APPLICATION_JSON));
                }
            });
            send(emitter, SseEmitter.event().name("done").data(TutorViews.reply(reply), MediaType.APPLICATION_JSON));
            emitter.complete();
        } catch (ProblemException e) {
            send(
                    emitter,
                    SseEmitter.event()
                            .name("error")
                            .data(
                                    Map.of(
                                            "type",
                                            e.type().uri().toString(),
                                            "status",
                                            e.type().status().value(),
                                            "detail",
                                            e.detail()),
                                    MediaType.APPLICATION_JSON));
            emitter.complete();
        } catch (RuntimeException e) {
            log.error("tutor: a streamed turn failed", e);
            emitter.completeWithError(e);
        }
    }

    private static void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException e) {
            // The client went away: the turn is still stored, the rest of the stream has no reader.
            throw new UncheckedIOException(e);
        }
    }
}
