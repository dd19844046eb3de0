package org.shardledger.verifier.reputation;

/**
 * The parameters of the two scores, after Storj's satellite (docs/verifier.md says why each value):
 *
 * <ul>
 *   <li>audit score — PASS is a success, FAIL a failure; λ = 0.999, starting at α = 1000, β = 0; an operator at or
 *       below 0.96 is disqualified (from a perfect record that takes about 41 straight failures);
 *   <li>online score — PASS and FAIL are successes (it answered), UNREACHABLE a failure; λ = 0.95, starting at
 *       α = 20, β = 0; below 0.6 the operator is suspended (shown, never slashed: unknown is not guilty);
 *   <li>new operators are vetted for their first 100 audits.
 * </ul>
 */
public record ReputationModel(double auditLambda, double auditAlpha0, double auditBeta0, double disqualifyAtOrBelow,
    double onlineLambda, double onlineAlpha0, double onlineBeta0, double suspendBelow, int vettingAudits) {

  public static final ReputationModel STORJ_LIKE = new ReputationModel(0.999, 1000, 0, 0.96, 0.95, 20, 0, 0.6, 100);

  public ReputationModel {
    for (double lambda : new double[] {auditLambda, onlineLambda}) {
      if (!(lambda > 0 && lambda <= 1)) {
        throw new IllegalArgumentException("forgetting factors are in (0, 1], got " + lambda);
      }
    }
    if (!(disqualifyAtOrBelow >= 0 && disqualifyAtOrBelow < 1 && suspendBelow >= 0 && suspendBelow < 1)) {
      throw new IllegalArgumentException("thresholds are in [0, 1)");
    }
    if (vettingAudits < 0) {
      throw new IllegalArgumentException("vetting audits must not be negative");
    }
  }

  public OperatorReputation fresh(org.shardledger.protocol.crypto.Address operator) {
    return new OperatorReputation(operator, new BetaScore(auditAlpha0, auditBeta0),
        new BetaScore(onlineAlpha0, onlineBeta0), 0, 0, 0);
  }
}
