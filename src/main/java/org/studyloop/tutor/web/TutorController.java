package org.studyloop.tutor.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.ItemId;
import org.studyloop.identity.Actor;
import org.studyloop.practice.SessionId;
import org.studyloop.shared.ProblemException;
import org.studyloop.tutor.ConversationId;
import org.studyloop.tutor.Tutor;
import org.studyloop.tutor.turn.ReplySink;

/**
 * The tutor's HTTP calls (API.md, "Search and tutor"; docs/tutor.md). A message's reply is one JSON
 * document, or with {@code Accept: text/event-stream} a stream of {@code chunk} events and a final
 * {@code done} event. Both come from one handler: two mappings told apart only by what they produce
 * would be ambiguous for a client that accepts anything.
 */
@RestController
@Validated
@Tag(name = "Tutor")
class TutorController {

    static final int MAX_TEXT = 4000;
    private final Tutor tutor;

    TutorController(Tutor tutor) {
        this.tutor = tutor;
    }

    record StartRequest(
            @Nullable UUID courseId,
            @Nullable UUID itemId,
            @Nullable UUID sessionId) {}

    record MessageRequest(@NotBlank @Size(max = MAX_TEXT) String text) {}

    @PostMapping("/api/v1/tutor/conversations")
    ResponseEntity<TutorViews.Started> start(Actor actor, @Valid @RequestBody StartRequest request) {
        var id = tutor.start(
                actor,
                Optional.ofNullable(request.courseId()).map(CourseId::new),
                Optional.ofNullable(request.itemId()).map(ItemId::new),
                Optional.ofNullable(request.sessionId()).map(SessionId::new));
        return ResponseEntity.created(URI.create("/api/v1/tutor/conversations/" + id))
                .body(new TutorViews.Started(id.value()));
    }

    @Operation(description = "The reply as JSON, or streamed as server-sent events with Accept: text/event-stream")
    @PostMapping("/api/v1/tutor/conversations/{conversationId}/messages")
    ResponseEntity<ResponseBodyEmitter> message(
            Actor actor,
            @PathVariable UUID conversationId,
            @Valid @RequestBody MessageRequest request,
            @RequestHeader(name = "Accept", required = false) @Nullable String accept) {
        var id = new ConversationId(conversationId);
        if (accept != null && accept.contains(MediaType.TEXT_EVENT_STREAM_VALUE)) {
            return ResponseEntity.ok()
                    .contentType(MediaType.TEXT_EVENT_STREAM)
                    .body(ReplyStream.open(tutor, actor, id, request.text()));
        }
        var reply = TutorViews.reply(tutor.ask(actor, id, request.text(), ReplySink.none()));
        var emitter = new ResponseBodyEmitter();
        try {
            emitter.send(reply, MediaType.APPLICATION_JSON);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        emitter.complete();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(emitter);
    }

    @GetMapping("/api/v1/tutor/conversations")
    List<TutorViews.ConversationView> conversations(Actor actor) {
        return tutor.conversations(actor).stream().map(TutorViews::conversation).toList();
    }

    @GetMapping("/api/v1/tutor/conversations/{conversationId}")
    TutorViews.TranscriptView conversation(Actor actor, @PathVariable UUID conversationId) {
        var id = new ConversationId(conversationId);
        return tutor.transcript(actor, id)
                .map(TutorViews::transcript)
                .orElseThrow(() -> ProblemException.notFound("There is no conversation " + id + "."));
    }

    @DeleteMapping("/api/v1/tutor/conversations/{conversationId}")
    ResponseEntity<Void> delete(Actor actor, @PathVariable UUID conversationId) {
        tutor.delete(actor, new ConversationId(conversationId));
        return ResponseEntity.noContent().build();
    }
}
