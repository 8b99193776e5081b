package org.studyloop.mastery.cat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.studyloop.catalog.ItemId;
import org.studyloop.mastery.irt.IrtItem;

/**
 * The items' IRT parameters in use: the newest version of {@value #NAME} ({@code calibrate-items}
 * or the nightly job), held in memory and swapped whole, re-read every few minutes so that every
 * instance picks up a calibration made by any of them. An item the calibration has not seen starts
 * from its author's prior difficulty with the shared slope (cold start).
 */
@Component
public class CalibratedBank {

    public static final String NAME = "irt";

    private static final Logger log = LoggerFactory.getLogger(CalibratedBank.class);

    /** A version's items and its shared slope; version 0 before any calibration. */
    record Version(int version, double sharedDiscrimination, Map<ItemId, IrtItem> items) {}

    private final JdbcClient jdbc;
    private static final Version NONE = new Version(0, 1, Map.of());

    private volatile Version current = NONE;

    CalibratedBank(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The item's parameters: calibrated, or its author's prior difficulty with the shared slope. */
    public IrtItem item(ItemId item, double prior) {
        var version = current;
        var calibrated = version.items().get(item);
        return calibrated != null
                ? calibrated
                : new IrtItem(version.sharedDiscrimination(), Double.isFinite(prior) ? prior : 0);
    }

    /** The version serving, 0 before any calibration. */
    public int version() {
        return current.version();
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        refresh();
    }

    /** Reads the newest calibration; keeps the current one when it cannot be read. */
    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
    public void refresh() {
        try {
            var newest = jdbc.sql("""
                            select version, (params ->> 'sharedDiscrimination')::float8 as shared
                            from mastery.model_versions where name = ? order by version desc limit 1""")
                    .param(NAME)
                    .query((rs, row) -> new double[] {rs.getInt("version"), rs.getDouble("shared")})
                    .optional();
            if (newest.isEmpty()) {
                current = NONE;
                return;
            }
            if ((int) newest.get()[0] == current.version()) {
                return;
            }
            int version = (int) newest.get()[0];
            var items = new HashMap<ItemId, IrtItem>();
            jdbc.sql("select item_id, discrimination, difficulty from mastery.irt_items where version = ?")
                    .param(version)
                    .query(rs -> {
                        items.put(
                                new ItemId(rs.getObject("item_id", UUID.class)),
                                new IrtItem(rs.getDouble("discrimination"), rs.getDouble("difficulty")));
                    });
            current = new Version(version, newest.get()[1], Map.copyOf(items));
        } catch (DataAccessException e) {
            log.warn(
                    "Could not read the items' IRT calibration; keeping version {}: {}",
                    current.version(),
                    e.getMessage());
        }
    }
}
