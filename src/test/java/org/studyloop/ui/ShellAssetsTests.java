package org.studyloop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.studyloop.HttpTest;

/**
 * Everything the layout and the service worker load is served by the application itself: the
 * WebJars at the versions the layout names, the scripts, the manifest and the worker. A version
 * bump in the pom without the layout fails here.
 */
@HttpTest
class ShellAssetsTests {

    private static final Pattern LOCAL =
            Pattern.compile("(?:src|href)=\"(/(?:webjars|assets)/[^\"]+|/manifest[^\"]*)\"");
    private static final Pattern CACHED = Pattern.compile("\"(/(?:webjars|assets)/[^\"]+)\"");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyAssetOfTheLayoutAndTheServiceWorkerIsServedLocally() throws Exception {
        var page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"));
        var paths = new ArrayList<String>();
        var layout = LOCAL.matcher(page.body());
        while (layout.find()) {
            paths.add(layout.group(1));
        }
        var worker = get("/sw.js");
        assertThat(worker.statusCode()).isEqualTo(200);
        assertThat(worker.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("javascript"));
        var cached = CACHED.matcher(worker.body());
        while (cached.find()) {
            paths.add(cached.group(1));
        }
        assertThat(paths).contains("/manifest.webmanifest").anyMatch(p -> p.contains("katex.min.js"));
        for (var path : paths) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(get("/offline").statusCode()).isEqualTo(200);
    }

    @Test
    void theLanguageSwitchAndTheBrowserLanguageChooseThePageLanguage() throws Exception {
        var spanish = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Accept-Language", "es-MX,es;q=0.9")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(spanish.body()).contains("lang=\"es\"").contains("Iniciar sesión");
        var french = get("/login?lang=fr");
        assertThat(french.body()).contains("lang=\"fr\"").contains("Connexion");
        assertThat(french.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("lang=fr"));
    }
}
