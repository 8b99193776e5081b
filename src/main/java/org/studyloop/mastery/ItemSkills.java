package org.studyloop.mastery;

import java.util.Arrays;

/**
 * The item-to-skill (Q) matrix over dense ids: items {@code 0..items()-1}, skills {@code
 * 0..skills()-1}. An item may have several skills, or none (then models use the item and the
 * student alone).
 */
public final class ItemSkills {

    private static final int[] NONE = new int[0];

    private final int[][] skillsOfItem;
    private final int skills;

    private ItemSkills(int[][] skillsOfItem, int skills) {
        this.skillsOfItem = skillsOfItem;
        this.skills = skills;
    }

    /**
     * @param skillsOfItem for each item, its distinct skill ids (copied)
     * @param skills the number of skills; every id is below it
     */
    public static ItemSkills of(int[][] skillsOfItem, int skills) {
        var copy = new int[skillsOfItem.length][];
        for (int i = 0; i < copy.length; i++) {
            var row = skillsOfItem[i] == null
                    ? NONE
                    : Arrays.stream(skillsOfItem[i]).distinct().sorted().toArray();
            for (int s : row) {
                if (s < 0 || s >= skills) {
                    throw new IllegalArgumentException("skill " + s + " of item " + i + " is not below " + skills);
                }
            }
            copy[i] = row;
        }
        return new ItemSkills(copy, skills);
    }

    public int items() {
        return skillsOfItem.length;
    }

    public int skills() {
        return skills;
    }

    /** The skills of an item; an empty array for an item beyond the matrix. Do not modify. */
    public int[] skillsOf(int item) {
        return item >= 0 && item < skillsOfItem.length ? skillsOfItem[item] : NONE;
    }
}
