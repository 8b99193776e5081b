package org.studyloop.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The nightly run forgets old completed event publications and keeps everything a restart needs. */
@SpringBootTest
class CompletedPublicationsTests {

    @Autowired
    CompletedPublications publications;

    @Autowired
    JdbcClient jdbc;

    private UUID publication(Duration publishedAgo, Duration completedAgo) {
        var id = UUID.randomUUID();
        var now = Instant.now();
        jdbc.sql("""
                        insert into modulith.event_publication
                            (id, listener_id, event_type, serialized_event, publication_date, completion_date, status,
                             completion_attempts)
                        values (:id, 'test.Listener.on(test.Event)', 'test.Event', :event, :published, :completed,
                            :status, 1)""")
                .param("id", id)
                .param("event", "{\"id\":\"" + id + "\"}")
                .param("published", Timestamp.from(now.minus(publishedAgo)))
                .param("completed", completedAgo == null ? null : Timestamp.from(now.minus(completedAgo)))
                .param("status", completedAgo == null ? "PUBLISHED" : "COMPLETED")
                .update();
        return id;
    }

    private boolean kept(UUID id) {
        return jdbc.sql("select count(*) from modulith.event_publication where id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single()
                == 1;
    }

    @Test
    void completedPublicationsOlderThanAWeekAreForgottenTheRestKept() {
        var oldCompleted = publication(Duration.ofDays(10), Duration.ofDays(9));
        var recentCompleted = publication(Duration.ofDays(10), Duration.ofDays(2));
        var oldIncomplete = publication(Duration.ofDays(30), null);

        publications.prune();

        assertThat(kept(oldCompleted)).as("completed 9 days ago").isFalse();
        assertThat(kept(recentCompleted)).as("completed 2 days ago").isTrue();
        assertThat(kept(oldIncomplete))
                .as("never completed: a restart resubmits it")
                .isTrue();
    }

    @Test
    void aNegativeRetentionIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new EventsProperties(Duration.ofDays(-1)))
                .hasMessageContaining("studyloop.events.completed-retention");
    }
}
