package org.studyloop.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.studyloop.access.Caller.ADMIN;
import static org.studyloop.access.Caller.ANONYMOUS;
import static org.studyloop.access.Caller.LINKED_PARENT;
import static org.studyloop.access.Caller.OTHER_PARENT;
import static org.studyloop.access.Caller.OTHER_STUDENT;
import static org.studyloop.access.Caller.OTHER_TEACHER;
import static org.studyloop.access.Caller.OWNER_STUDENT;
import static org.studyloop.access.Caller.TEACHER_OF_CLASS;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.studyloop.HttpProbe;
import org.studyloop.HttpTest;
import org.studyloop.catalog.CatalogTestSupport;
import org.studyloop.catalog.store.Ids;
import org.studyloop.identity.IdentityClient;

/**
 * The access policy, tested on every endpoint the running application maps: the endpoints are
 * read from Spring MVC, so a new endpoint without a row here fails this test. Each row is probed
 * by each of eight callers, in a fresh world: a class taught by TEACHER_OF_CLASS with
 * OWNER_STUDENT in it, and OWNER_STUDENT linked to LINKED_PARENT. Denied reads of someone's data
 * are 404, so that existence does not leak; refusals of what the caller may see but not do are
 * 403; no credentials 401. Lists of one's own (guardians, children, classes) are empty, not
 * refused, for the roles that have none.
 */
@HttpTest
class AuthorizationMatrixTests {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcClient jdbc;

    private record Account(String email, String userId, String token) {}

    /** The data one probe runs against, made anew for each probe. */
    record World(
            String classId,
            String joinCode,
            String guardianCode,
            Map<Caller, String> userIds,
            String sessionId,
            String itemId,
            String assignmentId,
            String conversationId) {}

    private record Row(Function<World, String> path, Function<World, String> body, Expect expect) {}

    private final Map<String, Row> rows = new LinkedHashMap<>();

    private void row(
            String method, String pattern, Function<World, String> path, Function<World, String> body, Expect expect) {
        rows.put(method + " " + pattern, new Row(path, body, expect));
    }

    private void row(String method, String pattern, Function<World, String> body, Expect expect) {
        row(method, pattern, w -> pattern, body, expect);
    }

    private static Function<World, String> none() {
        return w -> "";
    }

    private static Function<World, String> json(String json) {
        return w -> json;
    }

