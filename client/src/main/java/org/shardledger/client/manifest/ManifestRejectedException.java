package org.shardledger.client.manifest;

/** A manifest refused, with {@link #problem()} saying which way; nothing was read or written with it. */
public final class ManifestRejectedException extends Exception {
  private final ManifestProblem problem;

  public ManifestRejectedException(ManifestProblem problem, String reason) {
    super(reason);
    this.problem = problem;
  }

  public ManifestProblem problem() {
    return problem;
  }
}
