package org.studyloop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pages speak English, French and Spanish: every key in all three, none empty, each well formed. */
class MessagesTests {

    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z]+(?:\\.[A-Za-z]+)+)");

    private static Properties load(String suffix) {
        var properties = new Properties();
        var name = "/i18n/messages" + suffix + ".properties";
        try (var in = MessagesTests.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    @ParameterizedTest
    @ValueSource(strings = {"_fr", "_es"})
    void everyKeyIsInEveryLanguage(String suffix) {
        var english = new TreeSet<>(load("").stringPropertyNames());
        var other = new TreeSet<>(load(suffix).stringPropertyNames());
        assertThat(other).as("keys of messages%s", suffix).containsExactlyElementsOf(english);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_fr", "_es"})
    void noValueIsEmptyAndEachIsAMessageFormat(String suffix) {
        var messages = load(suffix);
        for (var key : messages.stringPropertyNames()) {
            var value = messages.getProperty(key);
            assertThat(value).as(key).isNotBlank();
            // Every message goes through MessageFormat (always-use-message-format), where a lone
            // apostrophe would silently swallow text: the files write ’ instead.
            assertThat(value).as(key).doesNotContain("'");
            assertThat(new MessageFormat(value, Locale.ROOT).format(new Object[] {1, 2, 3}))
                    .as(key)
                    .isNotBlank();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"src/main/resources/templates"})
    void everyKeyATemplateNamesExists(String root) throws IOException {
        var english = load("").stringPropertyNames();
        try (Stream<Path> files = Files.walk(Path.of(root))) {
            files.filter(f -> f.toString().endsWith(".html")).forEach(file -> {
                try {
                    var matcher = TEMPLATE_KEY.matcher(Files.readString(file));
                    while (matcher.find()) {
                        assertThat(english)
                                .as("%s names %s", file, matcher.group(1))
                                .contains(matcher.group(1));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
