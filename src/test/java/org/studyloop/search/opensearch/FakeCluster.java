package org.studyloop.search.opensearch;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP server on the loopback address that answers as an OpenSearch cluster would, from
 * answers a test sets, and records every request: enough to check what the adapter sends through
 * the real client and transport, and how it reads the answers, without a cluster. It keeps the
 * one metadata document ({@code <index>-meta/_doc/state}) it is sent, so that the adapter reads
 * back what it wrote; everything else is a fixed answer, 404 by default.
 */
final class FakeCluster implements AutoCloseable {

    record Request(String method, String path, @Nullable String query, String body) {
        String line() {
            return method + " " + path;
        }
    }

    private record Answer(int status, String body) {}

    private final HttpServer server;
    private final String statePath;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private volatile @Nullable String state;

    FakeCluster(String index) throws IOException {
        statePath = "/" + index + "-meta/_doc/state";
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", exchange -> {
            var uri = exchange.getRequestURI();
            var request = new Request(
                    exchange.getRequestMethod(),
                    uri.getPath(),
                    uri.getQuery(),
                    new String(exchange.getRequestBody().readAllBytes(), UTF_8));
            requests.add(request);
            var answer = answer(request);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
            var bytes = answer.body().getBytes(UTF_8);
            if (request.method().equals("HEAD") || bytes.length == 0) {
                exchange.sendResponseHeaders(answer.status(), -1);
            } else {
                exchange.sendResponseHeaders(answer.status(), bytes.length);
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
    }

    private Answer answer(Request request) {
        if (request.path().equals(statePath)) {
            var index = statePath.split("/")[1];
            if (request.method().equals("PUT") || request.method().equals("POST")) {
                state = request.body();
                return new Answer(200, """
                        {"_index": "%s", "_id": "state", "_version": 1, "result": "updated",
                         "_shards": {"total": 1, "successful": 1, "failed": 0}, "_seq_no": 1, "_primary_term": 1}
                        """.formatted(index));
            }
            var current = state;
            return current == null
                    ? new Answer(404, """
                            {"_index": "%s", "_id": "state", "found": false}
                            """.formatted(index))
                    : new Answer(200, """
                            {"_index": "%s", "_id": "state", "_version": 1, "_seq_no": 1, "_primary_term": 1,
                             "found": true, "_source": %s}
                            """.formatted(index, current));
        }
        return answers.getOrDefault(request.line(), new Answer(404, """
                        {"error": {"type": "index_not_found_exception", "reason": "no such index [%s]"},
                         "status": 404}
                        """.formatted(request.path())));
    }

    /** Answers requests of this method and path (the query string aside) so. */
    FakeCluster answer(String line, int status, String body) {
        answers.put(line, new Answer(status, body));
        return this;
    }

    /** The metadata document the cluster holds, as if a previous run had written it. */
    FakeCluster state(String json) {
        state = json;
        return this;
    }

    @Nullable
    String state() {
        return state;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<String> lines() {
        return requests.stream().map(Request::line).toList();
    }

    void forget() {
        requests.clear();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
