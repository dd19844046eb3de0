package org.shardledger.protocol.settlement;

import java.util.List;

/**
 * What a ledger sends {@code verifier_signSettlement}: the settlement to sign (the last step), preceded by the
 * settlements already on chain that the verifier must replay first when its own state is behind (it answers
 * NOT_READY with the epoch it needs from). Steps are consecutive: each starts the epoch after the previous one.
 */
public record SignSettlementRequest(List<SettlementStep> steps) {
  public SignSettlementRequest {
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a request has at least one step");
    }
    for (int i = 1; i < steps.size(); i++) {
      if (steps.get(i).fromEpoch() != steps.get(i - 1).epoch() + 1) {
        throw new IllegalArgumentException("step " + i + " starts at epoch " + steps.get(i).fromEpoch()
            + ", the one before it ends at " + steps.get(i - 1).epoch());
      }
    }
  }

  public static SignSettlementRequest of(SettlementStep step) {
    return new SignSettlementRequest(List.of(step));
  }

  /** The step to sign. */
  public SettlementStep proposed() {
    return steps.getLast();
  }

  /** The settled steps before it (to replay). */
  public List<SettlementStep> history() {
    return steps.subList(0, steps.size() - 1);
  }
}
