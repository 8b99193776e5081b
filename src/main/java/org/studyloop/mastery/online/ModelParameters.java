package org.studyloop.mastery.online;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.studyloop.catalog.SkillId;
import org.studyloop.mastery.model.TraceModel;
import tools.jackson.databind.json.JsonMapper;

/**
 * The online model's parameters in use: the newest version of {@value #NAME} in {@code
 * mastery.model_versions}, or {@link TraceModel#defaults()} until a fit exists. Read at start and
 * every few minutes (so that every instance picks up a fit made by any of them), and swapped whole:
 * an answer never waits for training.
 */
@Component
public class ModelParameters {

    public static final String NAME = "online";

    private static final Logger log = LoggerFactory.getLogger(ModelParameters.class);

    /**
     * A version of the parameters.
     *
     * @param version the row of {@code mastery.model_versions}, 0 for the built-in defaults
     * @param skillEasiness each fitted skill's easiness; 0 for the others
     */
    public record Version(int version, Instant trainedAt, TraceModel model, Map<SkillId, Double> skillEasiness) {

        public Version {
            skillEasiness = Map.copyOf(skillEasiness);
        }

        public double easiness(SkillId skill) {
            return skillEasiness.getOrDefault(skill, 0.0);
        }

        public double easiness(List<SkillId> skills) {
            double sum = 0;
            for (var skill : skills) {
                sum += easiness(skill);
            }
            return sum;
        }
    }

    /** The stored form of the parameters. */
    public record Stored(List<Double> weights, Map<String, Double> skills) {}

    private static final Version DEFAULTS = new Version(0, Instant.EPOCH, TraceModel.defaults(), Map.of());

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private volatile Version current;

    ModelParameters(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.current = DEFAULTS;
    }

    public Version current() {
        return current;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        refresh();
    }

    /**
     * Reads the newest version, or goes back to the defaults when there is none; keeps the current
     * one when it cannot be read.
     */
    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
    public void refresh() {
        try {
            current = newest().orElse(DEFAULTS);
        } catch (DataAccessException | IllegalArgumentException e) {
            log.warn(
                    "Could not read the learner model's parameters; keeping version {}: {}",
                    current.version(),
                    e.getMessage());
        }
    }

    private Optional<Version> newest() {
        return jdbc.sql("""
                        select version, trained_at, params::text as params from mastery.model_versions
                        where name = ? order by version desc limit 1""")
                .param(NAME)
                .query((rs, row) -> {
                    var stored = json.readValue(rs.getString("params"), Stored.class);
                    var weights = stored.weights().stream()
                            .mapToDouble(Double::doubleValue)
                            .toArray();
                    var skills = new HashMap<SkillId, Double>();
                    stored.skills().forEach((id, e) -> skills.put(new SkillId(UUID.fromString(id)), e));
                    return new Version(
                            rs.getInt("version"),
                            rs.getTimestamp("trained_at").toInstant(),
                            new TraceModel(weights),
                            skills);
                })
                .optional();
    }
}
