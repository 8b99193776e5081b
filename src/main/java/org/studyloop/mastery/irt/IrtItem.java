package org.studyloop.mastery.irt;

/**
 * An item of the two-parameter logistic model (Birnbaum 1968): P(correct | θ) = 1 / (1 + exp(−a (θ
 * − b))). The one-parameter model is the same with one slope shared by all items.
 *
 * @param discrimination a, the slope at θ = b; positive
 * @param difficulty b, the ability at which P(correct) = 1/2, on the logit scale of the N(0, 1)
 *     ability
 */
public record IrtItem(double discrimination, double difficulty) {

    public IrtItem {
        if (!(discrimination > 0) || !Double.isFinite(discrimination) || !Double.isFinite(difficulty)) {
            throw new IllegalArgumentException("not an item: a=" + discrimination + " b=" + difficulty);
        }
    }

    /** P(correct) at ability θ. */
    public double probability(double theta) {
        return sigmoid(discrimination * (theta - difficulty));
    }

    /** Fisher information at θ: a² P (1 − P) (Lord 1980, eq. 5-6 for the 2PL). */
    public double information(double theta) {
        double p = probability(theta);
        return discrimination * discrimination * p * (1 - p);
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    /** log σ(z), stable for large |z|. */
    static double logSigmoid(double z) {
        return z >= 0 ? -Math.log1p(Math.exp(-z)) : z - Math.log1p(Math.exp(z));
    }
}
