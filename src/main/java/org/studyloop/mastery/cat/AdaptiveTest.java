package org.studyloop.mastery.cat;

import java.util.Arrays;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;
import org.studyloop.mastery.irt.AbilityPosterior;
import org.studyloop.mastery.irt.IrtItem;

/**
 * One computerized adaptive test over a bank of calibrated items, each in a content area (a section
 * or skill of the blueprint) that should get a share of the test.
 *
 * <p>Each next item: the content area furthest below its share of the items given so far (the
 * constrained CAT of Kingsbury and Zara 1989, 1991), and in it the item of maximum Fisher
 * information at the current ability estimate (Lord 1980), drawn at random among the {@code
 * randomesque} most informative so that the best items are not given to everyone (randomesque
 * exposure control, Kingsbury and Zara 1989). Ability is the EAP estimate under an N(0, 1) prior
 * with its posterior SD as standard error (Bock and Mislevy 1982), which exists from the first
 * answer, when maximum likelihood would still be infinite. The test stops when the SE reaches the
 * target, at the maximum length, or when the bank is exhausted.
 */
public final class AdaptiveTest {

    private final IrtItem[] items;
    private final int[] areas;
    private final double[] shares;
    private final Rules rules;
    private final AbilityPosterior posterior = new AbilityPosterior();
    private final boolean[] used;
    private final int[] given;
    private int length;

    /**
     * Stop and exposure rules.
     *
     * @param targetStandardError stop once the ability's SE is at most this
     * @param maxLength stop after this many items
     * @param randomesque how many of the most informative items the choice is drawn from
     */
    public record Rules(double targetStandardError, int maxLength, int randomesque) {
        public Rules {
            if (!(targetStandardError > 0) || maxLength < 1 || randomesque < 1) {
                throw new IllegalArgumentException("CAT rules out of range");
            }
        }
    }

    /**
     * @param areas each item's content area, 0 to {@code shares.length - 1}
     * @param shares each area's intended share of the test; need not sum to 1
     */
    public AdaptiveTest(IrtItem[] items, int[] areas, double[] shares, Rules rules) {
        if (items.length != areas.length) {
            throw new IllegalArgumentException("one content area per item");
        }
        this.items = items;
        this.areas = areas;
        double total = Arrays.stream(shares).sum();
        this.shares = Arrays.stream(shares)
                .map(s -> total > 0 ? s / total : 1.0 / shares.length)
                .toArray();
        this.rules = rules;
        this.used = new boolean[items.length];
        this.given = new int[shares.length];
    }

    /** Takes an answer to an item of the bank; the item will not be chosen again. */
    public void record(int item, boolean correct) {
        if (!used[item]) {
            used[item] = true;
            given[areas[item]]++;
        }
        posterior.update(items[item], correct);
        length++;
    }

    /** Takes an answer to an item outside the bank (no longer offered, or a template's instance). */
    public void record(IrtItem item, boolean correct) {
        posterior.update(item, correct);
        length++;
    }

    /** Marks an item as not to be given (seen before, or withdrawn) without an answer. */
    public void exclude(int item) {
        used[item] = true;
    }

    public boolean finished() {
        return length >= rules.maxLength() || posterior.standardError() <= rules.targetStandardError();
    }

    /** The next item, or empty when the test is finished or nothing is left to give. */
    public OptionalInt next(RandomGenerator random) {
        if (finished()) {
            return OptionalInt.empty();
        }
        double theta = posterior.mean();
        var order = areasByDeficit();
        for (int area : order) {
            var best = ItemChoice.mostInformative(items, areas, used, area, theta, rules.randomesque());
            if (best.length > 0) {
                return OptionalInt.of(best[random.nextInt(best.length)]);
            }
        }
        return OptionalInt.empty();
    }

    /** Areas with a share, the one furthest below its share first (Kingsbury and Zara 1989). */
    private Integer[] areasByDeficit() {
        var order = new Integer[shares.length];
        var deficit = new double[shares.length];
        for (int a = 0; a < shares.length; a++) {
            order[a] = a;
            deficit[a] = shares[a] - (length == 0 ? 0 : (double) given[a] / Math.max(1, countGiven()));
        }
        Arrays.sort(order, (x, y) -> Double.compare(deficit[y], deficit[x]));
        return Arrays.stream(order).filter(a -> shares[a] > 0).toArray(Integer[]::new);
    }

    private int countGiven() {
        int n = 0;
        for (int g : given) {
            n += g;
        }
        return n;
    }

    /** The EAP ability estimate. */
    public double ability() {
        return posterior.mean();
    }

    public double standardError() {
        return posterior.standardError();
    }

    /** Items answered. */
    public int length() {
        return length;
    }
}
