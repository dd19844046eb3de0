package org.shardledger.verifier.reputation;

import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.protocol.crypto.Address;

/** Why a reputation moved: the audit behind it and the scores before and after. Kept for every change. */
public record ReputationChange(Address operator, long epoch, long dealId, AuditOutcome outcome, String reason,
    OperatorReputation before, OperatorReputation after, OperatorReputation.Standing standingBefore,
    OperatorReputation.Standing standingAfter) {

  /** "audit score 0.9990 → 0.9970, online 1.0000 → 1.0000: FAIL (epoch 7, deal 3): BAD_PATH …" */
  public String describe() {
    return String.format(java.util.Locale.ROOT, "audit score %.4f -> %.4f, online score %.4f -> %.4f: %s in epoch %d "
        + "for deal %d (%s)%s", before.audit().score(), after.audit().score(), before.online().score(),
        after.online().score(), outcome, epoch, dealId, reason,
        standingBefore == standingAfter ? "" : "; standing " + standingBefore + " -> " + standingAfter);
  }
}
