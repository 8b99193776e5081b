package org.studyloop.mastery.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.studyloop.mastery.AttemptLog;
import org.studyloop.mastery.ItemSkills;

/**
 * A training and a test file in the knowledge-tracing TSV format of {@code
 * ../shared/data/kt/assistments09/}: a header naming at least {@code user_id}, {@code item_id},
 * {@code correct} (0 or 1) and {@code skill_id}, optionally {@code timestamp} (seconds; 0 when
 * unknown), then one answer a line, each student's answers in temporal order. Ids are read as strings and numbered densely, items and skills across both files.
 *
 * <p>Skills come from the item-skills file ({@code item_id skill_id}, one pair a line) when given;
 * an item missing from it, or every item without it, takes the {@code skill_id} of its first row.
 * Skill tags are content metadata, not answers, so tagging test items from the test file leaks
 * nothing.
 */
final class Dataset {

    final AttemptLog train;
    final AttemptLog test;
    final ItemSkills skills;
    final List<String> studentNames;
    final List<String> itemNames;

    private Dataset(
            AttemptLog train, AttemptLog test, ItemSkills skills, List<String> studentNames, List<String> itemNames) {
        this.train = train;
        this.test = test;
        this.skills = skills;
        this.studentNames = studentNames;
        this.itemNames = itemNames;
    }

    static Dataset read(Path trainFile, Path testFile, @Nullable Path itemSkillsFile) throws IOException {
        var students = new Dictionary();
        var items = new Dictionary();
        var skills = new Dictionary();
        var tagged = new HashMap<Integer, Set<Integer>>();
        if (itemSkillsFile != null) {
            readItemSkills(itemSkillsFile, items, skills, tagged);
        }
        var fromColumn = new HashMap<Integer, Integer>();
        var train = readAnswers(trainFile, students, items, skills, fromColumn);
        var test = readAnswers(testFile, students, items, skills, fromColumn);
        var skillsOfItem = new int[items.size()][];
        for (int i = 0; i < skillsOfItem.length; i++) {
            var q = tagged.get(i);
            if (q != null && !q.isEmpty()) {
                skillsOfItem[i] = q.stream().mapToInt(Integer::intValue).toArray();
            } else {
                var column = fromColumn.get(i);
                skillsOfItem[i] = column == null ? new int[0] : new int[] {column};
            }
        }
        return new Dataset(train, test, ItemSkills.of(skillsOfItem, skills.size()), students.names, items.names);
    }

    private static void readItemSkills(
            Path file, Dictionary items, Dictionary skills, Map<Integer, Set<Integer>> tagged) throws IOException {
        try (var reader = open(file)) {
            var header = header(file, reader, "item_id", "skill_id");
            String line;
            long number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                var cells = cells(file, number, line, header.width);
                int item = items.id(cells[header.columns.get("item_id")]);
                int skill = skills.id("q:" + cells[header.columns.get("skill_id")]);
                tagged.computeIfAbsent(item, k -> new LinkedHashSet<>()).add(skill);
            }
        }
    }

    private static AttemptLog readAnswers(
            Path file, Dictionary students, Dictionary items, Dictionary skills, Map<Integer, Integer> fromColumn)
            throws IOException {
        var log = AttemptLog.builder();
        try (var reader = open(file)) {
            var header = header(file, reader, "user_id", "item_id", "correct", "skill_id");
            int userAt = header.columns.get("user_id");
            int itemAt = header.columns.get("item_id");
            int correctAt = header.columns.get("correct");
            int skillAt = header.columns.get("skill_id");
            int timeAt = header.columns.getOrDefault("timestamp", -1);
            String line;
            long number = 1;
            int rows = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                var cells = cells(file, number, line, header.width);
                var correct = switch (cells[correctAt]) {
                    case "1", "1.0" -> true;
                    case "0", "0.0" -> false;
                    default ->
                        throw new TsvFormatException(
                                file, number, "correct must be 0 or 1, not '" + cells[correctAt] + "'");
                };
                if (cells[userAt].isEmpty() || cells[itemAt].isEmpty()) {
                    throw new TsvFormatException(file, number, "user_id and item_id must not be empty");
                }
                int item = items.id(cells[itemAt]);
                if (!cells[skillAt].isEmpty()) {
                    fromColumn.putIfAbsent(item, skills.id("c:" + cells[skillAt]));
                }
                long time = 0;
                if (timeAt >= 0 && !cells[timeAt].isEmpty()) {
                    try {
                        time = (long) Double.parseDouble(cells[timeAt]);
                    } catch (NumberFormatException e) {
                        throw new TsvFormatException(
                                file, number, "timestamp must be a number of seconds, not '" + cells[timeAt] + "'");
                    }
                }
                log.add(students.id(cells[userAt]), item, correct, time);
                rows++;
            }
            if (rows == 0) {
                throw new TsvFormatException(file, number, "no answers in the file");
            }
        }
        return log.build();
    }

    private static BufferedReader open(Path file) throws IOException {
        return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }

    private record Header(Map<String, Integer> columns, int width) {}

    private static Header header(Path file, BufferedReader reader, String... required) throws IOException {
        var line = reader.readLine();
        if (line == null) {
            throw new TsvFormatException(file, 1, "the file is empty; expected a header line");
        }
        var names = line.strip().split("\t", -1);
        var columns = new HashMap<String, Integer>();
        for (int i = 0; i < names.length; i++) {
            columns.put(names[i].strip(), i);
        }
        for (var name : required) {
            if (!columns.containsKey(name)) {
                throw new TsvFormatException(
                        file,
                        1,
                        "the header has no column '" + name + "' (tab-separated, needs " + String.join(", ", required)
                                + ")");
            }
        }
        return new Header(columns, names.length);
    }

    private static String[] cells(Path file, long number, String line, int width) {
        var cells = line.split("\t", -1);
        if (cells.length != width) {
            throw new TsvFormatException(
                    file, number, "expected " + width + " tab-separated columns, found " + cells.length);
        }
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cells[i].strip();
        }
        return cells;
    }

    /** Dense numbering of string ids. */
    private static final class Dictionary {
        final Map<String, Integer> ids = new HashMap<>();
        final List<String> names = new ArrayList<>();

        int id(String name) {
            var id = ids.get(name);
            if (id == null) {
                id = names.size();
                ids.put(name, id);
                names.add(name);
            }
            return id;
        }

        int size() {
            return names.size();
        }
    }
}
