package org.shardledger.verifier.audit;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.verifier.reputation.ReputationChange;
import org.shardledger.verifier.store.AuditRecord;

/** What the auditors keep: one result per (epoch, deal) with its reputation change, failed tries, progress. */
public interface AuditLog {
  /** Deals of an epoch that already have their result. */
  Set<Long> auditedDeals(long epoch) throws IOException;

  void recordAttempt(long epoch, long dealId, int attempt, AuditOutcome outcome, String reason, String detail)
      throws IOException;

  /**
   * Records the result and moves the operator's reputation with it; the change, or empty if the deal already had
   * a result (nothing is counted twice). Called from many audit threads at once.
   */
  Optional<ReputationChange> recordResult(AuditRecord record) throws IOException;

  /** The epoch's results by deal id. */
  List<AuditRecord> results(long epoch) throws IOException;

  /** The first epoch not finished yet; empty before the first. */
  Optional<Long> nextEpoch() throws IOException;

  void setNextEpoch(long epoch) throws IOException;
}
