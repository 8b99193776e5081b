package org.studyloop.mastery.model;

import java.util.Arrays;

/**
 * Limited-memory BFGS (Liu and Nocedal, "On the limited memory BFGS method for large scale
 * optimization", Mathematical Programming 45, 1989; the two-loop recursion of Nocedal and Wright,
 * "Numerical Optimization", 2nd ed., algorithm 7.4) with a backtracking line search under the
 * Armijo condition. Meant for smooth convex objectives such as L2-regularised logistic loss.
 */
public final class Lbfgs {

    private final int memory;
    private final int maxIterations;
    private final double tolerance;

    /**
     * @param memory how many correction pairs to keep (5 to 20 is usual)
     * @param maxIterations the most iterations
     * @param tolerance stop when the relative decrease of the value over an iteration is below it
     */
    public Lbfgs(int memory, int maxIterations, double tolerance) {
        if (memory < 1 || maxIterations < 1 || !(tolerance > 0)) {
            throw new IllegalArgumentException("memory, iterations and tolerance must be positive");
        }
        this.memory = memory;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
    }

    /** The outcome: the minimiser found, its value, and the iterations it took. */
    public record Result(double[] x, double value, int iterations) {}

    public Result minimize(DifferentiableFunction f, double[] start) {
        int n = start.length;
        var x = start.clone();
        var g = new double[n];
        double fx = f.valueAndGradient(x, g);
        var s = new double[memory][n];
        var y = new double[memory][n];
        var rho = new double[memory];
        var alpha = new double[memory];
        var d = new double[n];
        var xNew = new double[n];
        var gNew = new double[n];
        int stored = 0;
        int next = 0;
        int iteration = 0;
        while (iteration < maxIterations && norm(g) > 1e-10) {
            iteration++;
            // d = -H g by the two-loop recursion
            for (int i = 0; i < n; i++) {
                d[i] = -g[i];
            }
            for (int k = 0; k < stored; k++) {
                int j = Math.floorMod(next - 1 - k, memory);
                alpha[j] = rho[j] * dot(s[j], d);
                axpy(-alpha[j], y[j], d);
            }
            if (stored > 0) {
                int last = Math.floorMod(next - 1, memory);
                double gamma = dot(s[last], y[last]) / dot(y[last], y[last]);
                scale(d, gamma);
            } else {
                scale(d, 1 / Math.max(1, norm(g)));
            }
            for (int k = stored - 1; k >= 0; k--) {
                int j = Math.floorMod(next - 1 - k, memory);
                double beta = rho[j] * dot(y[j], d);
                axpy(alpha[j] - beta, s[j], d);
            }
            double slope = dot(g, d);
            if (slope >= 0) { // not a descent direction: restart from steepest descent
                for (int i = 0; i < n; i++) {
                    d[i] = -g[i] / Math.max(1, norm(g));
                }
                slope = dot(g, d);
                stored = 0;
            }
            double step = 1;
            double fNew;
            int tries = 0;
            while (true) {
                for (int i = 0; i < n; i++) {
                    xNew[i] = x[i] + step * d[i];
                }
                fNew = f.valueAndGradient(xNew, gNew);
                if (fNew <= fx + 1e-4 * step * slope || ++tries > 40) {
                    break;
                }
                step *= 0.5;
            }
            if (tries > 40) {
                break;
            }
            double sy = 0;
            for (int i = 0; i < n; i++) {
                s[next][i] = xNew[i] - x[i];
                y[next][i] = gNew[i] - g[i];
                sy += s[next][i] * y[next][i];
            }
            if (sy > 1e-12) {
                rho[next] = 1 / sy;
                next = (next + 1) % memory;
                stored = Math.min(stored + 1, memory);
            }
            double decrease = fx - fNew;
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            fx = fNew;
            if (decrease <= tolerance * Math.max(1, Math.abs(fx))) {
                break;
            }
        }
        return new Result(x, fx, iteration);
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static void scale(double[] a, double factor) {
        Arrays.setAll(a, i -> a[i] * factor);
    }
}
