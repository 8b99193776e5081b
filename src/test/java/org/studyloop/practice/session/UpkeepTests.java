package org.studyloop.practice.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.studyloop.practice.MutableClock;
import org.studyloop.practice.PracticeModuleTest;

/** The attempts' month partitions, created ahead by the scheduled upkeep. */
@PracticeModuleTest
class UpkeepTests {

    @Autowired
    Upkeep upkeep;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void now() {
        clock.set(Instant.now());
    }

    private boolean exists(String partition) {
        return jdbc.sql("select to_regclass('practice.' || ?) is not null")
                .param(partition)
                .query(Boolean.class)
                .single();
    }

    private static String partition(LocalDate month) {
        return "attempts_" + month.format(DateTimeFormatter.ofPattern("yyyy_MM"));
    }

    @Test
    void partitionsAreCreatedThreeMonthsAheadAndTheirRowsLandInThem() {
        var later = LocalDate.now(ZoneOffset.UTC).plusYears(3).withDayOfMonth(15);
        clock.set(later.atStartOfDay(ZoneOffset.UTC).toInstant());
        var farthest = partition(later.plusMonths(Upkeep.MONTHS_AHEAD).withDayOfMonth(1));
        assertThat(exists(farthest)).isFalse();

        var created = upkeep.createPartitionsAhead();

        assertThat(created).hasSize(Upkeep.MONTHS_AHEAD + 1).contains(partition(later), farthest);
        assertThat(exists(farthest)).isTrue();
        assertThat(upkeep.createPartitionsAhead())
                .as("creating them again changes nothing")
                .isEqualTo(created);
        var bounds = jdbc.sql("""
                        select pg_get_expr(c.relpartbound, c.oid) from pg_class c
                        where c.relnamespace = 'practice'::regnamespace and c.relname = ?""").param(farthest).query(String.class).single();
        assertThat(bounds)
                .contains("FOR VALUES FROM")
                .contains(later.plusMonths(3).withDayOfMonth(1).toString());
        var sessions = jdbc.sql("select count(*) from practice.attempts")
                .query(Long.class)
                .single();
        assertThat(sessions).isNotNegative();
    }
}
