package org.studyloop.mastery;

import java.util.Random;

/**
 * Answers simulated from a 1PL (Rasch) model with learning: student ability θ ~ N(0, 1), item
 * difficulty b ~ N(0, 1), and each earlier answer on a skill adds {@code learning} to the ability
 * on it. P(correct) = σ(θ + learning · practice − b).
 */
public final class SyntheticAnswers {

    public final int students;
    public final int items;
    public final int skills;
    public final int[] skillOfItem;
    public final int[][] answers; // rows of {student, item, correct}

    public SyntheticAnswers(int students, int items, int skills, int perStudent, double learning, long seed) {
        this.students = students;
        this.items = items;
        this.skills = skills;
        var random = new Random(seed);
        var difficulty = new double[items];
        skillOfItem = new int[items];
        for (int i = 0; i < items; i++) {
            difficulty[i] = random.nextGaussian();
            skillOfItem[i] = i % skills;
        }
        answers = new int[students * perStudent][];
        int row = 0;
        for (int s = 0; s < students; s++) {
            double ability = random.nextGaussian();
            var practice = new int[skills];
            for (int n = 0; n < perStudent; n++) {
                int item = random.nextInt(items);
                int skill = skillOfItem[item];
                double p = 1 / (1 + Math.exp(-(ability + learning * practice[skill] - difficulty[item])));
                answers[row++] = new int[] {s, item, random.nextDouble() < p ? 1 : 0};
                practice[skill]++;
            }
        }
    }

    public ItemSkills itemSkills() {
        var matrix = new int[items][];
        for (int i = 0; i < items; i++) {
            matrix[i] = new int[] {skillOfItem[i]};
        }
        return ItemSkills.of(matrix, skills);
    }

    /** The answers of students {@code from <= s < to}. */
    public AttemptLog log(int from, int to) {
        var builder = AttemptLog.builder();
        for (var a : answers) {
            if (a[0] >= from && a[0] < to) {
                builder.add(a[0], a[1], a[2] == 1);
            }
        }
        return builder.build();
    }
}
