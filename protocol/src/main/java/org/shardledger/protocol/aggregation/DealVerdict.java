package org.shardledger.protocol.aggregation;

import java.util.Objects;
import org.shardledger.protocol.audit.AuditOutcome;

/**
 * The aggregate outcome of one deal in one epoch and the counts it came from: PASS if at least t counted
 * verifiers report PASS, else FAIL if at least t report FAIL, else UNREACHABLE (which covers deals nobody
 * reported on).
 */
public record DealVerdict(AuditOutcome outcome, VerdictBasis basis, int pass, int fail, int unreachable) {
  public static final DealVerdict BEACON_MISSING = new DealVerdict(AuditOutcome.PASS, VerdictBasis.BEACON_MISSING,
      0, 0, 0);
  public static final DealVerdict NOT_AUDITED = new DealVerdict(AuditOutcome.PASS, VerdictBasis.NOT_AUDITED,
      0, 0, 0);

  public DealVerdict {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(basis, "basis");
    if (pass < 0 || fail < 0 || unreachable < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }

  /** The t-of-n rule over the counts of the counted reports. */
  public static DealVerdict audited(int threshold, int pass, int fail, int unreachable) {
    AuditOutcome outcome = pass >= threshold ? AuditOutcome.PASS
        : fail >= threshold ? AuditOutcome.FAIL : AuditOutcome.UNREACHABLE;
    return new DealVerdict(outcome, VerdictBasis.AUDITED, pass, fail, unreachable);
  }
}
