package org.studyloop.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.studyloop.HttpProbe;
import org.studyloop.HttpTest;
import org.studyloop.ai.FakeOpenAiServer.Reply;
import org.studyloop.identity.IdentityClient;
import org.studyloop.identity.UserId;
import tools.jackson.databind.JsonNode;

/**
 * The whole application with {@code studyloop.llm.base-url} on a fake OpenAI-compatible server:
 * replies through the {@link LanguageModels} bean are metered in the {@code ai} schema, the plan's
 * daily quota holds, and administrators read the usage summary over HTTP.
 */
@HttpTest
class LanguageModelsHttpTests extends WithFakeLlm {

    @LocalServerPort
    int port;

    @Autowired
    LanguageModels models;

    @Autowired
    JdbcClient jdbc;

    private final UserId student = new UserId(UUID.randomUUID());
    private final String feature = "test-" + UUID.randomUUID().toString().substring(0, 8);

    private Prompt prompt(String text) {
        return new Prompt(student, feature, "Be brief.", List.of(Turn.user(text)), 0.3, 100);
    }

    private Map<String, Object> usage() {
        return jdbc.sql("""
                        select messages, calls, fallbacks, input_tokens, output_tokens, cost
                        from ai.usage where user_id = :user and feature = :feature
                        """)
                .param("user", student.value())
                .param("feature", feature)
                .query()
                .singleRow();
    }

    @Test
    void repliesAndStreamsAreMeteredInTheDatabase() {
        LLM.enqueue(Reply.status(502), Reply.text("Four.", 30, 500), Reply.chunks("Fi", "ve."));

        assertThat(models.available()).isTrue();
        assertThat(models.complete(prompt("2 + 2?"))).isEqualTo(Completion.of("Four.", 30, 500));
        var partials = new CopyOnWriteArrayList<String>();
        var streamed = models.stream(prompt("2 + 3?"), partials::add);

        assertThat(streamed.text()).isEqualTo("Five.");
        assertThat(partials).containsExactly("Fi", "ve.");
        assertThat(LLM.requestCount()).isEqualTo(3);
        assertThat(LLM.lastRequest().header("Authorization")).contains("Bearer sk-test-only");
        var usage = usage();
        assertThat(usage)
                .containsEntry("messages", 2)
                .containsEntry("calls", 2)
                .containsEntry("fallbacks", 0)
                .containsEntry("input_tokens", 40L)
                .containsEntry("output_tokens", 502L);
        assertThat((BigDecimal) usage.get("cost")).isEqualByComparingTo("1.004");
    }

    @Test
    void thePlansDailyQuotaFallsBackWithoutCallingTheModel() {
        for (int i = 0; i < DAILY_MESSAGES; i++) {
            assertThat(models.complete(prompt("Question " + i)).answered()).isTrue();
        }

        var fourth = models.complete(prompt("One more?"));

        assertThat(fourth.engine()).isEqualTo(Engine.FALLBACK);
        assertThat(fourth.fallbackReason()).contains("daily quota reached");
        assertThat(LLM.requestCount()).isEqualTo(DAILY_MESSAGES);
        assertThat(usage()).containsEntry("messages", DAILY_MESSAGES).containsEntry("fallbacks", 1);
    }

    @Test
    void administratorsReadTheUsagePerFeatureAndDay(CapturedOutput output) {
        assertThat(models.complete(prompt("Hello")).answered()).isTrue();
        var identity = new IdentityClient(port, output::getAll);
        var adminEmail = IdentityClient.uniqueEmail("ai-admin");
        var adminId = identity.verifiedAccount(adminEmail, "TEACHER");
        jdbc.sql("update identity.account_role set role = 'ADMIN' where account_id = :id")
                .param("id", UUID.fromString(adminId))
                .update();
        var admin = new HttpProbe(port).withBearer(identity.adminWithMfa(adminEmail));
        var studentEmail = IdentityClient.uniqueEmail("ai-student");
        identity.verifiedAccount(studentEmail, "STUDENT");
        var someone = new HttpProbe(port).withBearer(identity.accessToken(studentEmail));

        var summary = admin.get("/api/v1/ai/usage");

        assertThat(summary.statusCode()).as(summary.body()).isEqualTo(200);
        var days = HttpProbe.json(summary).path("days");
        var mine = new ArrayList<JsonNode>();
        days.forEach(day -> {
            if (day.path("feature").asString().equals(feature)) {
                mine.add(day);
            }
        });
        assertThat(mine).hasSize(1);
        assertThat(mine.getFirst().path("messages").asLong()).isEqualTo(1);
        assertThat(mine.getFirst().path("users").asInt()).isEqualTo(1);
        assertThat(HttpProbe.json(summary).path("totals").path("calls").asLong())
                .isPositive();
        assertThat(someone.get("/api/v1/ai/usage").statusCode()).isEqualTo(403);
        var backwards = admin.get("/api/v1/ai/usage?from=2026-11-10&to=2026-11-01");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("from");
        assertThat(admin.get("/api/v1/ai/usage?from=yesterday").statusCode()).isEqualTo(400);
    }
}
