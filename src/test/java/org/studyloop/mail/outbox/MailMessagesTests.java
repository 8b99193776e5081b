package org.studyloop.mail.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The mail bundles agree: every key in every language, each message a valid MessageFormat. */
class MailMessagesTests {

    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([\\w.-]+)");
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    private static Properties bundle(String suffix) {
        var properties = new Properties();
        try (var in = new InputStreamReader(
                new ClassPathResource("i18n/mail" + suffix + ".properties").getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static String template(String name) {
        try {
            return new ClassPathResource("templates/mail/" + name + ".txt").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyKeyExistsInEnglishFrenchAndSpanish() {
        var english = bundle("").stringPropertyNames();
        assertThat(english).isNotEmpty();
        assertThat(bundle("_fr").stringPropertyNames()).isEqualTo(english);
        assertThat(bundle("_es").stringPropertyNames()).isEqualTo(english);
    }

    @Test
    void everyKeyATemplateUsesExistsAndNoneIsUnused() {
        Set<String> used = new HashSet<>();
        for (var name : MailRenderer.TEMPLATES.keySet()) {
            var matcher = MESSAGE_KEY.matcher(template(name));
            while (matcher.find()) {
                used.add(matcher.group(1));
            }
        }
        assertThat(used).isEqualTo(bundle("").stringPropertyNames());
    }

    @Test
    void everyMessageIsAValidMessageFormatWithoutALoneApostrophe() {
        for (var language : new String[] {"", "_fr", "_es"}) {
            var messages = bundle(language);
            for (var key : messages.stringPropertyNames()) {
                var message = messages.getProperty(key);
                // MessageFormat would swallow a lone ' and the text after it, silently.
                assertThat(LONE_APOSTROPHE.matcher(message).find())
                        .as("lone apostrophe in %s of mail%s", key, language)
                        .isFalse();
                assertThat(new MessageFormat(message, Locale.ROOT).format(new Object[] {3}))
                        .as("%s of mail%s", key, language)
                        .isNotBlank()
                        .doesNotContain("{");
            }
        }
    }
}
