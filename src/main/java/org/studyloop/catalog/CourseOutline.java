package org.studyloop.catalog;

import java.util.List;

/** A course with its units and skills graph, in the order of its pack. */
public record CourseOutline(
        CourseId courseId, String key, String title, String subject, String language, List<Unit> units) {

    public CourseOutline {
        units = List.copyOf(units);
    }

    public record Unit(String unitId, String key, String title, List<Skill> skills) {
        public Unit {
            skills = List.copyOf(skills);
        }
    }

    /** A skill and the skills it builds on (its direct prerequisites). */
    public record Skill(SkillId skillId, String key, String name, String description, List<SkillId> prerequisites) {
        public Skill {
            prerequisites = List.copyOf(prerequisites);
        }
    }

    /** Every skill of the course, unit by unit. */
    public List<Skill> skills() {
        return units.stream().flatMap(u -> u.skills().stream()).toList();
    }
}
