package org.studyloop.ai.gateway;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.studyloop.ai.FakeOpenAiServer;
import org.studyloop.ai.LanguageModels;
import org.studyloop.ai.Prompt;
import org.studyloop.ai.gateway.GatewayFixture.Settings;
import org.studyloop.ai.usage.TestLedger;
import org.studyloop.identity.UserId;
import org.studyloop.practice.MutableClock;

/** What the gateway's tests share: a fresh {@link GatewayFixture} per test, closed after it. */
abstract class WithGateway {

    final GatewayFixture fixture = new GatewayFixture();
    final FakeOpenAiServer server = fixture.server;
    final TestLedger ledger = fixture.ledger;
    final SimpleMeterRegistry registry = fixture.registry;
    final MutableClock clock = fixture.clock;
    final UserId student = fixture.student;

    @AfterEach
    void stop() {
        fixture.close();
    }

    LanguageModels models(Settings settings) {
        return fixture.models(settings);
    }

    Prompt prompt(String text) {
        return fixture.prompt(text);
    }
}
