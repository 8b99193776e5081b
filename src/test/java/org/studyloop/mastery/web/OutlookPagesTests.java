package org.studyloop.mastery.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.web.util.HtmlUtils;
import org.studyloop.HttpProbe;
import org.studyloop.HttpTest;
import org.studyloop.catalog.Catalog;
import org.studyloop.catalog.CatalogTestSupport;
import org.studyloop.identity.IdentityClient;
import org.studyloop.practice.MutableClock;
import org.studyloop.practice.PracticeClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue #9 on the pages, over HTTP with the cookie session of the form sign-in: after a student
 * practised, their dashboard carries the forecast chart whose figures are the predictions
 * endpoint's, its table, the risk with its reasons and the recommendations; two idle weeks later
 * their teacher sees the same dashboard read-only, and the class heat-map lists exactly the
 * students the class dashboard API puts at risk, with reasons and next steps, linked to their
 * dashboard.
 */
@HttpTest
class OutlookPagesTests {

    /** The clock the learner model reads, moved on so that a student idle for two weeks is at risk. */
    static final MutableClock CLOCK = new MutableClock(Instant.now());

    @TestBean(methodName = "mutableClock")
    Clock clock;

    static Clock mutableClock() {
        return CLOCK;
    }

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

    @Test
    void theDashboardShowsTheForecastRiskAndRecommendationsAndTheHeatMapTheStudentsAtRisk(CapturedOutput output)
            throws Exception {
        var course = CatalogTestSupport.bundledCourse(catalog, "sat-math-algebra");
        var identity = new IdentityClient(port, output::getAll);
        var studentEmail = IdentityClient.uniqueEmail("outlook-page-learner");
        var studentId = identity.verifiedAccount(studentEmail, "STUDENT");
        var studentApi = new HttpProbe(port).withBearer(identity.accessToken(studentEmail));
        var teacherEmail = IdentityClient.uniqueEmail("outlook-page-teacher");
        identity.verifiedAccount(teacherEmail, "TEACHER");
        var teacherApi = new HttpProbe(port).withBearer(identity.accessToken(teacherEmail));
        var created = HttpProbe.json(teacherApi.post(
                "/api/v1/classes",
                HttpProbe.toJson(Map.of(
                        "name", "Algebra", "courseId", course.courseId().value().toString()))));
        var classId = created.path("classId").asString();
        assertThat(studentApi
                        .post(
                                "/api/v1/classes/join",
                                HttpProbe.toJson(Map.of(
                                        "joinCode", created.path("joinCode").asString())))
                        .statusCode())
                .isEqualTo(200);

        var before = new Pages(studentEmail).get("/dashboard");
        assertThat(before).contains("id=\"forecast\"").doesNotContain("id=\"forecast-chart\"");

        practise(
                new PracticeClient(studentApi, catalog),
                course.courseId().value().toString(),
                12);
        // Over a fortnight idle: HIGH by inactivity (studyloop.mastery.outlook.inactive-days-high is 14).
        CLOCK.advance(Duration.ofDays(16));
        studentApi = new HttpProbe(port).withBearer(identity.accessToken(studentEmail));
        teacherApi = new HttpProbe(port).withBearer(identity.accessToken(teacherEmail));
        var predictions = HttpProbe.json(studentApi.get("/api/v1/users/" + studentId + "/predictions"));
        var recommendations = HttpProbe.json(studentApi.get("/api/v1/users/" + studentId + "/recommendations"));
        assertThat(recommendations.size()).isPositive();

        var dashboard = new Pages(studentEmail).get("/dashboard");
        var chart = chart(dashboard, "forecast-chart");
        assertThat(chart.path("type").asString()).isEqualTo("line");
        assertThat(chart.path("labels").size()).isEqualTo(4);
        var low = chart.path("datasets").get(0).path("data");
        var high = chart.path("datasets").get(1).path("data");
        var expected = chart.path("datasets").get(2).path("data");
        assertThat(chart.path("datasets").get(1).path("fill").asString())
                .as("the high line fills down to the low one: the band")
                .isEqualTo("-1");
        long now = ChartData.percent(predictions.path("courseMastery").asDouble());
        assertThat(expected.get(0).asLong()).isEqualTo(now);
        for (int h = 0; h < 3; h++) {
            var point = predictions.path("forecast").get(h);
            assertThat(expected.get(h + 1).asLong())
                    .isEqualTo(ChartData.percent(point.path("expectedMastery").asDouble()));
            assertThat(low.get(h + 1).asLong())
                    .isEqualTo(ChartData.percent(point.path("low").asDouble()));
            assertThat(high.get(h + 1).asLong())
                    .isEqualTo(ChartData.percent(point.path("high").asDouble()));
        }
        assertThat(dashboard).contains("id=\"forecast-table\"").containsPattern("aria-label=\"Line chart[^\"]+%");
        assertThat(dashboard)
                .contains(
                        "data-level=\"" + predictions.path("risk").path("level").asString() + "\"");
        assertThat(Pattern.compile("<ul id=\"risk-reasons\">\\s*<li>")
                        .matcher(dashboard)
                        .find())
                .isTrue();
        assertThat(dashboard)
                .contains(escape(recommendations.get(0).path("title").asString()))
                .contains("class=\"recommendation\"");
        var lessons = 0;
        for (var r : recommendations) {
            lessons += r.path("kind").asString().equals("LESSON") ? 1 : 0;
            var link = "href=\"/lessons/" + r.path("id").asString() + "\"";
            if (r.path("kind").asString().equals("LESSON")) {
                assertThat(dashboard)
                        .as("a lesson recommended is linked to its page")
                        .contains(link);
            } else {
                assertThat(dashboard).doesNotContain(link);
            }
        }
        assertThat(lessons).as("a lesson among the recommendations").isPositive();

        var teacher = new Pages(teacherEmail);
        var readOnly = teacher.get("/students/" + studentId);
        assertThat(chart(readOnly, "forecast-chart").path("datasets").get(2).path("data"))
                .isEqualTo(expected);
        assertThat(readOnly).contains("class=\"recommendation\"").doesNotContain(">Practise</a>");

        var heatMap = teacher.get("/teacher/classes/" + classId + "/heatmap");
        assertThat(heatMap).contains("id=\"at-risk\"");
        var atRisk = HttpProbe.json(teacherApi.get("/api/v1/classes/" + classId + "/dashboard"))
                .path("atRisk");
        assertThat(atRisk.size()).isEqualTo(1);
        assertThat(heatMap).containsPattern("No practice for 1\\d days\\.").contains("Check in with");
        assertThat(dashboard).containsPattern("No practice for 1\\d days\\.").contains("data-level=\"HIGH\"");
        for (var r : atRisk) {
            assertThat(heatMap)
                    .contains("data-student=\"" + r.path("userId").asString() + "\"")
                    .contains("href=\"/students/" + r.path("userId").asString() + "\"");
            var item = heatMap.substring(
                    heatMap.indexOf("data-student=\"" + r.path("userId").asString()));
            assertThat(Pattern.compile("<ul class=\"reasons\"><li>")
                            .matcher(item)
                            .find())
                    .isTrue();
            assertThat(Pattern.compile("<ul class=\"next-steps\"><li>")
                            .matcher(item)
                            .find())
                    .isTrue();
        }
    }

