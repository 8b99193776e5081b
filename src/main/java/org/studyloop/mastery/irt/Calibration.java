package org.studyloop.mastery.irt;

import java.util.List;

/**
 * The result of a marginal maximum likelihood calibration.
 *
 * @param items each item's parameters, by dense item number
 * @param answers the answers each item was calibrated on
 * @param freeSlope whether the item has its own discrimination (2PL) or the shared one
 * @param sharedDiscrimination the slope of the items without their own
 * @param logLikelihood the marginal log-likelihood of the training answers at the estimates
 * @param iterations EM cycles run
 * @param converged whether the largest parameter change fell under the tolerance
 */
public record Calibration(
        List<IrtItem> items,
        int[] answers,
        boolean[] freeSlope,
        double sharedDiscrimination,
        double logLikelihood,
        int iterations,
        boolean converged) {

    public Calibration {
        items = List.copyOf(items);
    }

    public IrtItem item(int item) {
        return items.get(item);
    }

    /** How many items have their own discrimination. */
    public int twoParameterItems() {
        int n = 0;
        for (boolean free : freeSlope) {
            n += free ? 1 : 0;
        }
        return n;
    }
}
