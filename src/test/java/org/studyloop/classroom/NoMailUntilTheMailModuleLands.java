package org.studyloop.classroom;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.studyloop.mail.Mailer;
import org.studyloop.mail.OutgoingMail;

/**
 * Until the mail module lands: this branch has the mail API but no {@code Mailer} bean yet, and
 * the identity module needs one, so the classroom tests provide a Mailer that only records. The
 * integrator removes this class, and its {@code @Import}s, when the mail module is merged.
 */
@TestConfiguration(proxyBeanMethods = false)
public class NoMailUntilTheMailModuleLands {

    @Bean
    RecordingMailer recordingMailer() {
        return new RecordingMailer();
    }

    /** Keeps mails in a list and sends nothing. */
    public static class RecordingMailer implements Mailer {

        private final List<OutgoingMail> sent = new CopyOnWriteArrayList<>();

        @Override
        public void send(OutgoingMail mail) {
            sent.add(mail);
        }

        public List<OutgoingMail> sent() {
            return List.copyOf(sent);
        }
    }
}