    private void table() {
        var bogus = "not-a-real-token-0123456789";
        // Accounts (public)
        row(
                "POST",
                "/api/v1/auth/register",
                w -> HttpProbe.toJson(Map.of(
                        "email",
                        IdentityClient.uniqueEmail("matrix"),
                        "password",
                        IdentityClient.PASSWORD,
                        "displayName",
                        "M")),
                Expect.everyone(201));
        row("POST", "/api/v1/auth/verify-email", json("{\"token\":\"" + bogus + "\"}"), Expect.everyone(400));
        row(
                "POST",
                "/api/v1/auth/verify-email/resend",
                w -> HttpProbe.toJson(Map.of("email", IdentityClient.uniqueEmail("x"))),
                Expect.everyone(202));
        row(
                "POST",
                "/api/v1/auth/login",
                w -> HttpProbe.toJson(
                        Map.of("email", accounts.get(OTHER_STUDENT).email(), "password", IdentityClient.PASSWORD)),
                Expect.everyone(200));
        row("POST", "/api/v1/auth/refresh", json("{\"refreshToken\":\"" + bogus + "\"}"), Expect.everyone(401));
        row("POST", "/api/v1/auth/logout", json("{\"refreshToken\":\"" + bogus + "\"}"), Expect.everyone(204));
        row(
                "POST",
                "/api/v1/auth/password-reset",
                w -> HttpProbe.toJson(Map.of("email", IdentityClient.uniqueEmail("y"))),
                Expect.everyone(202));
        row(
                "POST",
                "/api/v1/auth/password-reset/confirm",
                json("{\"token\":\"" + bogus + "\",\"newPassword\":\"a long enough new passphrase\"}"),
                Expect.everyone(400));
        row("GET", "/.well-known/jwks.json", none(), Expect.everyone(200));
        // The signed-in person's own account
        row("GET", "/api/v1/me", none(), Expect.signedIn(200));
        row("PATCH", "/api/v1/me", json("{\"locale\":\"en\"}"), Expect.signedIn(200));
        row(
                "POST",
                "/api/v1/me/password",
                json("{\"currentPassword\":\"certainly not it\",\"newPassword\":\"a long enough new passphrase\"}"),
                Expect.signedIn(400));
        row("POST", "/api/v1/me/mfa/totp", none(), Expect.signedIn(200).and(409, ADMIN));
        // The row above started an enrolment for everyone but the administrator, whose MFA is on.
        row(
                "POST",
                "/api/v1/me/mfa/totp/confirm",
                json("{\"code\":\"000000\"}"),
                Expect.signedIn(400).and(409, ADMIN));
        row("POST", "/api/v1/me/mfa/disable", json("{\"code\":\"000000\"}"), Expect.signedIn(409));
        row(
                "POST",
                "/api/v1/me/mfa/recovery-codes",
                json("{\"code\":\"000000\"}"),
                Expect.signedIn(409).and(400, ADMIN));
        // Administration: ADMIN with MFA only
        var adminOnly = Expect.signedIn(403).and(200, ADMIN);
        row("GET", "/api/v1/admin/users", none(), adminOnly);
        row(
                "PUT",
                "/api/v1/admin/users/{userId}/roles",
                w -> "/api/v1/admin/users/" + w.userIds().get(OTHER_STUDENT) + "/roles",
                json("{\"roles\":[\"STUDENT\"]}"),
                Expect.signedIn(403).and(200, ADMIN));
        row("GET", "/api/v1/admin/audit", none(), Expect.signedIn(403).and(200, ADMIN));
        // Classes
        row(
                "POST",
                "/api/v1/classes",
                json("{\"name\":\"Algebra 2\"}"),
                Expect.signedIn(403).and(201, TEACHER_OF_CLASS, OTHER_TEACHER, ADMIN));
        row("GET", "/api/v1/classes", none(), Expect.signedIn(200));
        row(
                "GET",
                "/api/v1/classes/{classId}",
                w -> "/api/v1/classes/" + w.classId(),
                none(),
                Expect.signedIn(404).and(200, TEACHER_OF_CLASS, OWNER_STUDENT, ADMIN));
        row(
                "POST",
                "/api/v1/classes/{classId}/join-code",
                w -> "/api/v1/classes/" + w.classId() + "/join-code",
                none(),
                Expect.signedIn(404).and(200, TEACHER_OF_CLASS, ADMIN).and(403, OWNER_STUDENT));
        row(
                "POST",
                "/api/v1/classes/join",
                w -> HttpProbe.toJson(Map.of("joinCode", w.joinCode())),
                Expect.signedIn(403).and(200, OWNER_STUDENT, OTHER_STUDENT));
        row(
                "GET",
                "/api/v1/classes/{classId}/students",
                w -> "/api/v1/classes/" + w.classId() + "/students",
                none(),
                Expect.signedIn(404).and(200, TEACHER_OF_CLASS, ADMIN));
        row(
                "DELETE",
                "/api/v1/classes/{classId}/students/{studentId}",
                w -> "/api/v1/classes/" + w.classId() + "/students/"
                        + w.userIds().get(OWNER_STUDENT),
                none(),
                Expect.signedIn(404).and(204, TEACHER_OF_CLASS, ADMIN).and(403, OWNER_STUDENT));
        row(
                "POST",
                "/api/v1/classes/{classId}/leave",
                w -> "/api/v1/classes/" + w.classId() + "/leave",
                none(),
                Expect.signedIn(404).and(204, OWNER_STUDENT));
        // Practice: anyone signed in practises; a session is answered by its student only, and read by
        // those who may see the student (API.md, "Learner model"). OWNER_STUDENT's session is open.
        // These rows come before the guardian rows, which link OTHER_PARENT to OWNER_STUDENT for good.
        var learnerReaders = Expect.signedIn(404).and(200, OWNER_STUDENT, TEACHER_OF_CLASS, LINKED_PARENT, ADMIN);
        row(
                "POST",
                "/api/v1/practice/sessions",
                w -> "{\"mode\":\"ADAPTIVE\",\"courseId\":\"" + Ids.course(courseKey) + "\"}",
                Expect.signedIn(201));
        row(
                "GET",
                "/api/v1/practice/sessions/{sessionId}",
                w -> "/api/v1/practice/sessions/" + w.sessionId(),
                none(),
                learnerReaders);
        row(
                "POST",
                "/api/v1/practice/sessions/{sessionId}/answers",
                w -> "/api/v1/practice/sessions/" + w.sessionId() + "/answers",
                w -> HttpProbe.toJson(Map.of(
                        "itemId",
                        w.itemId(),
                        "response",
                        "4.5",
                        "idempotencyKey",
                        UUID.randomUUID().toString())),
                Expect.signedIn(404).and(200, OWNER_STUDENT));
        row(
                "POST",
                "/api/v1/practice/sessions/{sessionId}/hints",
                w -> "/api/v1/practice/sessions/" + w.sessionId() + "/hints",
                w -> HttpProbe.toJson(Map.of("itemId", w.itemId())),
                Expect.signedIn(404).and(200, OWNER_STUDENT));
        row(
                "POST",
                "/api/v1/practice/sessions/{sessionId}/finish",
                w -> "/api/v1/practice/sessions/" + w.sessionId() + "/finish",
                none(),
                Expect.signedIn(404).and(200, OWNER_STUDENT));
        row(
                "GET",
                "/api/v1/users/{userId}/practice/sessions",
                w -> "/api/v1/users/" + w.userIds().get(OWNER_STUDENT) + "/practice/sessions",
                none(),
                learnerReaders);
        row(
                "GET",
                "/api/v1/users/{userId}/dashboard",
                w -> "/api/v1/users/" + w.userIds().get(OWNER_STUDENT) + "/dashboard",
                none(),
                learnerReaders);
        row(
                "POST",
                "/api/v1/classes/{classId}/assignments",
                w -> "/api/v1/classes/" + w.classId() + "/assignments",
                w -> HttpProbe.toJson(Map.of(
                        "title",
                        "Quiz",
                        "itemIds",
                        java.util.List.of(Ids.item(courseKey, "lin-001").toString()),
                        "dueAt",
                        java.time.Instant.now().plusSeconds(86_400).toString())),
                Expect.signedIn(404).and(201, TEACHER_OF_CLASS, ADMIN).and(403, OWNER_STUDENT));
        row(
                "GET",
                "/api/v1/classes/{classId}/assignments",
                w -> "/api/v1/classes/" + w.classId() + "/assignments",
                none(),
                Expect.signedIn(404).and(200, TEACHER_OF_CLASS, OWNER_STUDENT, ADMIN));
        row(
                "GET",
                "/api/v1/assignments/{assignmentId}/results",
                w -> "/api/v1/assignments/" + w.assignmentId() + "/results",
                none(),
                Expect.signedIn(404).and(200, TEACHER_OF_CLASS, ADMIN));
        // Learner model (mastery): the student's own, their linked parent's, their class teacher's and
        // the administrator's to read; 404 for anyone else.
        for (var what : new String[] {"mastery", "focus-areas", "reviews/due", "recommendations", "predictions"}) {
            row(
                    "GET",
                    "/api/v1/users/{userId}/" + what,
                    w -> "/api/v1/users/" + w.userIds().get(OWNER_STUDENT) + "/" + what,
                    none(),
                    learnerReaders);
        }
        // Tutor: anyone signed in talks to the tutor; a conversation is its owner's alone (404 for
        // everyone else, the administrator included: a transcript is not learner data to inspect).
        row(
                "POST",
                "/api/v1/tutor/conversations",
                w -> "{\"courseId\":\"" + Ids.course(courseKey) + "\"}",
                Expect.signedIn(201));
        row("GET", "/api/v1/tutor/conversations", none(), Expect.signedIn(200));
        row(
                "GET",
                "/api/v1/tutor/conversations/{conversationId}",
                w -> "/api/v1/tutor/conversations/" + w.conversationId(),
                none(),
                Expect.signedIn(404).and(200, OWNER_STUDENT));
        row(
                "POST",
                "/api/v1/tutor/conversations/{conversationId}/messages",
                w -> "/api/v1/tutor/conversations/" + w.conversationId() + "/messages",
                json("{\"text\":\"What is a linear equation?\"}"),
                Expect.signedIn(404).and(200, OWNER_STUDENT));
        row(
                "DELETE",
                "/api/v1/tutor/conversations/{conversationId}",
                w -> "/api/v1/tutor/conversations/" + w.conversationId(),
                none(),
                Expect.signedIn(404).and(204, OWNER_STUDENT));
        // The class dashboard (insight): the class's teacher and administrators; 404 for anyone else.
        row(
                "GET",
                "/api/v1/classes/{classId}/dashboard",
                w -> "/api/v1/classes/" + w.classId() + "/dashboard",
                none(),
                Expect.signedIn(404).and(200, TEACHER_OF_CLASS, ADMIN));
        // Guardians
        row("POST", "/api/v1/me/guardian-codes", none(), Expect.signedIn(403).and(201, OWNER_STUDENT, OTHER_STUDENT));
        row(
                "POST",
                "/api/v1/users/{studentId}/guardian-codes",
                w -> "/api/v1/users/" + w.userIds().get(OWNER_STUDENT) + "/guardian-codes",
                none(),
                Expect.signedIn(404)
                        .and(201, OWNER_STUDENT, TEACHER_OF_CLASS, ADMIN)
                        .and(403, LINKED_PARENT));
        row(
                "POST",
                "/api/v1/guardians/link",
                w -> HttpProbe.toJson(Map.of("code", w.guardianCode())),
                Expect.signedIn(403).and(200, LINKED_PARENT, OTHER_PARENT));
        row("GET", "/api/v1/me/guardians", none(), Expect.signedIn(200));
        row(
                "DELETE",
                "/api/v1/me/guardians/{guardianId}",
                w -> "/api/v1/me/guardians/" + w.userIds().get(LINKED_PARENT),
                none(),
                Expect.signedIn(404).and(204, OWNER_STUDENT));
        row("GET", "/api/v1/me/children", none(), Expect.signedIn(200));
        // Catalog: reads for anyone signed in; authoring and imports for AUTHOR and ADMIN only, but for
        // a TEACHER's items private to their classes: teachers list theirs (none here) and are refused
        // the public items of these rows. The new item below is public, so teachers get 403.
        row("GET", "/api/v1/courses", none(), Expect.signedIn(200));
        row(
                "GET",
                "/api/v1/courses/{courseId}",
                w -> "/api/v1/courses/" + Ids.course(courseKey),
                none(),
                Expect.signedIn(200));
        row(
                "GET",
                "/api/v1/courses/{courseId}/skills/{skillId}/lessons",
                w -> "/api/v1/courses/" + Ids.course(courseKey) + "/skills/"
                        + Ids.skill(courseKey, "solve-linear-one-variable") + "/lessons",
                none(),
                Expect.signedIn(200));
        row(
                "GET",
                "/api/v1/lessons/{lessonId}/attachment",
                w -> "/api/v1/lessons/" + Ids.lesson(courseKey, "solving-linear-equations") + "/attachment",
                none(),
                Expect.signedIn(200));
        row(
                "GET",
                "/api/v1/items/{itemId}",
                w -> "/api/v1/items/" + Ids.item(courseKey, "lin-001"),
                none(),
                Expect.signedIn(200));
        row(
                "GET",
                "/api/v1/authoring/items",
                none(),
                Expect.signedIn(403).and(200, ADMIN, TEACHER_OF_CLASS, OTHER_TEACHER));
        row(
                "GET",
                "/api/v1/authoring/items/{itemId}",
                w -> "/api/v1/authoring/items/" + Ids.item(courseKey, "lin-001"),
                none(),
                Expect.signedIn(403).and(200, ADMIN));
        row(
                "POST",
                "/api/v1/authoring/items",
                w -> "{\"courseId\":\"" + Ids.course(courseKey) + "\",\"item\":" + numericItem("m-" + UUID.randomUUID())
                        + "}",
                Expect.signedIn(403).and(201, ADMIN));
        row(
                "PUT",
                "/api/v1/authoring/items/{itemId}",
                w -> "/api/v1/authoring/items/" + Ids.item(courseKey, "lin-003"),
                w -> numericItem("lin-003"),
                Expect.signedIn(403).and(200, ADMIN));
        row(
                "POST",
                "/api/v1/authoring/items/{itemId}/publish",
                w -> "/api/v1/authoring/items/" + Ids.item(courseKey, "lin-002") + "/publish",
                none(),
                Expect.signedIn(403).and(200, ADMIN));
        row(
                "POST",
                "/api/v1/authoring/items/{itemId}/retire",
                w -> "/api/v1/authoring/items/" + Ids.item(courseKey, "ord-001") + "/retire",
                none(),
                Expect.signedIn(403).and(200, ADMIN));
        row(
                "GET",
                "/api/v1/authoring/courses/{courseId}/pack",
                w -> "/api/v1/authoring/courses/" + Ids.course(courseKey) + "/pack",
                none(),
                Expect.signedIn(403).and(200, ADMIN));
        // Not a zip: the administrator's upload is a 400 problem, everyone else is refused first.
        row("POST", "/api/v1/content-packs", none(), Expect.signedIn(403).and(400, ADMIN));
        // Search: anyone signed in; what each may see is filtered, not refused
        row("GET", "/api/v1/search", w -> "/api/v1/search?q=linear+equations", none(), Expect.signedIn(200));
        // Platform: API documentation and the container's error page
        row("GET", "/v3/api-docs", none(), Expect.everyone(200));
        row("GET", "/v3/api-docs.yaml", none(), Expect.everyone(200));
        row("GET", "/v3/api-docs/swagger-config", none(), Expect.everyone(200));
        row("GET", "/swagger-ui.html", none(), Expect.everyone(302));
        row("ANY", "/error", none(), Expect.everyone(404));
        pages();
        // The learner model's status and the AI usage: ADMIN with MFA only, as the administration API
        // (an administrator without a second factor: SignInSecurityTests).
        row("GET", "/api/v1/ml/models/status", none(), Expect.signedIn(403).and(200, ADMIN));
        row("GET", "/api/v1/ai/usage", none(), Expect.signedIn(403).and(200, ADMIN));
    }

