package org.studyloop.classroom.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.studyloop.classroom.classes.ReadableCodes;
import org.studyloop.classroom.guardians.Guardians;
import org.studyloop.identity.Actor;
import org.studyloop.identity.UserId;

/**
 * The guardian calls: codes for students, linking for parents, each side's list, revocation.
 *
 * <p>The client address for the audit log is the container's remote address: behind a proxy the
 * operator sets {@code server.forward-headers-strategy}, and no forwarding header, which any client
 * could forge, is read here.
 */
@RestController
@Tag(name = "Classes and guardians")
class GuardiansController {

    private final Guardians guardians;

    GuardiansController(Guardians guardians) {
        this.guardians = guardians;
    }

    record CodeResponse(String code, Instant expiresAt) {
        static CodeResponse of(Guardians.IssuedCode issued) {
            return new CodeResponse(issued.code(), issued.expiresAt());
        }
    }

    record LinkRequest(
            @NotNull
            @Pattern(
                    regexp = ReadableCodes.GUARDIAN_CODE_PATTERN,
                    flags = Pattern.Flag.CASE_INSENSITIVE,
                    message = "must be the 10 letters and digits of a guardian code")
            String code) {}

    record LinkResponse(UUID studentId) {}

    record GuardianEntry(UUID guardianId, String displayName, Instant linkedAt) {}

    record ChildEntry(UUID studentId, String displayName, Instant linkedAt) {}

    @PostMapping("/api/v1/me/guardian-codes")
    @ResponseStatus(HttpStatus.CREATED)
    CodeResponse myCode(Actor actor, HttpServletRequest http) {
        return CodeResponse.of(guardians.issueCode(actor, actor.userId(), http.getRemoteAddr()));
    }

    @PostMapping("/api/v1/users/{studentId}/guardian-codes")
    @ResponseStatus(HttpStatus.CREATED)
    CodeResponse codeFor(Actor actor, @PathVariable UUID studentId, HttpServletRequest http) {
        return CodeResponse.of(guardians.issueCode(actor, new UserId(studentId), http.getRemoteAddr()));
    }

    @PostMapping("/api/v1/guardians/link")
    LinkResponse link(Actor actor, @Valid @RequestBody LinkRequest request, HttpServletRequest http) {
        return new LinkResponse(
                guardians.link(actor, request.code(), http.getRemoteAddr()).value());
    }

    @GetMapping("/api/v1/me/guardians")
    List<GuardianEntry> myGuardians(Actor actor) {
        return guardians.guardiansOf(actor).stream()
                .map(g -> new GuardianEntry(g.userId().value(), g.displayName(), g.linkedAt()))
                .toList();
    }

    @DeleteMapping("/api/v1/me/guardians/{guardianId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(Actor actor, @PathVariable UUID guardianId, HttpServletRequest http) {
        guardians.revoke(actor, new UserId(guardianId), http.getRemoteAddr());
    }

    @GetMapping("/api/v1/me/children")
    List<ChildEntry> myChildren(Actor actor) {
        return guardians.childrenOf(actor).stream()
                .map(c -> new ChildEntry(c.userId().value(), c.displayName(), c.linkedAt()))
                .toList();
    }
}
