package org.shardledger.ledger.records;

import java.util.Objects;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.protocol.crypto.Address;

/** A counted verifier whose result for a deal in an epoch differed from the verifiers' t-of-n verdict. */
public record DisagreementRecord(long epoch, long dealId, Address verifier, AuditOutcome reported,
    AuditOutcome aggregate) {
  public DisagreementRecord {
    Objects.requireNonNull(verifier, "verifier");
    Objects.requireNonNull(reported, "reported");
    Objects.requireNonNull(aggregate, "aggregate");
  }
}
