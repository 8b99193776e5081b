package org.studyloop.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

class MaskingEncoderTests {

    private final LoggerContext context = new LoggerContext();

    private String encode(String format, LoggingEvent event) {
        context.putObject(Environment.class.getName(), new MockEnvironment());
        var encoder = new MaskingEncoder();
        encoder.setContext(context);
        encoder.setFormat(format);
        encoder.setPattern("%p [%X{requestId}] %m%n");
        encoder.start();
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }

    private LoggingEvent event(String message) {
        var event = new LoggingEvent(
                getClass().getName(), context.getLogger("org.studyloop.probe"), Level.INFO, message, null, null);
        event.setMDCPropertyMap(Map.of("requestId", "req-12345678"));
        return event;
    }

    @Test
    void textLinesCarryTheRequestIdAndNoEmail() {
        var line = encode("text", event("Password reset asked for ada@example.org"));
        assertThat(line).isEqualTo("INFO [req-12345678] Password reset asked for ***@***\n");
    }

    @Test
    void jsonLinesAreMaskedToo() {
        MDC.clear();
        var line = encode("json", event("Login of ada@example.org with password=hunter2hunter2"));
        assertThat(line).startsWith("{").contains("\"requestId\":\"req-12345678\"");
        assertThat(line).doesNotContain("ada@example.org", "hunter2hunter2");
    }

    @Test
    void theMailOutboxLineIsLeftWhole() {
        var event = event("MAIL to=ada@example.org verify at http://localhost:8080/verify?token=abc");
        event.addMarker(org.studyloop.shared.LogMarkers.UNMASKED);
        assertThat(encode("text", event)).contains("ada@example.org", "token=abc");
    }
}
