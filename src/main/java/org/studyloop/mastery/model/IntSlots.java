package org.studyloop.mastery.model;

import java.util.Arrays;

/**
 * Gives each distinct non-negative int key a dense slot {@code 0, 1, 2…} in O(1): an
 * open-addressing hash table (linear probing) of primitives, for per-student state without boxing.
 */
final class IntSlots {

    private int[] keys = new int[8];
    private int[] slots = new int[8];
    private int size;

    IntSlots() {
        Arrays.fill(keys, -1);
    }

    int size() {
        return size;
    }

    /** The slot of a key, or -1 when it has none. */
    int find(int key) {
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return slots[i];
            }
            if (keys[i] == -1) {
                return -1;
            }
        }
    }

    /** The slot of a key, a new one (the next dense number) when it has none. */
    int slot(int key) {
        int found = find(key);
        if (found >= 0) {
            return found;
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        insert(key, size);
        return size++;
    }

    private void insert(int key, int slot) {
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (keys[i] != -1) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        slots[i] = slot;
    }

    private void grow() {
        var oldKeys = keys;
        var oldSlots = slots;
        keys = new int[oldKeys.length * 2];
        slots = new int[oldKeys.length * 2];
        Arrays.fill(keys, -1);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != -1) {
                insert(oldKeys[i], oldSlots[i]);
            }
        }
    }

    private static int mix(int key) {
        int h = key * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
