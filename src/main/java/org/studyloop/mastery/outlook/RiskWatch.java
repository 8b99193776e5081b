package org.studyloop.mastery.outlook;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.studyloop.identity.UserId;
import org.studyloop.mastery.RiskLevel;
import org.studyloop.mastery.StudentAtRisk;
import org.studyloop.mastery.online.MasteryProperties;
import org.studyloop.practice.AnswerRecorded;

/**
 * Keeps each student's risk in {@code mastery.risk_states} and their course mastery of the day in
 * {@code mastery.course_mastery_days}, and publishes {@link StudentAtRisk} when the risk rises to
 * HIGH. Assessed after answers (at most once per {@code reassess-after} per student, off the answer
 * path: the listener runs after commit) and nightly for every student who answered in the last
 * 120 days, which is what catches inactivity: an inactive student sends no answer to react to.
 */
@Component
public class RiskWatch {

    private static final Logger log = LoggerFactory.getLogger(RiskWatch.class);

    /** How far back the nightly run looks for students to assess. */
    static final int NIGHTLY_DAYS = 120;

    private final Outlooks outlooks;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Cache<UserId, Boolean> fresh;
    private final TransactionTemplate transactions;

    RiskWatch(
            Outlooks outlooks,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager,
            MasteryProperties properties,
            Clock clock) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.outlooks = outlooks;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.fresh = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(properties.outlook().reassessAfter())
                .build();
    }

    /**
     * After each answer's commit, on another thread. Deliberately not an {@code
     * ApplicationModuleListener}: only those get a durable publication in Spring Modulith's
     * registry ({@code spring.modulith.events.registry-trigger-annotation}), which for this event
     * means a row, two updates and two more commits per answer (0.8 ms of CPU per answer, a quarter
     * of the answer loop's throughput: bench/README.md). A reaction lost in a crash is not lost
     * for long: the nightly run assesses every student who answered.
     */
    @Async
    @TransactionalEventListener
    void on(AnswerRecorded answer) {
        if (fresh.getIfPresent(answer.studentId()) == null) {
            assess(answer.studentId());
        }
    }

    /** Assesses the student now, stores the day's mastery and the risk; true if StudentAtRisk was published. */
    public boolean assess(UserId student) {
        return Boolean.TRUE.equals(transactions.execute(status -> assessIn(student)));
    }

    private boolean assessIn(UserId student) {
        var outlook = outlooks.of(student);
        var now = clock.instant();
        var risk = outlook.risk();
        jdbc.sql("""
                        insert into mastery.course_mastery_days (student_id, day, mastery) values (?, ?, ?)
                        on conflict (student_id, day) do update set mastery = excluded.mastery""")
                .params(student.value(), Date.valueOf(LocalDate.ofInstant(now, ZoneOffset.UTC)), outlook.mastery())
                .update();
        // The row exists before it is locked, so that two first assessments cannot both see none.
        jdbc.sql("""
                        insert into mastery.risk_states (student_id, level, reasons, assessed_at)
                        values (?, 'LOW', '', ?) on conflict (student_id) do nothing""").params(student.value(), Timestamp.from(now)).update();
        var before = jdbc.sql("select level from mastery.risk_states where student_id = ? for update")
                .param(student.value())
                .query(String.class)
                .optional();
        boolean rises = risk.level() == RiskLevel.HIGH
                && !before.map(RiskLevel.HIGH.name()::equals).orElse(false);
        jdbc.sql("""
                        insert into mastery.risk_states (student_id, level, reasons, assessed_at, raised_at)
                        values (?, ?, ?, ?, ?)
                        on conflict (student_id) do update set level = excluded.level, reasons = excluded.reasons,
                            assessed_at = excluded.assessed_at,
                            raised_at = coalesce(excluded.raised_at, mastery.risk_states.raised_at)""")
                .params(
                        student.value(),
                        risk.level().name(),
                        String.join("\n", risk.texts()),
                        Timestamp.from(now),
                        rises ? Timestamp.from(now) : null)
                .update();
        fresh.put(student, Boolean.TRUE);
        if (rises) {
            events.publishEvent(new StudentAtRisk(student, risk.texts(), risk.reasons(), now));
        }
        return rises;
    }

    /** The stored risk level of a student, if assessed. */
    public Optional<RiskLevel> stored(UserId student) {
        return jdbc.sql("select level from mastery.risk_states where student_id = ?")
                .param(student.value())
                .query(String.class)
                .optional()
                .map(RiskLevel::valueOf);
    }

    @Scheduled(cron = "${studyloop.mastery.outlook.risk-cron:0 17 3 * * *}", zone = "UTC")
    void nightly() {
        var students = jdbc.sql("select student_id from mastery.learners where last_at >= ? order by student_id")
                .param(Timestamp.from(clock.instant().minus(java.time.Duration.ofDays(NIGHTLY_DAYS))))
                .query((rs, n) -> new UserId(rs.getObject(1, UUID.class)))
                .list();
        int raised = 0;
        for (var student : students) {
            try {
                raised += assess(student) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("Risk assessment failed for one student; the others go on", e);
            }
        }
        log.info("Nightly risk: {} students assessed, {} newly at HIGH risk", students.size(), raised);
    }
}
