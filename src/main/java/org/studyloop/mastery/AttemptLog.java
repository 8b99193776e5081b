package org.studyloop.mastery;

import java.util.Arrays;

/**
 * Answers in columns of primitives, grouped by student and in each student's temporal order: the
 * training input of a {@link KnowledgeModel} and the replay input of an evaluation. Ids are dense
 * ({@code 0..n-1}); times are in seconds on any fixed origin, 0 everywhere when unknown.
 */
public final class AttemptLog {

    private final int[] students;
    private final int[] items;
    private final boolean[] correct;
    private final long[] times;

    private AttemptLog(int[] students, int[] items, boolean[] correct, long[] times) {
        this.students = students;
        this.items = items;
        this.correct = correct;
        this.times = times;
    }

    public int size() {
        return items.length;
    }

    public int student(int row) {
        return students[row];
    }

    public int item(int row) {
        return items[row];
    }

    public boolean correct(int row) {
        return correct[row];
    }

    /** When the answer was given, in seconds; 0 when the log has no times. */
    public long time(int row) {
        return times[row];
    }

    /** Whether the answers carry times: not all equal. */
    public boolean hasTimes() {
        for (int r = 1; r < times.length; r++) {
            if (times[r] != times[0]) {
                return true;
            }
        }
        return false;
    }

    /** The rows of the given students, in their original order. */
    public AttemptLog ofStudents(java.util.function.IntPredicate keep) {
        var builder = new Builder();
        for (int r = 0; r < size(); r++) {
            if (keep.test(students[r])) {
                builder.add(students[r], items[r], correct[r], times[r]);
            }
        }
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Appends answers; grows its arrays geometrically. */
    public static final class Builder {

        private int[] students = new int[1024];
        private int[] items = new int[1024];
        private boolean[] correct = new boolean[1024];
        private long[] times = new long[1024];
        private int size;

        public Builder add(int student, int item, boolean isCorrect) {
            return add(student, item, isCorrect, 0);
        }

        public Builder add(int student, int item, boolean isCorrect, long time) {
            if (student < 0 || item < 0) {
                throw new IllegalArgumentException("ids are dense and not negative");
            }
            if (size == items.length) {
                students = Arrays.copyOf(students, size * 2);
                items = Arrays.copyOf(items, size * 2);
                correct = Arrays.copyOf(correct, size * 2);
                times = Arrays.copyOf(times, size * 2);
            }
            times[size] = time;
            students[size] = student;
            items[size] = item;
            correct[size] = isCorrect;
            size++;
            return this;
        }

        public AttemptLog build() {
            return new AttemptLog(
                    Arrays.copyOf(students, size),
                    Arrays.copyOf(items, size),
                    Arrays.copyOf(correct, size),
                    Arrays.copyOf(times, size));
        }
    }
}
