package org.studyloop.classroom.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.studyloop.classroom.ClassId;
import org.studyloop.classroom.classes.Classes;
import org.studyloop.classroom.classes.ReadableCodes;
import org.studyloop.classroom.classes.Rosters.ClassSummary;
import org.studyloop.classroom.classes.SchoolClass;
import org.studyloop.identity.Actor;
import org.studyloop.identity.UserId;

/** The class calls of API.md: create, list, join, rotate the code, list and remove students, leave. */
@RestController
@RequestMapping("/api/v1/classes")
@Tag(name = "Classes and guardians")
class ClassesController {

    /** No control characters: a name is shown on one line in lists and pages. */
    private static final String ONE_LINE = "\\P{Cntrl}*";

    private final Classes classes;

    ClassesController(Classes classes) {
        this.classes = classes;
    }

    record CreateClassRequest(
            @NotBlank @Size(max = 100) @Pattern(regexp = ONE_LINE, message = "must be one line of text")
            String name,

            @Nullable UUID courseId) {}

    record JoinCodeResponse(UUID classId, String joinCode) {
        static JoinCodeResponse of(SchoolClass schoolClass) {
            return new JoinCodeResponse(schoolClass.classId().value(), schoolClass.joinCode());
        }
    }

    record JoinRequest(
            @NotNull
            @Pattern(
                    regexp = ReadableCodes.JOIN_CODE_PATTERN,
                    flags = Pattern.Flag.CASE_INSENSITIVE,
                    message = "must be the 8 letters and digits of a join code")
            String joinCode) {}

    record JoinResponse(UUID classId) {}

    /** A class in the caller's list; the join code only for the classes the caller teaches. */
    record ClassEntry(
            UUID classId,
            String name,
            @Nullable UUID courseId,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            String joinCode,

            int studentCount) {
        static ClassEntry of(ClassSummary summary) {
            return new ClassEntry(
                    summary.classId().value(),
                    summary.name(),
                    summary.courseId(),
                    summary.teaching() ? summary.joinCode() : null,
                    summary.studentCount());
        }
    }

    record Person(UUID userId, String displayName) {}

    /** One class; the join code only for those who manage it. */
    record ClassResponse(
            UUID classId,
            String name,
            @Nullable UUID courseId,
            Person teacher,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            String joinCode,

            int studentCount,
            Instant createdAt) {
        static ClassResponse of(Classes.ClassDetail detail) {
            var summary = detail.summary();
            return new ClassResponse(
                    summary.classId().value(),
                    summary.name(),
                    summary.courseId(),
                    new Person(summary.teacher().value(), detail.teacherName()),
                    detail.managing() ? summary.joinCode() : null,
                    summary.studentCount(),
                    summary.createdAt());
        }
    }

    @PostMapping
    ResponseEntity<JoinCodeResponse> create(Actor actor, @Valid @RequestBody CreateClassRequest request) {
        var created = classes.create(actor, request.name(), request.courseId());
        return ResponseEntity.created(URI.create("/api/v1/classes/" + created.classId()))
                .body(JoinCodeResponse.of(created));
    }

    @GetMapping
    List<ClassEntry> mine(Actor actor) {
        return classes.mine(actor).stream().map(ClassEntry::of).toList();
    }

    @GetMapping("/{classId}")
    ClassResponse view(Actor actor, @PathVariable UUID classId) {
        return ClassResponse.of(classes.view(actor, new ClassId(classId)));
    }

    @PostMapping("/{classId}/join-code")
    JoinCodeResponse rotateJoinCode(Actor actor, @PathVariable UUID classId) {
        return JoinCodeResponse.of(classes.rotateJoinCode(actor, new ClassId(classId)));
    }

    @PostMapping("/join")
    JoinResponse join(Actor actor, @Valid @RequestBody JoinRequest request) {
        return new JoinResponse(classes.join(actor, request.joinCode()).value());
    }

    @GetMapping("/{classId}/students")
    List<Person> students(Actor actor, @PathVariable UUID classId) {
        return classes.students(actor, new ClassId(classId)).stream()
                .map(s -> new Person(s.userId().value(), s.displayName()))
                .toList();
    }

    @DeleteMapping("/{classId}/students/{studentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeStudent(Actor actor, @PathVariable UUID classId, @PathVariable UUID studentId) {
        classes.removeStudent(actor, new ClassId(classId), new UserId(studentId));
    }

    @PostMapping("/{classId}/leave")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void leave(Actor actor, @PathVariable UUID classId) {
        classes.leave(actor, new ClassId(classId));
    }
}
