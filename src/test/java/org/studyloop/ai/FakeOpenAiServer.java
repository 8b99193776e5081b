package org.studyloop.ai;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A fake OpenAI-compatible endpoint ({@code POST /v1/chat/completions}) on 127.0.0.1 at a free
 * port, over real HTTP, for tests of anything that calls a language model. Script the replies,
 * point {@code studyloop.llm.base-url} at {@link #baseUrl()}, and read back what it received:
 *
 * <pre>{@code
 * try (var llm = FakeOpenAiServer.start()) {
 *     llm.enqueue(Reply.status(500), Reply.text("Try isolating x.", 12, 5));
 *     // ... call the code under test with studyloop.llm.base-url = llm.baseUrl() ...
 *     assertThat(llm.requestCount()).isEqualTo(2);
 *     assertThat(llm.lastRequest().body()).contains("isolate");
 * }
 * }</pre>
 *
 * Each request takes the next enqueued {@link Reply}; when none is left, the {@linkplain
 * #otherwise fallback reply} ({@code Reply.text("fake reply")} unless set). A text reply answers a
 * streaming request ({@code "stream": true}) as a server-sent-event stream of its words, ending in
 * {@code data: [DONE]}, and any other request as one chat completion, so one script serves both.
 * Slow and stalled replies hold their connection until their time is up or {@link #reset}/{@link
 * #close} releases them.
 */
public final class FakeOpenAiServer implements AutoCloseable {

    /** What the server answers to one request. */
    public sealed interface Reply {

        /** A reply of this text: a chat completion, or a stream of its words when one was asked for. */
        static Reply text(String text) {
            return new Text(List.of(text.split("(?<= )")), 10, Math.max(1, text.split("\\s+").length));
        }

        /** The same, with the token counts the server reports in {@code usage}. */
        static Reply text(String text, int inputTokens, int outputTokens) {
            return new Text(List.of(text.split("(?<= )")), inputTokens, outputTokens);
        }

        /** A reply streamed as exactly these chunks (their concatenation to a non-streaming request). */
        static Reply chunks(String... chunks) {
            return new Text(List.of(chunks), 10, chunks.length);
        }

        /** An HTTP error with OpenAI's error body, e.g. 500, 503, 429 or 400. */
        static Reply status(int status) {
            return new Status(status);
        }

        /** 200 with a body that is not JSON (to a streaming request: an event whose data is not JSON). */
        static Reply malformed() {
            return new Malformed();
        }

        /** {@code then}, after {@code delay}: beyond a client's time limit, a timeout. */
        static Reply slow(Duration delay, Reply then) {
            return new Slow(delay, then);
        }

        /** A stream that sends these chunks, then nothing, holding the connection open until released. */
        static Reply stallAfter(String... chunks) {
            return new Stall(List.of(chunks));
        }

        /** A stream that sends these chunks, then an {@code error} event instead of finishing. */
        static Reply failAfter(String... chunks) {
            return new FailPartWay(List.of(chunks));
        }
    }

    record Text(List<String> chunks, int inputTokens, int outputTokens) implements Reply {}

    record Status(int status) implements Reply {}

    record Malformed() implements Reply {}

    record Slow(Duration delay, Reply then) implements Reply {}

    record Stall(List<String> chunks) implements Reply {}

    record FailPartWay(List<String> chunks) implements Reply {}

    /** A request the server received. */
    public record Request(String method, String path, Map<String, List<String>> headers, String body) {

        private static final Pattern STREAM = Pattern.compile("\"stream\"\\s*:\\s*true");

        /** Whether the client asked for a stream. */
        public boolean streamed() {
            return STREAM.matcher(body).find();
        }

        /** The first value of a header, by case-insensitive name. */
        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(h -> h.getKey().equalsIgnoreCase(name))
                    .flatMap(h -> h.getValue().stream())
                    .findFirst();
        }
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool(runnable -> {
        var thread = new Thread(runnable, "fake-openai");
        thread.setDaemon(true);
        return thread;
    });
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private volatile Function<Request, Reply> otherwise = request -> Reply.text("fake reply");
    private volatile CountDownLatch released = new CountDownLatch(1);

    private FakeOpenAiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A server on a free port of 127.0.0.1, started. */
    public static FakeOpenAiServer start() {
        try {
            return new FakeOpenAiServer();
        } catch (IOException e) {
            throw new IllegalStateException("could not start the fake OpenAI server", e);
        }
    }

    /** The API root to configure, {@code http://127.0.0.1:<port>/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Replies for the next requests, in order. */
    public FakeOpenAiServer enqueue(Reply... replies) {
        script.addAll(Arrays.asList(replies));
        return this;
    }

    /** The reply to every request once the enqueued ones are used up. */
    public FakeOpenAiServer otherwise(Reply reply) {
        otherwise = request -> reply;
        return this;
    }

    /** A reply made from each request once the enqueued ones are used up (e.g. to echo a prompt). */
    public FakeOpenAiServer otherwise(Function<Request, Reply> replies) {
        otherwise = replies;
        return this;
    }

    public int requestCount() {
        return received.size();
    }

    public List<Request> requests() {
        return List.copyOf(received);
    }

    public Request lastRequest() {
        if (received.isEmpty()) {
            throw new IllegalStateException("no request received");
        }
        return received.getLast();
    }

    /** Forgets the script and the requests, restores the default reply, and releases held connections. */
    public void reset() {
        script.clear();
        received.clear();
        otherwise = request -> Reply.text("fake reply");
        var held = released;
        released = new CountDownLatch(1);
        held.countDown();
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var request = new Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    body);
            if (!request.method().equals("POST") || !request.path().endsWith("/chat/completions")) {
                send(exchange, 404, "application/json", error("no such endpoint"));
                return;
            }
            received.add(request);
            var next = script.poll();
            answer(exchange, request, next != null ? next : otherwise.apply(request));
        } catch (IOException e) {
            // The client went away (it timed out or cancelled its stream): nothing to answer.
        }
    }

    private void answer(HttpExchange exchange, Request request, Reply reply) throws IOException {
        switch (reply) {
            case Text text
            when request.streamed() -> {
                var out = startStream(exchange);
                event(out, chunk("{\"role\":\"assistant\",\"content\":\"\"}", null));
                for (var part : text.chunks()) {
                    event(out, chunk("{\"content\":" + quote(part) + "}", null));
                }
                event(out, chunk("{}", "\"stop\""));
                event(
                        out,
                        "{\"id\":\"chatcmpl-fake\",\"object\":\"chat.completion.chunk\",\"created\":0,"
                                + "\"model\":\"fake\",\"choices\":[]," + usage(text) + "}");
                event(out, "[DONE]");
            }
            case Text text ->
                send(
                        exchange,
                        200,
                        "application/json",
                        "{\"id\":\"chatcmpl-fake\",\"object\":\"chat.completion\",\"created\":0,\"model\":\"fake\","
                                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                                + quote(String.join("", text.chunks())) + "},\"finish_reason\":\"stop\"}],"
                                + usage(text) + "}");
            case Status status -> send(exchange, status.status(), "application/json", error("scripted failure"));
            case Malformed malformed
            when request.streamed() -> {
                var out = startStream(exchange);
                event(out, "{\"id\": \"chatcmpl-fake\", \"choices\": [{\"delta\": ");
                event(out, "[DONE]");
            }
            case Malformed malformed -> send(exchange, 200, "application/json", "{\"id\": \"chatcmpl-fake\", \"choi");
            case Slow slow -> {
                if (!awaitRelease(slow.delay())) {
                    answer(exchange, request, slow.then());
                }
            }
            case Stall stall -> {
                var out = startStream(exchange);
                for (var part : stall.chunks()) {
                    event(out, chunk("{\"content\":" + quote(part) + "}", null));
                }
                awaitRelease(Duration.ofMinutes(5));
            }
            case FailPartWay fail -> {
                var out = startStream(exchange);
                for (var part : fail.chunks()) {
                    event(out, chunk("{\"content\":" + quote(part) + "}", null));
                }
                out.write("event: error\ndata: {\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}\n\n"
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }
    }

    /** Waits for the delay or a release; true when released (the server is closing or resetting). */
    private boolean awaitRelease(Duration delay) {
        try {
            return released.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static OutputStream startStream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        return exchange.getResponseBody();
    }

    private static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String chunk(String delta, String finishReason) {
        return "{\"id\":\"chatcmpl-fake\",\"object\":\"chat.completion.chunk\",\"created\":0,\"model\":\"fake\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finishReason + "}]}";
    }

    private static String usage(Text text) {
        return "\"usage\":{\"prompt_tokens\":" + text.inputTokens() + ",\"completion_tokens\":" + text.outputTokens()
                + ",\"total_tokens\":" + (text.inputTokens() + text.outputTokens()) + "}";
    }

    private static String error(String message) {
        return "{\"error\":{\"message\":" + quote(message) + ",\"type\":\"server_error\",\"code\":null}}";
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** A JSON string literal (RFC 8259 §7). */
    static String quote(String text) {
        var json = new StringBuilder("\"");
        for (var c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append("\\u%04x".formatted((int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
