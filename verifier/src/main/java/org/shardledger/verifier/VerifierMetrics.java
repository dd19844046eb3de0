package org.shardledger.verifier;

import org.shardledger.protocol.audit.AuditOutcome;

/**
 * The verifier's countable events, as its status log sees them; {@link #NONE} records nothing. The node module
 * implements it with Micrometer, so the verifier stays free of any metrics library.
 */
public interface VerifierMetrics {
  VerifierMetrics NONE = new VerifierMetrics() {};

  /**
   * One deal audited: its outcome, the reason recorded with it, and how long the operator took to answer the last
   * attempt (milliseconds; only meaningful when it answered, i.e. PASS or FAIL).
   */
  default void audited(AuditOutcome outcome, String reason, long latencyMillis) {}

  /** An epoch's report signed. */
  default void reportSigned(long epoch) {}

  /** A report delivered to a ledger, or not. */
  default void reportDelivered(boolean ok) {}
}