    private static void practise(PracticeClient student, String courseId, int answers) {
        var session = HttpProbe.json(student.start(Map.of("mode", "ADAPTIVE", "courseId", courseId)));
        var sessionId = session.path("sessionId").asString();
        var next = session.path("nextItem");
        for (int i = 0; i < answers; i++) {
            var itemId = next.path("itemId").asString();
            var result = HttpProbe.json(student.answer(
                    sessionId, itemId, i % 3 != 2 ? student.rightResponse(itemId) : student.wrongResponse(itemId)));
            assertThat(result.path("recorded").asBoolean())
                    .as(result.toString())
                    .isTrue();
            next = result.path("nextItem");
        }
        student.finish(sessionId);
    }

    /** A chart's data as the page carries it: the canvas's {@code data-chart} attribute, unescaped. */
    private static JsonNode chart(String html, String id) {
        var matcher = Pattern.compile("<canvas id=\"" + id + "\"[^>]*data-chart=\"([^\"]*)\"")
                .matcher(html);
        assertThat(matcher.find()).as("a %s canvas", id).isTrue();
        return HttpProbe.parse(HtmlUtils.htmlUnescape(matcher.group(1)));
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    /** A browser's cookie session, opened by the sign-in form. */
    private final class Pages {

        private final HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        Pages(String email) throws Exception {
            var login = get("/login");
            var csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
            assertThat(csrf.find()).isTrue();
            var form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(IdentityClient.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                    + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
            var signIn = browser.send(
                    HttpRequest.newBuilder(URI.create(base() + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(signIn.statusCode()).isEqualTo(302);
        }

        String get(String path) throws Exception {
            var response = browser.send(
                    HttpRequest.newBuilder(URI.create(base() + path))
                            .header("Accept-Language", "en")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
            return response.body();
        }

        private String base() {
            return "http://localhost:" + port;
        }
    }
}
