package org.studyloop.mail.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Chooses how mail leaves: Spring Boot creates a {@link JavaMailSender} when {@code
 * spring.mail.host} is set, and then mail goes over SMTP; without one, it goes to the log and
 * stays in the outbox table. Also turns on scheduling, for the sweep of {@link DeliveryTriggers}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

    @Bean
    Transport mailTransport(ObjectProvider<JavaMailSender> smtp, MailSettings settings) {
        var sender = smtp.getIfAvailable();
        if (sender == null) {
            log.info("No SMTP server configured (spring.mail.host): mail is kept in mail.outbox and written"
                    + " to the log on lines beginning 'MAIL to='");
            return new LogTransport();
        }
        log.info("Mail is sent over SMTP");
        return new SmtpTransport(sender, settings.from());
    }
}
