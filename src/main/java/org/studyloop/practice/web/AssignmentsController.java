package org.studyloop.practice.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.studyloop.catalog.ItemId;
import org.studyloop.classroom.ClassId;
import org.studyloop.identity.Actor;
import org.studyloop.practice.AssignmentId;
import org.studyloop.practice.assignment.Assigning;
import org.studyloop.practice.assignment.Assignment;

/** Quizzes set for a class: a teacher assigns one and reads the results; students start it as a QUIZ. */
@RestController
@Tag(name = "Practice")
class AssignmentsController {

    private final Assigning assigning;

    AssignmentsController(Assigning assigning) {
        this.assigning = assigning;
    }

    record AssignRequest(
            @NotBlank @Size(max = 200) @Pattern(regexp = "\\P{Cntrl}*", message = "must be one line of text")
            String title,

            @NotEmpty @Size(max = 100) List<@NotNull UUID> itemIds,
            @NotNull Instant dueAt) {}

    record AssignmentResponse(UUID assignmentId, UUID classId, String title, List<UUID> itemIds, Instant dueAt) {
        static AssignmentResponse of(Assignment a) {
            return new AssignmentResponse(
                    a.id().value(),
                    a.classId().value(),
                    a.title(),
                    a.items().stream().map(ItemId::value).toList(),
                    a.dueAt());
        }
    }

    record ResultsResponse(AssignmentResponse assignment, List<Assigning.StudentResult> students) {}

    @PostMapping("/api/v1/classes/{classId}/assignments")
    ResponseEntity<AssignmentResponse> assign(
            Actor actor, @PathVariable UUID classId, @Valid @RequestBody AssignRequest request) {
        var assignment = assigning.assign(
                actor,
                new ClassId(classId),
                request.title(),
                request.itemIds().stream().map(ItemId::new).toList(),
                request.dueAt());
        return ResponseEntity.created(URI.create("/api/v1/assignments/" + assignment.id() + "/results"))
                .body(AssignmentResponse.of(assignment));
    }

    @GetMapping("/api/v1/classes/{classId}/assignments")
    List<AssignmentResponse> ofClass(Actor actor, @PathVariable UUID classId) {
        return assigning.ofClass(actor, new ClassId(classId)).stream()
                .map(AssignmentResponse::of)
                .toList();
    }

    @GetMapping("/api/v1/assignments/{assignmentId}/results")
    ResultsResponse results(Actor actor, @PathVariable UUID assignmentId) {
        var results = assigning.results(actor, new AssignmentId(assignmentId));
        return new ResultsResponse(AssignmentResponse.of(results.assignment()), results.students());
    }
}
