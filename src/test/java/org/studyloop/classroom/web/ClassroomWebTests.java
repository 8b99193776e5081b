package org.studyloop.classroom.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.MediaType;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.PublishedEventsExtension;
import org.springframework.test.web.servlet.ResultActions;
import org.studyloop.classroom.ClassroomWebTestSupport;
import org.studyloop.classroom.StudentJoinedClass;
import org.studyloop.classroom.classes.ReadableCodes;
import org.studyloop.identity.Actor;
import org.studyloop.identity.Role;
import org.studyloop.shared.ProblemType;

/** The class calls over HTTP, end to end: tokens, validation, the access policy, the database. */
@ExtendWith(PublishedEventsExtension.class)
class ClassroomWebTests extends ClassroomWebTestSupport {

    Actor teacher;
    Actor otherTeacher;
    Actor ada;
    Actor ben;
    Actor admin;

    @BeforeEach
    void people() {
        var accounts = accounts();
        teacher = accounts.create("Tess Teacher", Role.TEACHER);
        otherTeacher = accounts.create("Otto Teacher", Role.TEACHER);
        ada = accounts.create("Ada Student", Role.STUDENT);
        ben = accounts.create("Ben Student", Role.STUDENT);
        admin = accounts.create("Ann Admin", Role.ADMIN);
    }

    private ResultActions send(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, Actor actor)
            throws Exception {
        return mvc.perform(request.with(as(actor)));
    }

    private ResultActions postJson(String path, String body, Actor actor) throws Exception {
        return send(post(path).contentType(MediaType.APPLICATION_JSON).content(body), actor);
    }

    private String createClass(Actor by, String name) throws Exception {
        var created = postJson("/api/v1/classes", json("name", name), by)
                .andExpect(status().isCreated())
                .andReturn();
        return read(created, "$.classId");
    }

    private String joinCodeOf(String classId) throws Exception {
        return read(send(get("/api/v1/classes/" + classId), teacher).andReturn(), "$.joinCode");
    }

