package org.studyloop.tutor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.studyloop.HttpProbe;
import org.studyloop.HttpTest;
import org.studyloop.catalog.Catalog;
import org.studyloop.catalog.store.Ids;
import org.studyloop.identity.IdentityClient;
import org.studyloop.identity.PageSession;
import tools.jackson.databind.JsonNode;

/** The tutor page on the cookie session: open a conversation on a demo item, ask, read the streamed reply. */
@HttpTest
class TutorPagesTests {

    static final String SAT = "sat-math-algebra";

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

    private final HttpClient browser = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private String base;

    @BeforeEach
    void signIn(CapturedOutput output) throws Exception {
        base = "http://localhost:" + port;
        var email = IdentityClient.uniqueEmail("tutor-page");
        new IdentityClient(port, output::getAll).verifiedAccount(email, "STUDENT");
        var signIn = post("/login", "/login", Map.of("username", email, "password", IdentityClient.PASSWORD));
        assertThat(signIn.statusCode()).isEqualTo(302);
    }

    @Test
    void aStudentAsksAboutADemoItemAndTheReplyStreamsTheFirstHint() throws Exception {
        var item = catalog.item(Ids.item(SAT, "abs-a2")).orElseThrow();
        var list = get("/tutor");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("href=\"/tutor\"").contains("id=\"new-conversation\"");

        var started = post(
                "/tutor",
                "/tutor/conversations",
                Map.of("itemId", item.itemId().value().toString()));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
        var page = started.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(page).matches("/tutor/[0-9a-f-]{36}");

        var chat = get(page);
        assertThat(chat.statusCode()).isEqualTo(200);
        assertThat(chat.body()).contains("aria-live=\"polite\"").contains("<label for=\"message\"");

        var withoutCsrf = browser.send(
                HttpRequest.newBuilder(URI.create(base + page + "/stream"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "text/event-stream")
                        .POST(HttpRequest.BodyPublishers.ofString("text=hint"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withoutCsrf.statusCode()).isEqualTo(403);

        var stream = browser.send(
                HttpRequest.newBuilder(URI.create(base + page + "/stream"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "text/event-stream")
                        .header("X-CSRF-TOKEN", csrf(chat.body()))
                        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("text", "Can I have a hint?"))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(stream.statusCode()).as(stream.body()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        var events = events(stream.body());
        var chunks = new StringBuilder();
        JsonNode done = null;
        for (var event : events) {
            switch (event.getKey()) {
                case "chunk" -> chunks.append(event.getValue().path("text").asString());
                case "reset" -> chunks.setLength(0);
                case "done" -> done = event.getValue();
                default -> throw new AssertionError("unexpected event " + event);
            }
        }
        assertThat(done).as(stream.body()).isNotNull();
        assertThat(done.path("reply").asString()).contains(item.hints().getFirst());
        assertThat(chunks.toString()).isEqualTo(done.path("reply").asString());
        assertThat(done.path("hintLevel").asInt()).isEqualTo(1);
        assertThat(done.path("hintsAvailable").asInt()).isEqualTo(item.hints().size());
        assertThat(done.path("engine").asString()).isEqualTo("FALLBACK");

        var whole = post(page, page + "/messages", Map.of("text", "another hint please"));
        assertThat(whole.statusCode()).isEqualTo(302);
        var after = get(page);
        assertThat(after.body())
                .contains("Built-in tutor")
                .contains("hint 2 of " + item.hints().size())
                .contains("Can I have a hint?");
        for (var citation : done.path("citations")) {
            if (citation.path("kind").asString().equals("LESSON")) {
                assertThat(after.body())
                        .as("a lesson cited links to the lesson page")
                        .contains("href=\"/lessons/" + citation.path("id").asString() + "\"");
            }
        }

        var deleted = post(page, page + "/delete", Map.of());
        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(get(page).statusCode()).isEqualTo(404);
    }

    @Test
    void aQuestionSetIsListedUnderItsTurnAndStartsAsAQuiz(CapturedOutput output) {
        var email = IdentityClient.uniqueEmail("tutor-set");
        new IdentityClient(port, output::getAll).verifiedAccount(email, "STUDENT");
        var page = new PageSession(port);
        page.signIn(email, Optional.empty());
        var started = page.post(
                "/tutor",
                "/tutor/conversations",
                List.of(Map.entry("courseId", Ids.course(SAT).value().toString())));
        var chat = started.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        var asked = page.post(
                chat, chat + "/messages", List.of(Map.entry("text", "Give me 5 SAT-style questions on functions")));
        assertThat(asked.statusCode()).isEqualTo(302);

        var html = page.get(chat).body();
        assertThat(html).contains("class=\"question-set\"").contains("Start quiz");
        var offered = Pattern.compile("<li data-item=\"([0-9a-f-]{36})\"")
                .matcher(html)
                .results()
                .map(m -> m.group(1))
                .toList();
        assertThat(offered).hasSize(5);
        var hidden = Pattern.compile("name=\"itemId\" value=\"([0-9a-f-]{36})\"")
                .matcher(html)
                .results()
                .map(m -> m.group(1))
                .toList();
        assertThat(hidden).isEqualTo(offered);
        assertThat(html).contains("<p class=\"math\">").doesNotContain("\"key\"");

        var fields = new ArrayList<Map.Entry<String, String>>();
        fields.add(Map.entry("mode", "QUIZ"));
        offered.forEach(id -> fields.add(Map.entry("itemId", id)));
        var quiz = page.post(chat, "/practice/sessions", fields);
        assertThat(quiz.statusCode()).as(quiz.body()).isEqualTo(302);
        var session = quiz.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(session).matches("/practice/sessions/[0-9a-f-]{36}");
        var first = Pattern.compile("name=\"itemId\" value=\"([0-9a-f-]{36})\"")
                .matcher(page.get(session).body());
        assertThat(first.find()).isTrue();
        assertThat(offered).contains(first.group(1));
    }

    @Test
    void duringAnExamThePageSaysTheTutorIsNotAvailable() throws Exception {
        var exam = post(
                "/practice",
                "/practice/sessions",
                Map.of("mode", "EXAM", "courseId", Ids.course(SAT).value().toString()));
        assertThat(exam.statusCode()).as(exam.body()).isEqualTo(302);
        var refused = post("/tutor", "/tutor/conversations", Map.of());
        assertThat(refused.statusCode()).isEqualTo(302);
        var page = get("/tutor");
        assertThat(page.body())
                .contains("id=\"exam-refusal\"")
                .contains("not available during an exam")
                .doesNotContain("id=\"new-conversation\"");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String page, String path, Map<String, String> fields) throws Exception {
        var body = new LinkedHashMap<>(fields);
        body.put("_csrf", csrf(get(page).body()));
        return browser.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String html) {
        var matcher = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(html);
        assertThat(matcher.find()).as("a CSRF field in %s", html).isTrue();
        return matcher.group(1);
    }

    private static List<Map.Entry<String, JsonNode>> events(String body) {
        var out = new ArrayList<Map.Entry<String, JsonNode>>();
        for (var block : body.replace("\r\n", "\n").split("\n\n")) {
            String name = null;
            var data = new StringBuilder();
            for (var line : block.split("\n")) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5));
                }
            }
            if (name != null) {
                out.add(Map.entry(name, HttpProbe.parse(data.toString())));
            }
        }
        return out;
    }

    private static String form(Map<String, String> fields) {
        var out = new StringBuilder();
        fields.forEach((k, v) -> {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return out.toString();
    }
}
