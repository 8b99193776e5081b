package org.studyloop.mastery.train;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.studyloop.mastery.irt.MarginalMaximumLikelihood;
import org.studyloop.mastery.online.ModelParameters;

/**
 * The nightly fit of the online model and calibration of the items (IRT), on the scheduler's thread: answers never wait for it. An
 * instance skips the night when a version was trained in the last 20 hours, so that several
 * instances do not all fit (two starting in the same minute would each publish a version, which is
 * harmless: the newest serves).
 */
@Component
class NightlyFit {

    private static final Logger log = LoggerFactory.getLogger(NightlyFit.class);

    /** Answers needed before a fit is worth making: below this, the defaults serve better. */
    static final int MIN_ROWS = 5_000;

    static final Duration RECENT = Duration.ofHours(20);

    private final LearnerTraining training;
    private final ItemResponseTraining items;
    private final JdbcClient jdbc;
    private final Clock clock;

    NightlyFit(LearnerTraining training, ItemResponseTraining items, JdbcClient jdbc, Clock clock) {
        this.training = training;
        this.items = items;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(cron = "${studyloop.mastery.fit-cron:0 41 2 * * *}", zone = "UTC")
    void nightly() {
        var last = jdbc.sql("select max(trained_at) from mastery.model_versions where name = ?")
                .param(ModelParameters.NAME)
                .query(java.sql.Timestamp.class)
                .optional()
                .map(java.sql.Timestamp::toInstant);
        if (last.isPresent() && last.get().isAfter(clock.instant().minus(RECENT))) {
            log.info("Learner model fitted at {}; not again tonight", last.get());
            return;
        }
        try {
            log.info("Nightly learner model fit: {}", training.fit(MIN_ROWS).summary());
        } catch (RuntimeException e) {
            log.warn("The nightly learner model fit failed; the current version keeps serving", e);
        }
        try {
            log.info(
                    "Nightly item calibration: {}",
                    items.calibrate(
                                    CalibrateItemsCommand.MIN_ROWS,
                                    MarginalMaximumLikelihood.DEFAULT_MIN_ANSWERS_FOR_SLOPE)
                            .summary());
        } catch (RuntimeException e) {
            log.warn("The nightly item calibration failed; the current calibration keeps serving", e);
        }
    }
}
