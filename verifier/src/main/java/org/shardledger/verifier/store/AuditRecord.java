package org.shardledger.verifier.store;

import java.util.Objects;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.protocol.crypto.Address;

/**
 * What this verifier concluded about one deal in one epoch, and why. {@code reason} is a short code (a proof
 * verdict's reason, or how the operator could not be reached); {@code detail} says it in words.
 */
public record AuditRecord(long epoch, long dealId, Address operator, AuditOutcome outcome, String reason,
    String detail, int attempts, long latencyMillis, String proofHash, String operatorSignature) {
  public AuditRecord {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
    detail = detail == null ? "" : detail.length() > 2000 ? detail.substring(0, 2000) + "…" : detail;
  }
}
