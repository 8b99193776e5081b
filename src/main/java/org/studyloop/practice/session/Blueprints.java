package org.studyloop.practice.session;

import java.util.ArrayList;
import java.util.Optional;
import org.studyloop.practice.bank.ItemBank;

/** The mock exam a course gets when the student gives no blueprint. */
final class Blueprints {

    /** About a dozen items at least: fewer would say little about a whole course. */
    static final int MINIMUM_ITEMS = 12;

    private Blueprints() {}

    /**
     * One section per unit, every skill of the course drawn equally — once when the course has a
     * dozen skills or more, more often when it has fewer; the time limit follows from the item
     * count.
     */
    static Start.Blueprint standard(ItemBank.Course course) {
        var skills = course.outline().skills().size();
        var perSkill = skills >= MINIMUM_ITEMS ? 1 : (int) Math.ceil((double) MINIMUM_ITEMS / Math.max(1, skills));
        var sections = new ArrayList<Start.Section>();
        for (var unit : course.outline().units()) {
            if (!unit.skills().isEmpty()) {
                sections.add(new Start.Section(
                        unit.title(),
                        unit.skills().stream()
                                .map(s -> new Start.SkillCount(s.skillId(), perSkill))
                                .toList()));
            }
        }
        return new Start.Blueprint(Optional.empty(), sections);
    }
}
