package org.studyloop.ui.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The browser's languages pick the first StudyLoop speaks, in the browser's order of preference. */
class PageLocalesTests {

    @Test
    void theFirstSupportedLanguageOfTheHeaderWins() {
        assertThat(PageLocales.fromHeader("fr-CA,fr;q=0.9,en;q=0.5")).contains(Locale.FRENCH);
        assertThat(PageLocales.fromHeader("de-DE, es;q=0.8, en;q=0.5")).contains(Locale.forLanguageTag("es"));
        assertThat(PageLocales.fromHeader("en;q=0.1, es;q=0.9")).contains(Locale.forLanguageTag("es"));
    }

    @Test
    void noSupportedLanguageOrAMalformedHeaderGivesNone() {
        assertThat(PageLocales.fromHeader("de, it")).isEmpty();
        assertThat(PageLocales.fromHeader(";;q=x")).isEmpty();
        assertThat(PageLocales.fromHeader(null)).isEmpty();
        assertThat(PageLocales.fromHeader("  ")).isEmpty();
    }

    @Test
    void onlyTheThreeLanguagesAreSupported() {
        assertThat(PageLocales.supported("FR")).contains(Locale.FRENCH);
        assertThat(PageLocales.supported("es")).contains(Locale.forLanguageTag("es"));
        assertThat(PageLocales.supported("pt")).isEmpty();
        assertThat(PageLocales.supported(null)).isEmpty();
    }
}
