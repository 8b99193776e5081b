package org.studyloop.classroom.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.MediaType;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.PublishedEventsExtension;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.studyloop.classroom.ClassroomWebTestSupport;
import org.studyloop.classroom.classes.ReadableCodes;
import org.studyloop.identity.Actor;
import org.studyloop.identity.Role;
import org.studyloop.shared.Audited;
import org.studyloop.shared.ProblemType;

/** Guardian codes and links over HTTP, end to end, with their audit events. */
@ExtendWith(PublishedEventsExtension.class)
class GuardianWebTests extends ClassroomWebTestSupport {

    Actor sam;
    Actor sid;
    Actor pat;
    Actor per;
    Actor teacher;
    Actor admin;

    @BeforeEach
    void people() {
        var accounts = accounts();
        sam = accounts.create("Sam Student", Role.STUDENT);
        sid = accounts.create("Sid Student", Role.STUDENT);
        pat = accounts.create("Pat Parent", Role.PARENT);
        per = accounts.create("Per Parent", Role.PARENT);
        teacher = accounts.create("Tess Teacher", Role.TEACHER);
        admin = accounts.create("Ann Admin", Role.ADMIN);
    }

    private ResultActions send(MockHttpServletRequestBuilder request, Actor actor) throws Exception {
        return mvc.perform(request.with(as(actor)));
    }

