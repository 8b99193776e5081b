package org.studyloop.practice.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.studyloop.catalog.ItemId;
import org.studyloop.identity.Actor;
import org.studyloop.identity.UserId;
import org.studyloop.practice.SessionId;
import org.studyloop.practice.session.AnswerResult;
import org.studyloop.practice.session.Answers;
import org.studyloop.practice.session.Hints;
import org.studyloop.practice.session.Reports;
import org.studyloop.practice.session.SessionReport;
import org.studyloop.practice.session.SessionStarted;
import org.studyloop.practice.session.SessionStarts;
import org.studyloop.shared.ProblemException;

/** API.md's practice calls: start a session, answer, ask for a hint, finish; and reading sessions back. */
@RestController
@Validated
@Tag(name = "Practice")
class PracticeController {

    private final SessionStarts starts;
    private final Answers answers;
    private final Hints hints;
    private final Reports reports;

    PracticeController(SessionStarts starts, Answers answers, Hints hints, Reports reports) {
        this.starts = starts;
        this.answers = answers;
        this.hints = hints;
        this.reports = reports;
    }

    record AnswerRequest(
            @NotNull UUID itemId,

            @Schema(description = "a text (choice id, number, expression, short text, essay) or a list of choice ids")
            @Nullable
            Object response,

            @NotBlank
            @Size(max = 100)
            @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be printable ASCII without spaces")
            String idempotencyKey,

            @Nullable @Min(0) @Max(86_400_000) Long elapsedMs) {}

    record HintRequest(@NotNull UUID itemId) {}

    @PostMapping("/api/v1/practice/sessions")
    ResponseEntity<SessionStarted> start(Actor actor, @Valid @RequestBody StartRequest request) {
        var started = starts.start(actor, request.toStart());
        return ResponseEntity.created(URI.create("/api/v1/practice/sessions/" + started.sessionId()))
                .body(started);
    }

    @PostMapping(value = "/api/v1/practice/sessions/{sessionId}/answers", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AnswerResult.class)))
    ResponseEntity<String> answer(
            Actor actor, @PathVariable UUID sessionId, @Valid @RequestBody AnswerRequest request) {
        var body = answers.submit(
                actor,
                new SessionId(sessionId),
                new Answers.Submission(
                        new ItemId(request.itemId()),
                        response(request.response()),
                        request.idempotencyKey(),
                        request.elapsedMs()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @PostMapping("/api/v1/practice/sessions/{sessionId}/hints")
    Hints.Hint hint(Actor actor, @PathVariable UUID sessionId, @Valid @RequestBody HintRequest request) {
        return hints.next(actor, new SessionId(sessionId), new ItemId(request.itemId()));
    }

    @PostMapping("/api/v1/practice/sessions/{sessionId}/finish")
    SessionReport finish(Actor actor, @PathVariable UUID sessionId) {
        return reports.finish(actor, new SessionId(sessionId));
    }

    @GetMapping("/api/v1/practice/sessions/{sessionId}")
    SessionReport session(Actor actor, @PathVariable UUID sessionId) {
        return reports.read(actor, new SessionId(sessionId));
    }

    @GetMapping("/api/v1/users/{userId}/practice/sessions")
    List<SessionReport> history(
            Actor actor,
            @PathVariable UUID userId,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        return reports.history(actor, new UserId(userId), limit, offset);
    }

    /**
     * A response as grading reads it: a text, or a list of texts. Numbers keep the digits sent
     * ({@code 0.10} stays {@code 0.1}, never {@code 1.0E-1}); objects are refused.
     */
    private static Object response(@Nullable Object json) {
        return switch (json) {
            case null -> throw ProblemException.invalid("response", "must be given");
            case String text -> text;
            case Number number -> new BigDecimal(number.toString()).toPlainString();
            case Boolean bool -> bool.toString();
            case List<?> list ->
                list.stream()
                        .map(e -> {
                            if (e instanceof Map<?, ?> || e instanceof List<?> || e == null) {
                                throw ProblemException.invalid("response", "must be a text or a list of choice ids");
                            }
                            return e instanceof Number n ? new BigDecimal(n.toString()).toPlainString() : e.toString();
                        })
                        .toList();
            default -> throw ProblemException.invalid("response", "must be a text or a list of choice ids");
        };
    }
}
