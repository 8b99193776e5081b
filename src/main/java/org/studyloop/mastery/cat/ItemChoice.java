package org.studyloop.mastery.cat;

import org.studyloop.mastery.irt.IrtItem;

/**
 * The k most informative unused items of a content area at an ability, by Fisher information: one
 * pass over the bank with a small sorted buffer, O(items · k), no allocation beyond the result.
 */
final class ItemChoice {

    private ItemChoice() {}

    /** Indices of up to k unused items of the area (any area when {@code area} is negative), best first. */
    static int[] mostInformative(IrtItem[] items, int[] areas, boolean[] used, int area, double theta, int k) {
        var best = new int[k];
        var info = new double[k];
        int n = 0;
        for (int i = 0; i < items.length; i++) {
            if (used[i] || (area >= 0 && areas[i] != area)) {
                continue;
            }
            double value = items[i].information(theta);
            if (n < k || value > info[n - 1]) {
                int at = n < k ? n++ : n - 1;
                while (at > 0 && info[at - 1] < value) {
                    info[at] = info[at - 1];
                    best[at] = best[at - 1];
                    at--;
                }
                info[at] = value;
                best[at] = i;
            }
        }
        return n == k ? best : java.util.Arrays.copyOf(best, n);
    }
}