    private final Map<Caller, Account> accounts = new EnumMap<>(Caller.class);

    /** The catalog course the catalog rows read: the sample pack under a key of this run. */
    private final String courseKey = CatalogTestSupport.uniqueKey("matrix");

    private static String numericItem(String key) {
        return "{\"key\":\"" + key + "\",\"type\":\"NUMERIC\",\"skills\":[\"solve-linear-one-variable\"],"
                + "\"stem\":\"Halve 9.\",\"answer\":4.5,\"hints\":[\"Divide by 2.\"],\"solution\":\"4.5\"}";
    }

    private IdentityClient client;

    private void createAccounts() {
        var roles = Map.of(
                OWNER_STUDENT, "STUDENT",
                OTHER_STUDENT, "STUDENT",
                TEACHER_OF_CLASS, "TEACHER",
                OTHER_TEACHER, "TEACHER",
                LINKED_PARENT, "PARENT",
                OTHER_PARENT, "PARENT",
                ADMIN, "TEACHER");
        roles.forEach((caller, role) -> {
            var email = IdentityClient.uniqueEmail(caller.name().toLowerCase().replace('_', '-'));
            var userId = client.verifiedAccount(email, role);
            if (caller == ADMIN) {
                jdbc.sql("update identity.account_role set role = 'ADMIN' where account_id = :id")
                        .param("id", UUID.fromString(userId))
                        .update();
                accounts.put(caller, new Account(email, userId, client.adminWithMfa(email)));
            } else {
                accounts.put(caller, new Account(email, userId, client.accessToken(email)));
            }
        });
    }

