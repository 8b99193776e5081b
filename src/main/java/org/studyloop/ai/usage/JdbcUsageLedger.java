package org.studyloop.ai.usage;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.studyloop.identity.UserId;

/** The ledger in the {@code ai.usage} table; its writes join the caller's transaction if any. */
@Repository
class JdbcUsageLedger implements UsageLedger {

    private final JdbcClient jdbc;

    JdbcUsageLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(UserId user, LocalDate day, String feature, Use use) {
        jdbc.sql("""
                        insert into ai.usage (user_id, day, feature, messages, calls, fallbacks, input_tokens,
                                              output_tokens, cost)
                        values (:user, :day, :feature, :messages, :calls, :fallbacks, :input, :output, :cost)
                        on conflict (user_id, day, feature) do update set
                            messages = ai.usage.messages + excluded.messages,
                            calls = ai.usage.calls + excluded.calls,
                            fallbacks = ai.usage.fallbacks + excluded.fallbacks,
                            input_tokens = ai.usage.input_tokens + excluded.input_tokens,
                            output_tokens = ai.usage.output_tokens + excluded.output_tokens,
                            cost = ai.usage.cost + excluded.cost
                        """)
                .param("user", user.value())
                .param("day", day)
                .param("feature", feature)
                .param("messages", use.messages())
                .param("calls", use.calls())
                .param("fallbacks", use.fallbacks())
                .param("input", use.inputTokens())
                .param("output", use.outputTokens())
                .param("cost", use.cost().setScale(6, RoundingMode.HALF_UP))
                .update();
    }

    /** The messages the user sent on {@code day}, over all features: what the daily quota counts. */
    @Override
    public long messagesOn(UserId user, LocalDate day) {
        return jdbc.sql("select coalesce(sum(messages), 0) from ai.usage where user_id = :user and day = :day")
                .param("user", user.value())
                .param("day", day)
                .query(Long.class)
                .single();
    }

    /** Use per day and feature from {@code from} to {@code to}, both included, oldest first. */
    @Override
    public List<DailyUse> between(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select day, feature, count(distinct user_id) as users, sum(messages) as messages,
                               sum(calls) as calls, sum(fallbacks) as fallbacks, sum(input_tokens) as input_tokens,
                               sum(output_tokens) as output_tokens, sum(cost) as cost
                        from ai.usage
                        where day between :from and :to
                        group by day, feature
                        order by day, feature
                        """)
                .param("from", from)
                .param("to", to)
                .query((rs, row) -> new DailyUse(
                        rs.getObject("day", LocalDate.class),
                        rs.getString("feature"),
                        rs.getInt("users"),
                        rs.getLong("messages"),
                        rs.getLong("calls"),
                        rs.getLong("fallbacks"),
                        rs.getLong("input_tokens"),
                        rs.getLong("output_tokens"),
                        rs.getBigDecimal("cost")))
                .list();
    }
}
