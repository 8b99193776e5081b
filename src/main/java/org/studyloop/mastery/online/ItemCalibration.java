package org.studyloop.mastery.online;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.studyloop.catalog.ItemId;

/**
 * The items' calibration, online: each answer moves the item's difficulty by an Elo step (Pelánek
 * 2016; Elo is stochastic gradient descent on the Rasch likelihood) from a cold start at the
 * author's prior, or 0 without one.
 *
 * <p>The values live in memory and reach {@code mastery.item_params} in batches every few seconds
 * as increments. An item answered by a whole class at once would otherwise be one hot row that
 * every answer's transaction locks until it commits, serialising the class; the increments commute,
 * so instances can flush side by side. A crash loses at most the last few seconds of calibration,
 * which the evidence log still holds for the next batch fit.
 */
@Component
public class ItemCalibration implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ItemCalibration.class);

    /**
     * An item's parameters.
     *
     * @param difficulty the item's own term in the online model, on the logit scale
     * @param eloDifficulty the Elo difficulty the students' abilities are rated against
     * @param answers the answers it learned from
     */
    public record Params(double difficulty, double eloDifficulty, int answers) {

        public static Params prior(double prior) {
            return new Params(prior, prior, 0);
        }

        Params plus(Pending change) {
            return new Params(
                    difficulty + change.difficulty(),
                    eloDifficulty + change.eloDifficulty(),
                    answers + change.answers());
        }
    }

    /** Changes not yet written; {@code prior} starts the row if the item has none. */
    record Pending(double prior, double difficulty, double eloDifficulty, int answers) {
        Pending plus(Pending other) {
            return new Pending(
                    prior, difficulty + other.difficulty, eloDifficulty + other.eloDifficulty, answers + other.answers);
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;
    private final Cache<ItemId, Params> values =
            Caffeine.newBuilder().maximumSize(200_000).build();
    private final ConcurrentHashMap<ItemId, Pending> pending = new ConcurrentHashMap<>();

    ItemCalibration(JdbcClient jdbc, JdbcTemplate template, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
    }

    /** The item's parameters; {@code prior} is its author's difficulty, 0 when none. */
    public Params get(ItemId item, double prior) {
        return values.get(item, id -> load(List.of(id), Map.of(id, prior)).get(id));
    }

    /** Loads the parameters of many items at once, for those not in memory. */
    public void preload(Map<ItemId, Double> priors) {
        var missing = priors.keySet().stream()
                .filter(id -> values.getIfPresent(id) == null)
                .toList();
        if (!missing.isEmpty()) {
            load(missing, priors).forEach((id, params) -> values.asMap().putIfAbsent(id, params));
        }
    }

    private Map<ItemId, Params> load(Collection<ItemId> items, Map<ItemId, Double> priors) {
        var found = new HashMap<ItemId, Params>();
        jdbc.sql(
                        "select item_id, difficulty, elo_difficulty, answers from mastery.item_params where item_id = any(?::uuid[])")
                .param(LearnerStore.uuids(items.stream().map(ItemId::value).toList()))
                .query(rs -> {
                    found.put(
                            new ItemId(rs.getObject("item_id", UUID.class)),
                            new Params(
                                    rs.getDouble("difficulty"), rs.getDouble("elo_difficulty"), rs.getInt("answers")));
                });
        var result = new HashMap<ItemId, Params>();
        for (var item : items) {
            var params = found.getOrDefault(item, Params.prior(priors.getOrDefault(item, 0.0)));
            var unwritten = pending.get(item);
            result.put(item, unwritten == null ? params : params.plus(unwritten));
        }
        return result;
    }

    /** Moves an item's parameters after an answer. */
    public void learn(ItemId item, double prior, double difficultyStep, double eloStep) {
        var base = get(item, prior);
        var change = new Pending(prior, difficultyStep, eloStep, 1);
        values.asMap().compute(item, (id, current) -> (current == null ? base : current).plus(change));
        pending.merge(item, change, Pending::plus);
    }

    /** Sets items' parameters from a batch fit, replacing what they learned online until now. */
    public void replace(Map<ItemId, Params> fitted) {
        var now = Timestamp.from(clock.instant());
        var rows = new ArrayList<Object[]>();
        fitted.forEach((item, p) ->
                rows.add(new Object[] {item.value(), p.difficulty(), p.eloDifficulty(), p.answers(), now}));
        template.batchUpdate("""
                insert into mastery.item_params as t (item_id, difficulty, elo_difficulty, answers, updated_at)
                values (?, ?, ?, ?, ?)
                on conflict (item_id) do update set difficulty = excluded.difficulty,
                    elo_difficulty = excluded.elo_difficulty, answers = excluded.answers, updated_at = excluded.updated_at""", rows);
        values.invalidateAll(fitted.keySet());
    }

    /** Writes the changes learned since the last flush, as increments; gives how many items. */
    @Scheduled(
            fixedDelayString = "${studyloop.mastery.calibration-flush:5s}",
            initialDelayString = "${studyloop.mastery.calibration-flush:5s}")
    public int flush() {
        var drained = new HashMap<ItemId, Pending>();
        for (var item : List.copyOf(pending.keySet())) {
            var change = pending.remove(item);
            if (change != null) {
                drained.put(item, change);
            }
        }
        if (drained.isEmpty()) {
            return 0;
        }
        var now = Timestamp.from(clock.instant());
        var rows = new ArrayList<Object[]>();
        drained.forEach((item, c) -> rows.add(new Object[] {
            item.value(),
            c.prior() + c.difficulty(),
            c.prior() + c.eloDifficulty(),
            c.answers(),
            now,
            c.difficulty(),
            c.eloDifficulty(),
            c.answers()
        }));
        try {
            template.batchUpdate("""
                    insert into mastery.item_params as t (item_id, difficulty, elo_difficulty, answers, updated_at)
                    values (?, ?, ?, ?, ?)
                    on conflict (item_id) do update set difficulty = t.difficulty + ?,
                        elo_difficulty = t.elo_difficulty + ?, answers = t.answers + ?, updated_at = excluded.updated_at""", rows);
        } catch (DataAccessException e) {
            drained.forEach((item, change) -> pending.merge(item, change, Pending::plus));
            log.warn(
                    "Could not write the items' calibration; will retry: {}",
                    e.getMostSpecificCause().getMessage());
            return 0;
        }
        return drained.size();
    }

    /** What was learned since the last flush is written when the application stops. */
    @Override
    public void destroy() {
        flush();
    }
}
