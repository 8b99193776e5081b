package org.studyloop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP calls against a running test server, for end-to-end tests. */
public final class HttpProbe {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One client for every probe: each JDK client holds a selector and its file descriptors until
     * it is collected, and the authorization matrix makes thousands of probes.
     */
    private static final HttpClient SHARED =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final HttpClient client = SHARED;
    private final String base;
    private final String[] defaultHeaders;

    public HttpProbe(int port) {
        this(port, new String[0]);
    }

    private HttpProbe(int port, String[] defaultHeaders) {
        this.base = "http://localhost:" + port;
        this.defaultHeaders = defaultHeaders;
    }

    /** The same probe, sending this access token with every request. */
    public HttpProbe withBearer(String accessToken) {
        return new HttpProbe(
                Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)),
                new String[] {"Authorization", "Bearer " + accessToken});
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers);
    }

    public HttpResponse<String> post(String path, String body, String... headers) {
        return send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                headers);
    }

    public HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i + 1 < defaultHeaders.length; i += 2) {
            request.header(defaultHeaders[i], defaultHeaders[i + 1]);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    public static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    public static String toJson(Map<String, ?> body) {
        return JSON.writeValueAsString(body);
    }
}
