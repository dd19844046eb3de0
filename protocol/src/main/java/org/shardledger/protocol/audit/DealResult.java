package org.shardledger.protocol.audit;

import java.util.Objects;

/** One deal's outcome in one verifier's report. */
public record DealResult(long dealId, AuditOutcome outcome) {
  public DealResult {
    Objects.requireNonNull(outcome, "outcome");
    if (dealId < 0) {
      throw new IllegalArgumentException("deal id must not be negative");
    }
  }
}