    private ResultActions link(String code, Actor parent) throws Exception {
        return send(
                post("/api/v1/guardians/link")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json("code", code)),
                parent);
    }

    private String codeFor(Actor student) throws Exception {
        return read(
                send(post("/api/v1/me/guardian-codes"), student)
                        .andExpect(status().isCreated())
                        .andReturn(),
                "$.code");
    }

    private static void problem(ResultActions result, ProblemType type) throws Exception {
        result.andExpect(status().is(type.status().value()))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(type.uri().toString()));
    }

    @Test
    void aParentLinksWithACodeAndTheStudentRevokes(AssertablePublishedEvents events) throws Exception {
        var before = Instant.now();
        var issued = send(post("/api/v1/me/guardian-codes"), sam)
                .andExpect(status().isCreated())
                .andReturn();
        String code = read(issued, "$.code");
        Instant expiresAt = Instant.parse(read(issued, "$.expiresAt"));
        assertThat(code).matches(ReadableCodes.GUARDIAN_CODE_PATTERN);
        assertThat(expiresAt)
                .isBetween(before.plus(Duration.ofHours(48)), Instant.now().plus(Duration.ofHours(48)));

        link(code.toLowerCase(Locale.ROOT), pat)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.studentId").value(sam.userId().toString()));
        problem(link(code, per), ProblemType.NOT_FOUND);

        send(get("/api/v1/me/children"), pat)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].studentId").value(sam.userId().toString()))
                .andExpect(jsonPath("$[0].displayName").value("Sam Student"))
                .andExpect(jsonPath("$[0].linkedAt").exists());
        send(get("/api/v1/me/guardians"), sam)
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].guardianId").value(pat.userId().toString()))
                .andExpect(jsonPath("$[0].displayName").value("Pat Parent"));

        send(delete("/api/v1/me/guardians/" + pat.userId()), sam).andExpect(status().isNoContent());
        problem(send(delete("/api/v1/me/guardians/" + pat.userId()), sam), ProblemType.NOT_FOUND);
        send(get("/api/v1/me/children"), pat).andExpect(jsonPath("$", hasSize(0)));
        send(get("/api/v1/me/guardians"), sam).andExpect(jsonPath("$", hasSize(0)));

        assertThat(events)
                .contains(Audited.class)
                .matching(e -> e.action().equals("classroom.guardian.linked"))
                .matching(e -> sam.userId().value().equals(e.subjectId()))
                .matching(e -> pat.userId().value().equals(e.actorId()));
        assertThat(events)
                .contains(Audited.class)
                .matching(e -> e.action().equals("classroom.guardian.unlinked"))
                .matching(e -> sam.userId().value().equals(e.subjectId()));
        // Audit entries name people by id only: never the code, never an address.
        assertThat(events.ofType(Audited.class)
                        .matching(e -> sam.userId().value().equals(e.subjectId())))
                .allSatisfy(e -> assertThat(e.toString()).doesNotContain(code, "@"));
    }

    @Test
    void aTeacherOrAnAdministratorMakesACodeForTheStudent() throws Exception {
        var created = send(
                        post("/api/v1/classes")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(json("name", "Year 9")),
                        teacher)
                .andReturn();
        send(
                        post("/api/v1/classes/join")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(json("joinCode", read(created, "$.joinCode"))),
                        sam)
                .andExpect(status().isOk());
        var path = "/api/v1/users/" + sam.userId() + "/guardian-codes";

        String code =
                read(send(post(path), teacher).andExpect(status().isCreated()).andReturn(), "$.code");
        link(code, pat).andExpect(status().isOk());
        send(post(path), admin)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.expiresAt").exists());
        send(post(path), sam).andExpect(status().isCreated());

        // Sam's linked parent may see Sam, so refusing them is a 403; strangers find nothing.
        problem(send(post(path), pat), ProblemType.FORBIDDEN);
        problem(send(post(path), per), ProblemType.NOT_FOUND);
        problem(send(post(path), sid), ProblemType.NOT_FOUND);
        var otherTeacher = accounts().create("Otto Teacher", Role.TEACHER);
        problem(send(post(path), otherTeacher), ProblemType.NOT_FOUND);
        problem(send(post("/api/v1/users/" + teacher.userId() + "/guardian-codes"), admin), ProblemType.NOT_FOUND);
        problem(send(post("/api/v1/users/" + UUID.randomUUID() + "/guardian-codes"), admin), ProblemType.NOT_FOUND);
    }

    @Test
    void anExpiredCodeLinksNobody() throws Exception {
        var code = codeFor(sam);
        jdbc.sql("update classroom.guardian_codes set expires_at = now() - interval '1 second' where student_id = :s")
                .param("s", sam.userId().value())
                .update();

        problem(link(code, pat), ProblemType.NOT_FOUND);
        send(get("/api/v1/me/children"), pat).andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void codesAreStoredOnlyAsHashes() throws Exception {
        var code = codeFor(sam);

        var stored = jdbc.sql("select code_hash from classroom.guardian_codes where student_id = :s")
                .param("s", sam.userId().value())
                .query(String.class)
                .list();
        assertThat(stored)
                .hasSize(1)
                .allSatisfy(hash -> assertThat(hash).hasSize(64).doesNotContainIgnoringCase(code));
    }

    @Test
    void nobodyIsTheirOwnGuardianAndTheCodeSurvivesTheAttempt() throws Exception {
        var both = accounts().create("Bo Both", Role.STUDENT, Role.PARENT);
        var code = codeFor(both);

        link(code, both)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        link(code, pat)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.studentId").value(both.userId().toString()));
    }

    @Test
    void onlyParentsLinkAndOnlyStudentsMakeTheirOwnCodes() throws Exception {
        var code = codeFor(sam);

        problem(link(code, sid), ProblemType.FORBIDDEN);
        problem(link(code, teacher), ProblemType.FORBIDDEN);
        problem(send(post("/api/v1/me/guardian-codes"), pat), ProblemType.FORBIDDEN);
        link(code, pat).andExpect(status().isOk());
    }

    @Test
    void malformedCodesAre400sNamingTheField() throws Exception {
        for (var bad : new String[] {"", "ABCDEFGH", "ABCDEFGHJKM", "ABCDEFGHJ0", "ABCDE FGHJ"}) {
            link(bad, pat)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors", hasSize(1)))
                    .andExpect(jsonPath("$.errors[0].field").value("code"));
        }
        send(delete("/api/v1/me/guardians/not-a-uuid"), sam)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("guardianId"));
        problem(link("ABCDEFGHJK", pat), ProblemType.NOT_FOUND);
    }

    @Test
    void wrongCodesAreCappedPerAccount() throws Exception {
        var code = codeFor(sam);
        for (var attempt = 0; attempt < 10; attempt++) {
            problem(link("ABCDEFGHJK", per), ProblemType.NOT_FOUND);
        }

        problem(link(code, per), ProblemType.TOO_MANY_REQUESTS);
        link(code, pat).andExpect(status().isOk());
    }
}
