package org.studyloop.platform.logging;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.studyloop.shared.LogMarkers;

/**
 * The console encoder of {@code logback-spring.xml}: renders each event as text (Boot's pattern)
 * or as structured JSON ({@code LOG_FORMAT=json}), then masks it with {@link LogMasker}. Masking
 * the rendered line, not the message, also covers MDC values, arguments and stack traces.
 *
 * <p>An event marked {@link LogMarkers#UNMASKED} is written as it is: the mail outbox line, whose whole
 * purpose is to show a developer the address and link of a mail that was not sent.
 */
public class MaskingEncoder extends EncoderBase<ILoggingEvent> {

    private String format = "text";
    private String jsonFormat = "ecs";
    private String pattern = "%d %5p [%t] %logger : %m%n";
    private Charset charset = StandardCharsets.UTF_8;
    private @Nullable Encoder<ILoggingEvent> delegate;

    public void setFormat(String format) {
        this.format = format;
    }

    public void setJsonFormat(String jsonFormat) {
        this.jsonFormat = jsonFormat;
    }

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    public void setCharset(Charset charset) {
        this.charset = charset;
    }

    @Override
    public void start() {
        Encoder<ILoggingEvent> encoder;
        if ("json".equalsIgnoreCase(format.trim())) {
            var structured = new StructuredLogEncoder();
            structured.setFormat(jsonFormat);
            structured.setCharset(charset);
            encoder = structured;
        } else {
            var text = new PatternLayoutEncoder();
            text.setPattern(pattern);
            text.setCharset(charset);
            encoder = text;
        }
        encoder.setContext(getContext());
        encoder.start();
        delegate = encoder;
        super.start();
    }

    @Override
    public void stop() {
        if (delegate != null) {
            delegate.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return delegate == null ? new byte[0] : delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        if (delegate == null) {
            return new byte[0];
        }
        var bytes = delegate.encode(event);
        var markers = event.getMarkerList();
        if (markers != null && markers.contains(LogMarkers.UNMASKED)) {
            return bytes;
        }
        return LogMasker.mask(new String(bytes, charset)).getBytes(charset);
    }

    @Override
    public byte[] footerBytes() {
        return delegate == null ? new byte[0] : delegate.footerBytes();
    }
}
