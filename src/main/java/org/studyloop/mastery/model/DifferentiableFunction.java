package org.studyloop.mastery.model;

/** A smooth function to minimise: its value and its gradient at a point. */
@FunctionalInterface
public interface DifferentiableFunction {

    /**
     * @param x the point; not modified
     * @param gradient receives the gradient at {@code x}
     * @return the value at {@code x}
     */
    double valueAndGradient(double[] x, double[] gradient);
}
