package org.shardledger.verifier.reputation;

/**
 * A beta reputation: α counts (decayed) successes, β (decayed) failures; the score is α / (α + β). Each update
 * first forgets a little of the past (×λ), so an old mistake fades and a new one weighs fully.
 */
public record BetaScore(double alpha, double beta) {
  public BetaScore {
    if (!(alpha >= 0) || !(beta >= 0)) {
      throw new IllegalArgumentException("alpha and beta must be non-negative");
    }
  }

  public double score() {
    double sum = alpha + beta;
    return sum == 0 ? 1.0 : alpha / sum;
  }

  public BetaScore success(double lambda, double weight) {
    return new BetaScore(lambda * alpha + weight, lambda * beta);
  }

  public BetaScore failure(double lambda, double weight) {
    return new BetaScore(lambda * alpha, lambda * beta + weight);
  }
}
