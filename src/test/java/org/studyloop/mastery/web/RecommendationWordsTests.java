package org.studyloop.mastery.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;
import org.studyloop.HttpProbe;
import org.studyloop.HttpTest;
import org.studyloop.catalog.Catalog;
import org.studyloop.catalog.CatalogTestSupport;
import org.studyloop.identity.IdentityClient;
import org.studyloop.identity.PageSession;
import org.studyloop.practice.PracticeClient;

/**
 * The dashboard's recommendations in the page's language: the titles and reasons are the bundle's
 * sentences around the model's names and figures (a skill's or lesson's name as data), while the
 * API keeps its English words.
 */
@HttpTest
class RecommendationWordsTests {

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

    @Test
    void titlesAndReasonsReadInFrenchAndSpanishAroundTheSameNames(CapturedOutput output) {
        var course = CatalogTestSupport.bundledCourse(catalog, "sat-math-algebra");
        var identity = new IdentityClient(port, output::getAll);
        var email = IdentityClient.uniqueEmail("advice-words");
        var studentId = identity.verifiedAccount(email, "STUDENT");
        var api = new HttpProbe(port).withBearer(identity.accessToken(email));
        var student = new PracticeClient(api, catalog);
        var session = HttpProbe.json(student.start(
                Map.of("mode", "ADAPTIVE", "courseId", course.courseId().value().toString())));
        var next = session.path("nextItem");
        for (int i = 0; i < 6; i++) {
            var itemId = next.path("itemId").asString();
            var result = HttpProbe.json(student.answer(
                    session.path("sessionId").asString(),
                    itemId,
                    i % 2 == 0 ? student.rightResponse(itemId) : student.wrongResponse(itemId)));
            next = result.path("nextItem");
        }
        var recommendations = HttpProbe.json(api.get("/api/v1/users/" + studentId + "/recommendations"));
        assertThat(recommendations.size()).isPositive();

        var page = new PageSession(port);
        page.signIn(email, Optional.empty());
        var french = page.get("/dashboard?lang=fr").body();
        var spanish = page.get("/dashboard?lang=es").body();
        var english = page.get("/dashboard?lang=en").body();
        for (var r : recommendations) {
            var title = escape(r.path("title").asString());
            switch (r.path("kind").asString()) {
                case "SKILL" -> {
                    assertThat(french).contains("Apprendre : " + title);
                    assertThat(spanish).contains("Aprender: " + title);
                    assertThat(english).contains("Learn " + title);
                    assertThat(r.path("reason").asString()).startsWith("Ready to learn");
                }
                case "LESSON" -> {
                    assertThat(french).contains("Lire la leçon « " + title + " »");
                    assertThat(spanish).contains("Leer la lección «" + title + "»");
                    assertThat(english).contains("Read the lesson “" + title + "”");
                }
                case "ITEM" -> assertThat(french).contains("Une question sur ");
                default -> throw new AssertionError(r.toString());
            }
        }
        assertThat(french)
                .contains("Prêt à apprendre")
                .doesNotContain("Ready to learn", "A place to start", "Your mastery of", "Students like you");
        assertThat(spanish).contains("Listo para aprender").doesNotContain("Ready to learn");
        assertThat(english).contains("Ready to learn");
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
