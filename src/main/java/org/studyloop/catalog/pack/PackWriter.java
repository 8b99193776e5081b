package org.studyloop.catalog.pack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link Pack} as the files of docs/content-packs.md: {@code course.yaml},
 * {@code skills.yaml}, one {@code lessons/<key>.md} per lesson and all items in
 * {@code items/items.yaml}. Reading the result with {@link PackParser} gives the same pack.
 */
public final class PackWriter {

    private static final List<String> ITEM_ORDER = List.of(
            "key",
            "type",
            "produces",
            "skills",
            "difficulty",
            "stem",
            "variables",
            "constraints",
            "derived",
            "choices",
            "answer",
            "tolerance",
            "unit",
            "distractors",
            "hints",
            "solution");

    private PackWriter() {}

    public static PackFiles files(Pack pack) {
        var files = new LinkedHashMap<String, byte[]>();
        var course = pack.course();
        var courseYaml = new LinkedHashMap<String, Object>();
        courseYaml.put("key", course.key());
        courseYaml.put("title", course.title());
        courseYaml.put("subject", course.subject());
        courseYaml.put("language", course.language());
        courseYaml.put("description", course.description());
        courseYaml.put("source", course.source());
        courseYaml.put("licence", course.licence());
        courseYaml.put("version", course.version());
        courseYaml.put(
                "units",
                course.units().stream()
                        .map(u -> map("key", u.key(), "title", u.title()))
                        .toList());
        files.put("course.yaml", utf8(Yamls.dump(courseYaml)));
        var skills = pack.skills().stream()
                .map(s -> {
                    var skill = map("key", s.key(), "unit", s.unit(), "name", s.name(), "description", s.description());
                    skill.put("prerequisites", s.prerequisites());
                    return skill;
                })
                .toList();
        files.put("skills.yaml", utf8(Yamls.dump(skills)));
        files.putAll(pack.attachments());
        for (var lesson : pack.lessons()) {
            var front = map("key", lesson.key(), "skill", lesson.skill(), "title", lesson.title());
            putIfPresent(front, "video", lesson.video());
            putIfPresent(front, "article", lesson.article());
            putIfPresent(front, "pdf", lesson.pdf());
            files.put(
                    "lessons/" + lesson.key() + ".md",
                    utf8("---\n" + Yamls.dump(front) + "---\n" + lesson.body() + "\n"));
        }
        if (!pack.items().isEmpty()) {
            var items = pack.items().stream()
                    .map(i -> Yamls.ordered(plain(i.body()), ITEM_ORDER))
                    .toList();
            files.put("items/items.yaml", utf8(Yamls.dump(items)));
        }
        return new PackFiles(files);
    }

    /** One item as an author writes it in {@code items/*.yaml}, for the editor to load a stored item back. */
    public static String item(Map<String, Object> body) {
        return Yamls.dump(Yamls.ordered(plain(body), ITEM_ORDER));
    }

    public static byte[] zip(PackFiles pack) {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            for (var file : pack.files().entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static void write(PackFiles pack, Path folder) throws IOException {
        for (var file : pack.files().entrySet()) {
            var target = folder.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
    }

    /** Drops nulls, and writes whole numbers as integers so YAML shows {@code 5}, not {@code !!float '5'}. */
    @SuppressWarnings("unchecked")
    private static @Nullable Object plainValue(@Nullable Object value) {
        if (value instanceof Map<?, ?> map) {
            return plain((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            var result = new ArrayList<@Nullable Object>();
            list.forEach(v -> result.add(plainValue(v)));
            return result;
        }
        if (value instanceof BigDecimal number) {
            var stripped = number.stripTrailingZeros();
            return stripped.scale() <= 0 && stripped.precision() - stripped.scale() < 19
                    ? (Object) stripped.longValueExact()
                    : (Object) number.doubleValue();
        }
        if (value instanceof Integer number) {
            return number.longValue();
        }
        return value;
    }

    private static Map<String, Object> plain(Map<String, Object> map) {
        var result = new LinkedHashMap<String, Object>();
        map.forEach((k, v) -> {
            var value = plainValue(v);
            if (value != null) {
                result.put(k, value);
            }
        });
        return result;
    }

    private static LinkedHashMap<String, Object> map(Object... pairs) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static void putIfPresent(Map<String, Object> map, String key, @Nullable String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
