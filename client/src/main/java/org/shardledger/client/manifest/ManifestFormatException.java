package org.shardledger.client.manifest;

/** A manifest that cannot be read as a v1 manifest; {@link #problem()} says which way. */
public final class ManifestFormatException extends Exception {
  private final ManifestProblem problem;

  ManifestFormatException(ManifestProblem problem, String message) {
    super(message);
    this.problem = problem;
  }

  public ManifestProblem problem() {
    return problem;
  }
}
