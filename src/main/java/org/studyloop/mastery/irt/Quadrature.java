package org.studyloop.mastery.irt;

/**
 * Points and weights that integrate over a standard normal ability: Gauss–Hermite for the
 * calibration's E-step (Bock and Aitkin 1981 use quadrature over the ability distribution), and an
 * equally spaced grid for a student's posterior, whose mass narrows to a few tenths of a logit as a
 * test goes on, where Gauss–Hermite's few central points would be too coarse.
 *
 * @param points abilities, ascending
 * @param weights the N(0, 1) mass of each point, summing to 1
 */
public record Quadrature(double[] points, double[] weights) {

    public int size() {
        return points.length;
    }

    /**
     * The n-point Gauss–Hermite rule for N(0, 1): the roots of the probabilists' Hermite polynomial
     * He_n, with weights proportional to 1 / He_{n−1}(x)² (Abramowitz and Stegun 25.4.46, rescaled
     * to the standard normal density). Roots are bracketed on a fine scan and refined by bisection,
     * which needs no initial guesses.
     */
    public static Quadrature gaussHermite(int n) {
        if (n < 2 || n > 80) {
            throw new IllegalArgumentException("Gauss-Hermite points must be in [2, 80]");
        }
        double bound = Math.sqrt(4.0 * n + 2) + 1;
        var points = new double[n];
        var weights = new double[n];
        int found = 0;
        double step = 1e-3;
        double x0 = -bound;
        double f0 = hermite(n, x0)[0];
        for (double x1 = x0 + step; x1 <= bound && found < n; x1 += step) {
            double f1 = hermite(n, x1)[0];
            if (f0 == 0 || Math.signum(f0) != Math.signum(f1)) {
                double lo = x0;
                double hi = x1;
                for (int i = 0; i < 60; i++) {
                    double mid = (lo + hi) / 2;
                    if (Math.signum(hermite(n, mid)[0]) == Math.signum(hermite(n, lo)[0])) {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                points[found++] = (lo + hi) / 2;
            }
            x0 = x1;
            f0 = f1;
        }
        if (found != n) {
            throw new IllegalStateException("found " + found + " of " + n + " Hermite roots");
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double previous = hermite(n, points[i])[1];
            weights[i] = 1 / (previous * previous);
            sum += weights[i];
        }
        for (int i = 0; i < n; i++) {
            weights[i] /= sum;
        }
        return new Quadrature(points, weights);
    }

    /** n equally spaced points on [lo, hi] weighted by the N(0, 1) density (Bock and Mislevy 1982). */
    public static Quadrature grid(int n, double lo, double hi) {
        var points = new double[n];
        var weights = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            points[i] = lo + (hi - lo) * i / (n - 1);
            weights[i] = Math.exp(-points[i] * points[i] / 2);
            sum += weights[i];
        }
        for (int i = 0; i < n; i++) {
            weights[i] /= sum;
        }
        return new Quadrature(points, weights);
    }

    /** He_n(x) and He_{n−1}(x) by the recurrence He_{k+1} = x He_k − k He_{k−1}. */
    private static double[] hermite(int n, double x) {
        double previous = 1;
        double current = x;
        for (int k = 1; k < n; k++) {
            double next = x * current - k * previous;
            previous = current;
            current = next;
        }
        return new double[] {current, previous};
    }
}
