package org.studyloop.mastery.train;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.SkillId;
import org.studyloop.mastery.AttemptLog;
import org.studyloop.mastery.ItemSkills;

/**
 * Reads {@code mastery.evidence} as a training set: answers grouped by student in time order, with
 * dense ids for students, items and skills and the item-skill matrix the answers imply.
 */
@Component
public class EvidenceLog {

    /** The training set and the ids behind its dense numbers. */
    public record Data(AttemptLog log, ItemSkills skills, List<ItemId> items, List<SkillId> skillIds, int students) {}

    private final JdbcClient jdbc;

    EvidenceLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Data read() {
        var students = new HashMap<UUID, Integer>();
        var items = new HashMap<UUID, Integer>();
        var skills = new HashMap<UUID, Integer>();
        var itemSkills = new HashMap<Integer, int[]>();
        var log = AttemptLog.builder();
        jdbc.sql("""
                        select student_id, item_id, skill_ids, correct, answered_at from mastery.evidence
                        order by student_id, answered_at, id""").query(rs -> {
            int student = students.computeIfAbsent(rs.getObject("student_id", UUID.class), k -> students.size());
            int item = items.computeIfAbsent(rs.getObject("item_id", UUID.class), k -> items.size());
            itemSkills.computeIfAbsent(item, k -> {
                try {
                    return dense(rs.getArray("skill_ids"), skills);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            log.add(
                    student,
                    item,
                    rs.getBoolean("correct"),
                    rs.getTimestamp("answered_at").toInstant().getEpochSecond());
        });
        var matrix = new int[items.size()][];
        itemSkills.forEach((item, ids) -> matrix[item] = ids);
        return new Data(
                log.build(),
                ItemSkills.of(matrix, skills.size()),
                byIndex(items, ItemId::new),
                byIndex(skills, SkillId::new),
                students.size());
    }

    private static int[] dense(Array array, Map<UUID, Integer> skills) throws SQLException {
        var ids = (UUID[]) array.getArray();
        var dense = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            dense[i] = skills.computeIfAbsent(ids[i], k -> skills.size());
        }
        return dense;
    }

    private static <T> List<T> byIndex(Map<UUID, Integer> ids, java.util.function.Function<UUID, T> wrap) {
        var list = new ArrayList<T>(java.util.Collections.nCopies(ids.size(), null));
        ids.forEach((id, index) -> list.set(index, wrap.apply(id)));
        return List.copyOf(list);
    }
}