    private static void problem(ResultActions result, ProblemType type) throws Exception {
        result.andExpect(status().is(type.status().value()))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(type.uri().toString()));
    }

    @Test
    void aClassFromCreationToTheLastStudentLeaving() throws Exception {
        var created = postJson("/api/v1/classes", json("name", "Algebra 1"), teacher)
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andReturn();
        String classId = read(created, "$.classId");
        String code = read(created, "$.joinCode");
        assertThat(code).matches(ReadableCodes.JOIN_CODE_PATTERN);

        // Students may type the code in lower case; joining twice is still one membership.
        for (var attempt = 0; attempt < 2; attempt++) {
            postJson("/api/v1/classes/join", json("joinCode", code.toLowerCase(java.util.Locale.ROOT)), ada)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.classId").value(classId));
        }
        postJson("/api/v1/classes/join", json("joinCode", code), ben).andExpect(status().isOk());

        send(get("/api/v1/classes/" + classId + "/students"), teacher)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].userId").value(ada.userId().toString()))
                .andExpect(jsonPath("$[0].displayName").value("Ada Student"))
                .andExpect(jsonPath("$[1].displayName").value("Ben Student"));
        send(get("/api/v1/classes"), teacher)
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].joinCode").value(code))
                .andExpect(jsonPath("$[0].studentCount").value(2));
        send(get("/api/v1/classes"), ada)
                .andExpect(jsonPath("$[0].classId").value(classId))
                .andExpect(jsonPath("$[0].name").value("Algebra 1"))
                .andExpect(jsonPath("$[0].joinCode").doesNotExist());
        send(get("/api/v1/classes/" + classId), ada)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.teacher.displayName").value("Tess Teacher"))
                .andExpect(jsonPath("$.joinCode").doesNotExist());

        var rotated = send(post("/api/v1/classes/" + classId + "/join-code"), teacher)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.classId").value(classId))
                .andReturn();
        String newCode = read(rotated, "$.joinCode");
        assertThat(newCode).isNotEqualTo(code).matches(ReadableCodes.JOIN_CODE_PATTERN);
        var carl = accounts().create("Carl Student", Role.STUDENT);
        problem(postJson("/api/v1/classes/join", json("joinCode", code), carl), ProblemType.NOT_FOUND);
        postJson("/api/v1/classes/join", json("joinCode", newCode), carl).andExpect(status().isOk());

        send(delete("/api/v1/classes/" + classId + "/students/" + ada.userId()), teacher)
                .andExpect(status().isNoContent());
        problem(send(get("/api/v1/classes/" + classId), ada), ProblemType.NOT_FOUND);
        problem(
                send(delete("/api/v1/classes/" + classId + "/students/" + ada.userId()), teacher),
                ProblemType.NOT_FOUND);

        send(post("/api/v1/classes/" + classId + "/leave"), ben).andExpect(status().isNoContent());
        problem(send(post("/api/v1/classes/" + classId + "/leave"), ben), ProblemType.NOT_FOUND);
        send(get("/api/v1/classes/" + classId + "/students"), teacher)
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].userId").value(carl.userId().toString()));
    }

    @Test
    void classesAreInvisibleToThoseWhoMayNotSeeThem() throws Exception {
        var classId = createClass(teacher, "Physics");
        postJson("/api/v1/classes/join", json("joinCode", joinCodeOf(classId)), ada)
                .andExpect(status().isOk());
        var base = "/api/v1/classes/" + classId;

        problem(send(get(base), otherTeacher), ProblemType.NOT_FOUND);
        problem(send(get(base), ben), ProblemType.NOT_FOUND);
        problem(send(get(base + "/students"), otherTeacher), ProblemType.NOT_FOUND);
        problem(send(get(base + "/students"), ada), ProblemType.NOT_FOUND);
        problem(send(post(base + "/join-code"), otherTeacher), ProblemType.NOT_FOUND);
        problem(send(delete(base + "/students/" + ada.userId()), otherTeacher), ProblemType.NOT_FOUND);
        problem(send(get("/api/v1/classes/" + UUID.randomUUID()), teacher), ProblemType.NOT_FOUND);
        send(get("/api/v1/classes"), otherTeacher).andExpect(jsonPath("$", hasSize(0)));

        send(get(base), admin)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.joinCode").exists());
        send(get(base + "/students"), admin).andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(1)));
    }

    @Test
    void theWrongRoleIsRefusedWith403() throws Exception {
        var classId = createClass(teacher, "Chemistry");
        var code = joinCodeOf(classId);
        var parent = accounts().create("Pat Parent", Role.PARENT);
        postJson("/api/v1/classes/join", json("joinCode", code), ada).andExpect(status().isOk());

        problem(postJson("/api/v1/classes", json("name", "Mine"), ada), ProblemType.FORBIDDEN);
        problem(postJson("/api/v1/classes", json("name", "Mine"), parent), ProblemType.FORBIDDEN);
        problem(postJson("/api/v1/classes/join", json("joinCode", code), otherTeacher), ProblemType.FORBIDDEN);
        // Ada sees her class, so refusing her its teacher's actions reveals nothing: 403, not 404.
        problem(send(post("/api/v1/classes/" + classId + "/join-code"), ada), ProblemType.FORBIDDEN);
        problem(send(delete("/api/v1/classes/" + classId + "/students/" + ada.userId()), ada), ProblemType.FORBIDDEN);
        createClass(admin, "Run by an administrator");
    }

    @Test
    void invalidInputIsA400ThatNamesTheField() throws Exception {
        problem(postJson("/api/v1/classes", json("name", " "), teacher), ProblemType.VALIDATION);
        postJson("/api/v1/classes", json("name", "x".repeat(101)), teacher)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        postJson("/api/v1/classes", "{\"name\": \"Line one\\nline two\"}", teacher)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        postJson("/api/v1/classes", "{\"name\": \"Biology\", \"courseId\": \"not-a-uuid\"}", teacher)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("courseId"));
        for (var bad : new String[] {"ABC", "ABCDEFG0", "ABCDEFGHJ", "ABCD EFG"}) {
            postJson("/api/v1/classes/join", json("joinCode", bad), ada)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors", hasSize(1)))
                    .andExpect(jsonPath("$.errors[0].field").value("joinCode"));
        }
        postJson("/api/v1/classes/join", "{}", ada)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("joinCode"));
        send(get("/api/v1/classes/not-a-uuid"), teacher)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("classId"));
    }

    @Test
    void aCourseIdIsKept() throws Exception {
        var courseId = UUID.randomUUID();
        var created = postJson(
                        "/api/v1/classes", "{\"name\": \"SAT prep\", \"courseId\": \"" + courseId + "\"}", teacher)
                .andExpect(status().isCreated())
                .andReturn();
        send(get("/api/v1/classes/" + read(created, "$.classId")), teacher)
                .andExpect(jsonPath("$.courseId").value(courseId.toString()))
                .andExpect(jsonPath("$.studentCount").value(0));
    }

    @Test
    void joiningPublishesStudentJoinedClassOnce(AssertablePublishedEvents events) throws Exception {
        var classId = createClass(teacher, "History");
        var code = joinCodeOf(classId);

        postJson("/api/v1/classes/join", json("joinCode", code), ada).andExpect(status().isOk());
        postJson("/api/v1/classes/join", json("joinCode", code), ada).andExpect(status().isOk());

        assertThat(events)
                .contains(StudentJoinedClass.class)
                .matching(e -> e.studentId().equals(ada.userId()))
                .matching(e -> e.classId().toString().equals(classId));
        assertThat(events.ofType(StudentJoinedClass.class)
                        .matching(e -> e.studentId().equals(ada.userId())))
                .hasSize(1);
    }
}
