package org.studyloop.ai;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The application with {@code studyloop.llm.base-url} on one fake OpenAI-compatible server for
 * the whole test JVM. Test classes that extend this (and carry {@code @HttpTest}) share one Spring
 * context: the server outlives each class, since the cached context keeps pointing at it. Each
 * test starts with an empty script; each test's users are fresh, so the small daily quota (8
 * messages) applies per test.
 */
@TestPropertySource(
        properties = {
            "studyloop.llm.api-key=sk-test-only",
            "studyloop.llm.model=fake-model",
            "studyloop.llm.retry.initial-wait=5ms",
            "studyloop.llm.retry.max-wait=20ms",
            "studyloop.llm.plans.free.daily-messages=" + WithFakeLlm.DAILY_MESSAGES,
            "studyloop.llm.price-per-1k-output-tokens=2.0"
        })
public abstract class WithFakeLlm {

    protected static final int DAILY_MESSAGES = 8;
    protected static final FakeOpenAiServer LLM = FakeOpenAiServer.start();

    @DynamicPropertySource
    static void llm(DynamicPropertyRegistry registry) {
        registry.add("studyloop.llm.base-url", LLM::baseUrl);
    }

    @BeforeEach
    void resetLlm() {
        LLM.reset();
    }
}
