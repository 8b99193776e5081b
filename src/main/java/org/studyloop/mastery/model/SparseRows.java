package org.studyloop.mastery.model;

import java.util.Arrays;

/** Rows of sparse feature vectors (compressed sparse rows) with a 0/1 label each. */
public final class SparseRows {

    private int[] start = new int[1025];
    private int[] columns = new int[16384];
    private float[] values = new float[16384];
    private boolean[] labels = new boolean[1024];
    private int rows;
    private int entries;

    public int rows() {
        return rows;
    }

    /** Starts a row with the given label; {@link #put} adds its entries. */
    public void beginRow(boolean label) {
        if (rows == labels.length) {
            labels = Arrays.copyOf(labels, rows * 2);
            start = Arrays.copyOf(start, rows * 2 + 1);
        }
        labels[rows] = label;
        rows++;
        start[rows] = entries;
    }

    public void put(int column, double value) {
        if (value == 0) {
            return;
        }
        if (entries == columns.length) {
            columns = Arrays.copyOf(columns, entries * 2);
            values = Arrays.copyOf(values, entries * 2);
        }
        columns[entries] = column;
        values[entries] = (float) value;
        entries++;
        start[rows] = entries;
    }

    public boolean label(int row) {
        return labels[row];
    }

    /** The dot product of a row with a weight vector. */
    public double dot(int row, double[] weights) {
        double sum = 0;
        for (int e = start[row]; e < start[row + 1]; e++) {
            sum += weights[columns[e]] * values[e];
        }
        return sum;
    }

    /** Adds {@code factor} times a row to a vector. */
    public void addTo(int row, double factor, double[] target) {
        for (int e = start[row]; e < start[row + 1]; e++) {
            target[columns[e]] += factor * values[e];
        }
    }
}
