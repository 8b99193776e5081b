package org.studyloop.practice.session;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Practice's scheduled upkeep: the attempts' month partitions are created three months ahead (an
 * insert into a month without a partition would fail), and idempotency receipts are forgotten
 * after a week, long past any client's retry.
 */
@Component
class Upkeep {

    private static final Logger log = LoggerFactory.getLogger(Upkeep.class);
    static final int MONTHS_AHEAD = 3;
    static final Duration RECEIPT_LIFETIME = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final Receipts receipts;
    private final Clock clock;

    Upkeep(JdbcClient jdbc, Receipts receipts, Clock clock) {
        this.jdbc = jdbc;
        this.receipts = receipts;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        createPartitionsAhead();
    }

    /** Daily; creating a partition that exists is a no-op, so instances may run it side by side. */
    @Scheduled(cron = "0 17 3 * * *", zone = "UTC")
    void daily() {
        createPartitionsAhead();
        var forgotten = receipts.forgetBefore(clock.instant().minus(RECEIPT_LIFETIME));
        log.info("Forgot {} idempotency receipts older than {}", forgotten, RECEIPT_LIFETIME);
    }

    List<String> createPartitionsAhead() {
        try {
            return jdbc.sql("""
                            select practice.ensure_attempts_partition(cast(:now as timestamptz) + make_interval(months => m))
                            from generate_series(0, :ahead) as m""")
                    .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                    .param("ahead", MONTHS_AHEAD)
                    .query(String.class)
                    .list();
        } catch (DataAccessException e) {
            // Another instance created the same month at the same moment; tomorrow's run tries again.
            log.warn(
                    "Could not create the attempts' partitions ahead: {}",
                    e.getMostSpecificCause().getMessage());
            return List.of();
        }
    }
}