    private HttpProbe as(Caller caller) {
        var http = new HttpProbe(port);
        return caller == ANONYMOUS ? http : http.withBearer(accounts.get(caller).token());
    }

    private World newWorld() {
        var created = as(TEACHER_OF_CLASS).post("/api/v1/classes", "{\"name\":\"Matrix class\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var classId = HttpProbe.json(created).path("classId").asString();
        var joinCode = HttpProbe.json(created).path("joinCode").asString();
        var joined = as(OWNER_STUDENT).post("/api/v1/classes/join", HttpProbe.toJson(Map.of("joinCode", joinCode)));
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
        var code = as(OWNER_STUDENT).post("/api/v1/me/guardian-codes", "");
        assertThat(code.statusCode()).as(code.body()).isEqualTo(201);
        var linked = as(LINKED_PARENT)
                .post(
                        "/api/v1/guardians/link",
                        HttpProbe.toJson(
                                Map.of("code", HttpProbe.json(code).path("code").asString())));
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
        var fresh = as(OWNER_STUDENT).post("/api/v1/me/guardian-codes", "");
        var userIds = new EnumMap<Caller, String>(Caller.class);
        accounts.forEach((caller, account) -> userIds.put(caller, account.userId()));
        var session = as(OWNER_STUDENT)
                .post(
                        "/api/v1/practice/sessions",
                        "{\"mode\":\"ADAPTIVE\",\"courseId\":\"" + Ids.course(courseKey) + "\"}");
        assertThat(session.statusCode()).as(session.body()).isEqualTo(201);
        var assignment = as(TEACHER_OF_CLASS)
                .post(
                        "/api/v1/classes/" + classId + "/assignments",
                        HttpProbe.toJson(Map.of(
                                "title",
                                "Quiz",
                                "itemIds",
                                java.util.List.of(Ids.item(courseKey, "lin-001").toString()),
                                "dueAt",
                                java.time.Instant.now().plusSeconds(86_400).toString())));
        assertThat(assignment.statusCode()).as(assignment.body()).isEqualTo(201);
        var conversation = as(OWNER_STUDENT)
                .post("/api/v1/tutor/conversations", "{\"courseId\":\"" + Ids.course(courseKey) + "\"}");
        assertThat(conversation.statusCode()).as(conversation.body()).isEqualTo(201);
        return new World(
                classId,
                joinCode,
                HttpProbe.json(fresh).path("code").asString(),
                userIds,
                HttpProbe.json(session).path("sessionId").asString(),
                HttpProbe.json(session).path("nextItem").path("itemId").asString(),
                HttpProbe.json(assignment).path("assignmentId").asString(),
                HttpProbe.json(conversation).path("conversationId").asString());
    }

    /**
     * The pages (docs/web.md) ride on a session cookie, never on a bearer token: to these callers,
     * who hold only tokens, the signed-in pages send to the sign-in page (302) and every form post
     * lacks its CSRF token (403). The open pages answer everyone.
     */
    private void pages() {
        for (var open : List.of("/", "/offline", "/login", "/signup", "/verify-email", "/reset-password")) {
            row("GET", open, none(), Expect.everyone(200));
        }
        for (var form : List.of("/signup", "/reset-password/request", "/reset-password")) {
            row("POST", form, none(), Expect.everyone(403));
        }
        for (var signedIn : List.of(
                "/dashboard",
                "/practice",
                "/teacher/classes",
                "/classes",
                "/parent",
                "/settings",
                "/practice/history",
                "/admin/models",
                "/admin/users",
                "/admin/audit",
                "/author/items/new",
                "/author/courses",
                "/author/templates",
                "/author/packs",
                "/tutor",
                "/search")) {
            row("GET", signedIn, none(), Expect.everyone(302));
        }
        row(
                "GET",
                "/author/courses/{courseId}",
                w -> "/author/courses/" + Ids.course(courseKey),
                none(),
                Expect.everyone(302));
        row(
                "GET",
                "/lessons/{lessonId}",
                w -> "/lessons/" + Ids.lesson(courseKey, "solving-linear-equations"),
                none(),
                Expect.everyone(302));
        for (var authorPage : List.of("edit", "hints")) {
            row(
                    "GET",
                    "/author/items/{itemId}/" + authorPage,
                    w -> "/author/items/" + w.itemId() + "/" + authorPage,
                    none(),
                    Expect.everyone(302));
        }
        row(
                "GET",
                "/students/{studentId}",
                w -> "/students/" + w.userIds().get(Caller.OWNER_STUDENT),
                none(),
                Expect.everyone(302));
        row(
                "GET",
                "/practice/sessions/{sessionId}",
                w -> "/practice/sessions/" + w.sessionId(),
                none(),
                Expect.everyone(302));
        row("GET", "/teacher/classes/{classId}", w -> "/teacher/classes/" + w.classId(), none(), Expect.everyone(302));
        row(
                "GET",
                "/teacher/classes/{classId}/heatmap",
                w -> "/teacher/classes/" + w.classId() + "/heatmap",
                none(),
                Expect.everyone(302));
        row(
                "GET",
                "/teacher/classes/{classId}/assignments",
                w -> "/teacher/classes/" + w.classId() + "/assignments",
                none(),
                Expect.everyone(302));
        row(
                "GET",
                "/teacher/assignments/{assignmentId}",
                w -> "/teacher/assignments/" + w.assignmentId(),
                none(),
                Expect.everyone(302));
        for (var form : List.of(
                "/practice/sessions",
                "/teacher/classes",
                "/classes/join",
                "/classes/guardian-code",
                "/parent/link",
                "/settings/profile",
                "/settings/password",
                "/settings/mfa/begin",
                "/settings/mfa/confirm",
                "/settings/mfa/disable",
                "/author/items",
                "/author/items/preview",
                "/author/hints/preview",
                "/author/templates",
                "/author/packs",
                "/tutor/conversations")) {
            row("POST", form, none(), Expect.everyone(403));
        }
        row(
                "POST",
                "/practice/sessions/{sessionId}/answers",
                w -> "/practice/sessions/" + w.sessionId() + "/answers",
                none(),
                Expect.everyone(403));
        row(
                "POST",
                "/admin/users/{userId}/roles",
                w -> "/admin/users/" + w.userIds().get(Caller.OWNER_STUDENT) + "/roles",
                none(),
                Expect.everyone(403));
        row("POST", "/author/items/{itemId}", w -> "/author/items/" + w.itemId(), none(), Expect.everyone(403));
        row(
                "POST",
                "/author/items/{itemId}/hints",
                w -> "/author/items/" + w.itemId() + "/hints",
                none(),
                Expect.everyone(403));
        row(
                "POST",
                "/author/items/{itemId}/publish",
                w -> "/author/items/" + w.itemId() + "/publish",
                none(),
                Expect.everyone(403));
        row(
                "POST",
                "/practice/sessions/{sessionId}/finish",
                w -> "/practice/sessions/" + w.sessionId() + "/finish",
                none(),
                Expect.everyone(403));
        row(
                "POST",
                "/practice/sessions/{sessionId}/hints",
                w -> "/practice/sessions/" + w.sessionId() + "/hints",
                none(),
                Expect.everyone(403));
        row(
                "POST",
                "/teacher/classes/{classId}/assignments",
                w -> "/teacher/classes/" + w.classId() + "/assignments",
                none(),
                Expect.everyone(403));
        row("GET", "/tutor/{conversationId}", w -> "/tutor/" + w.conversationId(), none(), Expect.everyone(302));
        for (var action : List.of("messages", "stream", "delete")) {
            row(
                    "POST",
                    "/tutor/{conversationId}/" + action,
                    w -> "/tutor/" + w.conversationId() + "/" + action,
                    none(),
                    Expect.everyone(403));
        }
    }

    private java.util.Set<String> mappedEndpoints() {
        var endpoints = new TreeSet<String>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            var methods = info.getMethodsCondition().getMethods();
            var patterns = info.getPathPatternsCondition() == null
                    ? info.getPatternValues()
                    : info.getPathPatternsCondition().getPatternValues();
            for (var pattern : patterns) {
                if (methods.isEmpty()) {
                    endpoints.add("ANY " + pattern);
                }
                methods.forEach(method -> endpoints.add(method.name() + " " + pattern));
            }
        });
        return endpoints;
    }

    @Test
    void everyEndpointAnswersEveryCallerAsThePolicySays(CapturedOutput output) {
        client = new IdentityClient(port, output::getAll);
        table();
        assertThat(rows.keySet())
                .as("every mapped endpoint has a row, and every row an endpoint")
                .containsExactlyInAnyOrderElementsOf(mappedEndpoints());

        createAccounts();
        var imported = CatalogTestSupport.upload(
                port, accounts.get(ADMIN).token(), CatalogTestSupport.sample(courseKey), false);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        var mismatches = new ArrayList<String>();
        rows.forEach((endpoint, row) -> {
            var method = endpoint.substring(0, endpoint.indexOf(' '));
            for (var caller : Caller.values()) {
                var world = newWorld();
                var body = row.body().apply(world);
                var request = HttpRequest.newBuilder(URI.create(
                                "http://localhost:" + port + row.path().apply(world)))
                        .method(
                                method.equals("ANY") ? "GET" : method,
                                body.isEmpty() && method.equals("GET")
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .header("Content-Type", "application/json");
                var response = as(caller).send(request);
                var expected = row.expect().statusFor(caller);
                if (response.statusCode() != expected) {
                    mismatches.add("%-55s %-16s expected %d, got %d %s"
                            .formatted(
                                    endpoint,
                                    caller,
                                    expected,
                                    response.statusCode(),
                                    response.body().length() > 160
                                            ? response.body().substring(0, 160)
                                            : response.body()));
                }
            }
        });
        assertThat(mismatches).as(String.join("\n", mismatches)).isEmpty();
    }
}
