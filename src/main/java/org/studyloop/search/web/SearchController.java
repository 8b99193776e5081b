package org.studyloop.search.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.studyloop.catalog.CourseId;
import org.studyloop.identity.Actor;
import org.studyloop.search.Passage;
import org.studyloop.search.PassageKind;
import org.studyloop.search.Search;
import org.studyloop.shared.ProblemException;

/** API.md's {@code GET /api/v1/search}. */
@RestController
@Validated
@Tag(name = "Search and tutor")
class SearchController {

    /** The longest query taken, in characters: a question, not a document. */
    static final int MAX_QUERY = 500;

    private final Search search;

    SearchController(Search search) {
        this.search = search;
    }

    /**
     * A result. {@code id} is the lesson's or the item's id; {@code snippet} is HTML-escaped with
     * the matched words in {@code <mark>}.
     */
    record Result(
            String kind, UUID id, String title, String snippet, double score, UUID courseId, List<UUID> skillIds) {
        static Result of(Passage p) {
            return new Result(
                    p.kind().name().toLowerCase(java.util.Locale.ROOT),
                    p.sourceId(),
                    p.title(),
                    p.snippet(),
                    p.score(),
                    p.courseId().value(),
                    p.skillIds().stream().map(s -> s.value()).toList());
        }
    }

    @GetMapping("/api/v1/search")
    List<Result> search(
            Actor actor,
            @RequestParam @NotBlank @Size(max = MAX_QUERY) String q,
            @RequestParam(required = false) @Nullable UUID courseId,
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
        var kind = Optional.ofNullable(type)
                .map(t -> PassageKind.parse(t)
                        .orElseThrow(
                                () -> ProblemException.invalid("type", "must be one of lesson, item, solution, hint")));
        return search.search(actor, q, Optional.ofNullable(courseId).map(CourseId::new), kind, limit).stream()
                .map(Result::of)
                .toList();
    }
}
