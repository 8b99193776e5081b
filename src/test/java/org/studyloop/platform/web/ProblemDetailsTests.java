package org.studyloop.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.studyloop.HttpProbe;
import org.studyloop.identity.Actor;
import org.studyloop.identity.Role;
import org.studyloop.identity.UserId;
import org.studyloop.identity.token.AccessTokens;
import org.studyloop.shared.ProblemException;
import org.studyloop.shared.ProblemType;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ProblemDetailsTests.ProbeController.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProblemDetailsTests {

    /** A Java class name, a stack frame or SQL: none may reach a client. */
    private static final Pattern INTERNALS = Pattern.compile(
            "(\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z]\\w*)|(\\bat [a-z]+\\.)|(Exception)|(\\bselect\\b.*\\bfrom\\b)",
            Pattern.CASE_INSENSITIVE);

    private final List<String> errorBodies = new ArrayList<>();

    @LocalServerPort
    int port;

    record Enrolment(@NotBlank String name, @Min(0) int age) {}

    @RestController
    static class ProbeController {

        @PostMapping("/api/v1/probe")
        Enrolment enrol(@Valid @RequestBody Enrolment enrolment) {
            return enrolment;
        }

        @GetMapping("/api/v1/probe/boom")
        String boom() {
            throw new IllegalStateException("secret internal state at org.studyloop.Internal");
        }

        @GetMapping("/api/v1/probe/conflict")
        String conflict() {
            throw new ProblemException(ProblemType.CONFLICT, "The class already has this name.");
        }
    }

    private HttpResponse<String> problem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        var body = HttpProbe.json(response);
        assertThat(body.path("type").asString()).isEqualTo(ProblemType.BASE_URI + type);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("title").asString()).isNotBlank();
        assertThat(body.path("detail").asString()).isNotBlank();
        errorBodies.add(response.body());
        return response;
    }

    @Autowired
    AccessTokens tokens;

    /** API calls carry a valid access token: errors here are about the request, not its caller. */
    private HttpProbe http() {
        var actor = new Actor(new UserId(UUID.randomUUID()), Set.of(Role.STUDENT));
        return new HttpProbe(port).withBearer(tokens.issue(actor, false).value());
    }

    @Test
    void malformedJsonIsA400ProblemThatSaysWhere() {
        var response = problem(http().post("/api/v1/probe", "{\"name\": \"Ada\", "), 400, "malformed-request");
        assertThat(HttpProbe.json(response).path("detail").asString()).contains("not well-formed JSON", "line 1");
    }

    @Test
    void missingBodyIsA400Problem() {
        var response = problem(http().post("/api/v1/probe", ""), 400, "malformed-request");
        assertThat(HttpProbe.json(response).path("detail").asString()).isEqualTo("The request body is missing.");
    }

    @Test
    void validationNamesEveryInvalidField() {
        var response = problem(http().post("/api/v1/probe", "{\"name\": \" \", \"age\": -3}"), 400, "validation");
        var errors = HttpProbe.json(response).path("errors");
        assertThat(errors.valueStream().map(e -> e.path("field").asString())).containsExactlyInAnyOrder("name", "age");
        assertThat(errors.valueStream().map(e -> e.path("message").asString()))
                .allSatisfy(message -> assertThat(message).isNotBlank());
    }

    @Test
    void aValueOfTheWrongTypeNamesTheField() {
        var response =
                problem(http().post("/api/v1/probe", "{\"name\": \"Ada\", \"age\": \"old\"}"), 400, "validation");
        var error = HttpProbe.json(response).path("errors").get(0);
        assertThat(error.path("field").asString()).isEqualTo("age");
        assertThat(error.path("message").asString()).isEqualTo("must be a number");
    }

    @Test
    void unknownPathsAre404Problems() {
        problem(http().get("/api/v1/no-such-thing"), 404, "not-found");
        problem(new HttpProbe(port).get("/no/such/page"), 404, "not-found");
    }

    @Test
    void wrongMethodIs405WithAllow() {
        var response = problem(
                http().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/probe"))
                        .DELETE()),
                405,
                "method-not-allowed");
        assertThat(response.headers().firstValue("Allow"))
                .hasValueSatisfying(allow -> assertThat(allow).contains("POST"));
    }

    @Test
    void wrongContentTypeIs415() {
        problem(
                http().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/probe"))
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("hello"))),
                415,
                "unsupported-media-type");
    }

    @Test
    void anUnexpectedErrorIsA500ThatNamesOnlyTheRequestId() {
        var response = problem(http().get("/api/v1/probe/boom"), 500, "internal");
        var requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(HttpProbe.json(response).path("requestId").asString()).isEqualTo(requestId);
        assertThat(response.body()).doesNotContain("secret internal state");
    }

    @Test
    void aModuleProblemKeepsItsTypeAndDetail() {
        var response = problem(http().get("/api/v1/probe/conflict"), 409, "conflict");
        assertThat(HttpProbe.json(response).path("detail").asString()).isEqualTo("The class already has this name.");
    }

    @Test
    void aBodyOverTheLimitIs413() {
        var big = "{\"name\": \"" + "x".repeat(1_100_000) + "\", \"age\": 1}";
        problem(http().post("/api/v1/probe", big), 413, "payload-too-large");
    }

    @Test
    void aChunkedBodyOverTheLimitIs413() {
        var big = "{\"name\": \"" + "x".repeat(1_100_000) + "\", \"age\": 1}";
        var chunks = HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofString(big));
        problem(
                http().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/probe"))
                        .header("Content-Type", "application/json")
                        .POST(chunks)),
                413,
                "payload-too-large");
    }

    @AfterAll
    void noErrorBodyCarriesInternals() {
        assertThat(errorBodies).hasSizeGreaterThanOrEqualTo(10);
        assertThat(errorBodies)
                .allSatisfy(body -> assertThat(INTERNALS.matcher(body).find())
                        .as("internals in %s", body)
                        .isFalse());
    }
}
