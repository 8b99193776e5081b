package org.studyloop.mail.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every template renders in every language, with every value in it; the renderer refuses misuse. */
class MailTemplatesTests {

    private final MailRenderer renderer = new MailRenderer();

    private static final Map<String, String> VALUES = Map.of(
            "name", "Ada Lovelace",
            "guardianName", "Grace Hopper",
            "link", "http://localhost:8080/verify-email?token=tok-123",
            "expiresHours", "24",
            "studentName", "Alan Turing",
            "inactiveDays", "12",
            "fallPoints", "15",
            "forecast", "41");

    @Test
    void everyTemplateRendersInEveryLanguage() {
        for (var template : MailRenderer.TEMPLATES.keySet()) {
            for (var locale : MailRenderer.LANGUAGES) {
                var mail = renderer.render(template, locale, VALUES);
                assertThat(mail.locale()).isEqualTo(locale);
                assertThat(mail.subject()).isNotBlank().doesNotContain("\n", "??", "[(", "{");
                assertThat(mail.body()).doesNotContain("??", "[(", "{", "/*");
                for (var value : MailRenderer.TEMPLATES.get(template)) {
                    assertThat(mail.subject() + "\n" + mail.body())
                            .as("%s in %s", value, template)
                            .contains(VALUES.get(value));
                }
            }
        }
    }

    @Test
    void aMailHasASubjectLineThenParagraphs() {
        var mail = renderer.render("verify-email", Locale.FRANCE, VALUES);
        assertThat(mail.subject()).isEqualTo("Confirmez votre adresse e-mail pour StudyLoop");
        assertThat(mail.body())
                .startsWith("Bonjour Ada Lovelace,\n\nBienvenue sur StudyLoop\u00a0!")
                .contains("\n\nhttp://localhost:8080/verify-email?token=tok-123\n\n")
                .contains("Ce lien est valable 24 heures.")
                .endsWith("les réponses ne sont pas lues.");
    }

    @Test
    void hoursAgreeWithTheirNumber() {
        var one = Map.of("name", "Ada", "link", "http://x", "expiresHours", "1");
        assertThat(renderer.render("password-reset", Locale.ENGLISH, one).body())
                .contains("valid for 1 hour.");
        assertThat(renderer.render("password-reset", Locale.FRENCH, one).body()).contains("valable 1 heure.");
        assertThat(renderer.render("password-reset", Locale.of("es"), one).body())
                .contains("durante 1 hora.");
        assertThat(renderer.render("password-reset", Locale.of("es", "MX"), VALUES)
                        .body())
                .contains("durante 24 horas.");
    }

    @Test
    void anUnwrittenLanguageGetsEnglish() {
        var mail = renderer.render("guardian-linked", Locale.GERMANY, VALUES);
        assertThat(mail.locale()).isEqualTo(Locale.ENGLISH);
        assertThat(mail.subject()).isEqualTo("Grace Hopper can now follow your progress on StudyLoop");
    }

    @Test
    void aLineBreakInAValueDoesNotBreakTheSubject() {
        var values = Map.of("name", "Ada", "guardianName", "Eve\r\nBcc: all@example.org\u2028x");
        assertThat(renderer.render("guardian-linked", Locale.ENGLISH, values).subject())
                .isEqualTo("Eve Bcc: all@example.org x can now follow your progress on StudyLoop");
    }

    @Test
    void misuseIsAnIllegalArgument() {
        assertThatThrownBy(() -> renderer.render("no-such-template", Locale.ENGLISH, VALUES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-template");
        assertThatThrownBy(() -> renderer.render("../application", Locale.ENGLISH, VALUES))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> renderer.render("verify-email", Locale.ENGLISH, Map.of("name", "Ada")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[expiresHours, link]");
        assertThatThrownBy(() -> renderer.render(
                        "verify-email", Locale.ENGLISH, Map.of("name", "Ada", "link", "x", "expiresHours", "a day")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
