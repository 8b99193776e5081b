package org.studyloop.catalog.pack;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.studyloop.catalog.ItemType;

/**
 * A pack as read and checked: one course, its skills, lessons and items (docs/content-packs.md),
 * and the PDF files its lessons attach, by their path in the pack.
 */
public record Pack(
        Course course, List<Skill> skills, List<Lesson> lessons, List<Item> items, Map<String, byte[]> attachments) {

    public Pack(Course course, List<Skill> skills, List<Lesson> lessons, List<Item> items) {
        this(course, skills, lessons, items, Map.of());
    }

    public Pack {
        attachments = Map.copyOf(attachments);
        skills = List.copyOf(skills);
        lessons = List.copyOf(lessons);
        items = List.copyOf(items);
    }

    public record Course(
            String key,
            String title,
            String subject,
            String language,
            String description,
            String source,
            String licence,
            int version,
            List<Unit> units) {
        public Course {
            units = List.copyOf(units);
        }
    }

    public record Unit(String key, String title) {}

    public record Skill(String key, String unit, String name, String description, List<String> prerequisites) {
        public Skill {
            prerequisites = List.copyOf(prerequisites);
        }
    }

    public record Lesson(
            String key,
            String skill,
            String title,
            @Nullable String video,
            @Nullable String article,
            @Nullable String pdf,
            String body) {}

    /**
     * An item (or template) in the pack's own format: {@code body} holds every field as written,
     * as plain maps, lists, texts and numbers, and is what the catalog stores as JSON.
     */
    public record Item(String key, ItemType type, List<String> skills, Map<String, Object> body) {
        public Item {
            skills = List.copyOf(skills);
        }
    }
}
