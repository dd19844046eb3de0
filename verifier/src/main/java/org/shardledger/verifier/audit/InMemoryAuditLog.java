package org.shardledger.verifier.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.verifier.reputation.OperatorReputation;
import org.shardledger.verifier.reputation.ReputationChange;
import org.shardledger.verifier.reputation.ReputationModel;
import org.shardledger.verifier.store.AuditRecord;

/** The audit log in memory, with the same once-per-(epoch, deal) rule and reputation moves as the H2 one. */
public final class InMemoryAuditLog implements AuditLog {
  /** One failed try as recorded. */
  public record Attempt(long epoch, long dealId, int attempt, AuditOutcome outcome, String reason, String detail) {}

  private final ReputationModel model;
  private final Map<String, AuditRecord> results = new HashMap<>();
  private final Map<Address, OperatorReputation> reputations = new HashMap<>();
  private final List<Attempt> attempts = new ArrayList<>();
  private Long nextEpoch;

  public InMemoryAuditLog(ReputationModel model) {
    this.model = model;
  }

  @Override
  public synchronized Set<Long> auditedDeals(long epoch) {
    Set<Long> out = new TreeSet<>();
    results.values().stream().filter(r -> r.epoch() == epoch).forEach(r -> out.add(r.dealId()));
    return out;
  }

  @Override
  public synchronized void recordAttempt(long epoch, long dealId, int attempt, AuditOutcome outcome, String reason,
      String detail) {
    attempts.add(new Attempt(epoch, dealId, attempt, outcome, reason, detail));
  }

  @Override
  public synchronized Optional<ReputationChange> recordResult(AuditRecord record) {
    if (results.putIfAbsent(record.epoch() + "/" + record.dealId(), record) != null) {
      return Optional.empty();
    }
    OperatorReputation before = reputation(record.operator());
    ReputationChange change = before.apply(model, record.outcome(), record.epoch(), record.dealId(),
        record.reason() + (record.detail().isEmpty() ? "" : ": " + record.detail()));
    reputations.put(record.operator(), change.after());
    return Optional.of(change);
  }

  @Override
  public synchronized List<AuditRecord> results(long epoch) {
    return results.values().stream().filter(r -> r.epoch() == epoch)
        .sorted(Comparator.comparingLong(AuditRecord::dealId)).toList();
  }

  @Override
  public synchronized Optional<Long> nextEpoch() {
    return Optional.ofNullable(nextEpoch);
  }

  @Override
  public synchronized void setNextEpoch(long epoch) {
    nextEpoch = epoch;
  }

  /** The failed tries recorded, in order. */
  public synchronized List<Attempt> attempts() {
    return List.copyOf(attempts);
  }

  public synchronized OperatorReputation reputation(Address operator) {
    return reputations.getOrDefault(operator, model.fresh(operator));
  }
}
