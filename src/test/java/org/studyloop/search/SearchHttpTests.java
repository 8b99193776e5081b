package org.studyloop.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.studyloop.HttpProbe;
import org.studyloop.HttpTest;
import org.studyloop.identity.IdentityClient;
import org.studyloop.search.indexing.Indexer;

/** Search over HTTP on the bundled courses. */
@HttpTest
class SearchHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    Indexer indexer;

    private HttpProbe student;

    @BeforeEach
    void indexed(CapturedOutput output) throws InterruptedException {
        assertThat(indexer.awaitIdle(Duration.ofMinutes(5))).isTrue();
        var identity = new IdentityClient(port, output::getAll);
        var email = IdentityClient.uniqueEmail("searcher");
        identity.verifiedAccount(email, "STUDENT");
        student = new HttpProbe(port).withBearer(identity.accessToken(email));
    }

    @Test
    void aQuestionFindsItsLesson() {
        var response = student.get("/api/v1/search?q="
                + java.net.URLEncoder.encode(
                        "how do i solve an equation with absolute value bars",
                        java.nio.charset.StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var results = HttpProbe.json(response);
        var titles = new ArrayList<String>();
        results.forEach(r ->
                titles.add(r.path("kind").asString() + " " + r.path("title").asString()));
        System.out.println(String.join("\n", titles));
        assertThat(titles.subList(0, 3)).anyMatch(t -> t.startsWith("lesson Absolute value"));
    }
}
