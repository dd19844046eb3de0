package org.shardledger.protocol.aggregation;

import java.util.Comparator;
import java.util.Objects;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.protocol.crypto.Address;

/** A counted verifier whose result for a deal differs from the t-of-n aggregate (shown by the ledger). */
public record Disagreement(long dealId, Address verifier, AuditOutcome reported, AuditOutcome aggregate) {
  static final Comparator<Disagreement> ORDER =
      Comparator.comparingLong(Disagreement::dealId).thenComparing(Disagreement::verifier);

  public Disagreement {
    Objects.requireNonNull(verifier, "verifier");
    Objects.requireNonNull(reported, "reported");
    Objects.requireNonNull(aggregate, "aggregate");
  }
}
