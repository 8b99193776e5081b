package org.studyloop.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.studyloop.HttpProbe;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationsTests {

    @LocalServerPort
    int port;

    private HttpProbe http() {
        return new HttpProbe(port);
    }

    @Test
    void healthIsUpWithLivenessAndReadinessGroups() {
        assertThat(HttpProbe.json(http().get("/actuator/health")).path("status").asString())
                .isEqualTo("UP");
        assertThat(http().get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        var readiness = http().get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(HttpProbe.json(readiness).path("status").asString()).isEqualTo("UP");
    }

    @Test
    void readinessIncludesTheDatabase() {
        var health = HttpProbe.json(
                http().get("/actuator/health/readiness", "Accept", "application/vnd.spring-boot.actuator.v3+json"));
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asString())
                .isEqualTo("UP");
    }

    @Test
    void prometheusHasJvmHttpAndDatasourceMetrics() {
        http().get("/actuator/health");
        var scrape = http().get("/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body())
                .contains("jvm_memory_used_bytes", "http_server_requests_seconds", "hikaricp_connections");
    }

    @Test
    void apiDocsAreOpenApi31AndSwaggerUiIsServed() {
        var docs = http().get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(HttpProbe.json(docs).path("openapi").asString()).startsWith("3.1");
        assertThat(HttpProbe.json(docs).path("info").path("title").asString()).isEqualTo("StudyLoop API");
        var ui = http().get("/swagger-ui/index.html");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(http().get("/swagger-ui.html").statusCode()).isIn(200, 302);
    }

    @Test
    void everyResponseCarriesARequestId() {
        var generated = http().get("/actuator/health");
        assertThat(generated.headers().firstValue("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).hasSizeGreaterThanOrEqualTo(8));
        var echoed = http().get("/actuator/health", "X-Request-Id", "client-chosen-id-42");
        assertThat(echoed.headers().firstValue("X-Request-Id")).hasValue("client-chosen-id-42");
        var refused = http().get("/actuator/health", "X-Request-Id", "bad id\twith<script>");
        assertThat(refused.headers().firstValue("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).doesNotContain("script"));
    }

    @Test
    void securityHeadersAreOnEveryResponse() {
        for (var response : java.util.List.of(http().get("/actuator/health"), http().get("/no-such-page"))) {
            var headers = response.headers();
            assertThat(headers.firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(
                            csp -> assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'"));
            assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
            assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
            // HSTS only over TLS (RFC 6797 §7.2); these calls are plain HTTP.
            assertThat(headers.firstValue("Strict-Transport-Security")).isEmpty();
        }
    }

    @Test
    void crossOriginCallsAreRefusedByDefault() {
        var preflight = http().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/anything"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST"));
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
        var simple = http().get("/actuator/health", "Origin", "https://evil.example");
        assertThat(simple.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
