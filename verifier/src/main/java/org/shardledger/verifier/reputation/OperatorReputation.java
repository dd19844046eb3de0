package org.shardledger.verifier.reputation;

import java.util.Objects;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.protocol.crypto.Address;

/** One operator's standing with this verifier: two beta scores and counts of what was seen. */
public record OperatorReputation(Address operator, BetaScore audit, BetaScore online, long passes, long fails,
    long unreachable) {

  public enum Standing { VETTING, GOOD, SUSPENDED, DISQUALIFIED }

  public OperatorReputation {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(audit, "audit");
    Objects.requireNonNull(online, "online");
  }

  public long audits() {
    return passes + fails + unreachable;
  }

  public Standing standing(ReputationModel model) {
    if (audit.score() <= model.disqualifyAtOrBelow()) {
      return Standing.DISQUALIFIED;
    }
    if (online.score() < model.suspendBelow()) {
      return Standing.SUSPENDED;
    }
    return passes + fails < model.vettingAudits() ? Standing.VETTING : Standing.GOOD;
  }

  /** The reputation after one audit outcome, with the change and its reason spelled out. */
  public ReputationChange apply(ReputationModel model, AuditOutcome outcome, long epoch, long dealId, String reason) {
    OperatorReputation after = switch (outcome) {
      case PASS -> new OperatorReputation(operator, audit.success(model.auditLambda(), 1),
          online.success(model.onlineLambda(), 1), passes + 1, fails, unreachable);
      case FAIL -> new OperatorReputation(operator, audit.failure(model.auditLambda(), 1),
          online.success(model.onlineLambda(), 1), passes, fails + 1, unreachable);
      case UNREACHABLE -> new OperatorReputation(operator, audit, online.failure(model.onlineLambda(), 1), passes,
          fails, unreachable + 1);
    };
    return new ReputationChange(operator, epoch, dealId, outcome, reason, this, after, standing(model),
        after.standing(model));
  }
}
