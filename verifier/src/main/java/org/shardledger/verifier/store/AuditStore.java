package org.shardledger.verifier.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.shardledger.chainstore.Database;
import org.shardledger.chainstore.Jdbc;
import org.shardledger.verifier.audit.AuditLog;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.verifier.reputation.OperatorReputation;
import org.shardledger.verifier.reputation.ReputationChange;
import org.shardledger.verifier.reputation.ReputationModel;
import org.shardledger.verifier.reputation.BetaScore;

/** The verifier's audit log, reputations and progress, in its H2 database. */
public final class AuditStore implements AuditLog {
  private final Database db;
  private final ReputationModel model;

  public AuditStore(Database db, ReputationModel model) throws IOException {
    this.db = db;
    this.model = model;
    db.migrate("db/verifier", "verifier_schema_history");
  }

  /** Deals of an epoch that already have their result. */
  public Set<Long> auditedDeals(long epoch) throws IOException {
    List<Long> found = db.transaction(c -> Jdbc.list(c, "SELECT deal_id FROM audit_results WHERE epoch = ?",
        r -> r.getLong(1), epoch));
    return new HashSet<>(found);
  }

  /** How many failed tries were recorded for a deal in an epoch. */
  public long attempts(long epoch, long dealId) throws IOException {
    return db.transaction(c -> Jdbc.one(c, "SELECT COUNT(*) FROM audit_attempts WHERE epoch = ? AND deal_id = ?",
        r -> r.getLong(1), epoch, dealId)).orElseThrow();
  }

  public void recordAttempt(long epoch, long dealId, int attempt, AuditOutcome outcome, String reason, String detail)
      throws IOException {
    db.transaction(c -> Jdbc.update(c, "MERGE INTO audit_attempts (epoch, deal_id, attempt, outcome, reason, detail, "
        + "at) KEY (epoch, deal_id, attempt) VALUES (?, ?, ?, ?, ?, ?, ?)", epoch, dealId, attempt, outcome.name(),
        reason, truncate(detail), Instant.now()));
  }

  /**
   * Records a deal's result for the epoch and moves the operator's reputation, in one transaction. Returns the
   * change, or empty if the deal already had a result (a retry after a crash: nothing is counted twice). Results
   * arrive from many audit threads at once; recording is serialised, because the reputation is read, moved and
   * written back (concurrent transactions would lose updates under H2's read-committed isolation).
   */
  public synchronized Optional<ReputationChange> recordResult(AuditRecord record) throws IOException {
    return db.transaction(c -> {
      int inserted = Jdbc.update(c, "INSERT INTO audit_results (epoch, deal_id, operator, outcome, reason, detail, "
          + "attempts, latency_ms, proof_hash, operator_signature, recorded_at) "
          + "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS "
          + "(SELECT 1 FROM audit_results WHERE epoch = ? AND deal_id = ?)", record.epoch(), record.dealId(),
          record.operator().toHex(), record.outcome().name(), record.reason(), record.detail(), record.attempts(),
          record.latencyMillis(), record.proofHash(), record.operatorSignature(), Instant.now(), record.epoch(),
          record.dealId());
      if (inserted == 0) {
        return Optional.<ReputationChange>empty();
      }
      OperatorReputation before = reputation(c, record.operator());
      ReputationChange change = before.apply(model, record.outcome(), record.epoch(), record.dealId(),
          record.reason() + (record.detail().isEmpty() ? "" : ": " + record.detail()));
      saveReputation(c, change);
      return Optional.of(change);
    });
  }

  public List<AuditRecord> results(long epoch) throws IOException {
    return query("WHERE epoch = ? ORDER BY deal_id", epoch);
  }

  /** Results by filter; nulls match anything. Newest first, at most {@code limit}. */
  public List<AuditRecord> find(Long epoch, Address operator, Long dealId, int limit) throws IOException {
    List<Object> args = new ArrayList<>();
    StringBuilder where = new StringBuilder("WHERE 1 = 1");
    if (epoch != null) {
      where.append(" AND epoch = ?");
      args.add(epoch);
    }
    if (operator != null) {
      where.append(" AND operator = ?");
      args.add(operator.toHex());
    }
    if (dealId != null) {
      where.append(" AND deal_id = ?");
      args.add(dealId);
    }
    where.append(" ORDER BY epoch DESC, deal_id LIMIT ").append(Math.max(1, Math.min(limit, 10_000)));
    return query(where.toString(), args.toArray());
  }

  private List<AuditRecord> query(String where, Object... args) throws IOException {
    return db.transaction(c -> Jdbc.list(c, "SELECT epoch, deal_id, operator, outcome, reason, detail, attempts, "
        + "latency_ms, proof_hash, operator_signature FROM audit_results " + where, r -> new AuditRecord(r.getLong(1),
            r.getLong(2), Address.fromHex(r.getString(3)), AuditOutcome.valueOf(r.getString(4)), r.getString(5),
            r.getString(6), r.getInt(7), r.getLong(8), r.getString(9), r.getString(10)), args));
  }

  public OperatorReputation reputation(Address operator) throws IOException {
    return db.transaction(c -> reputation(c, operator));
  }

  private OperatorReputation reputation(Connection c, Address operator) throws SQLException {
    return Jdbc.one(c, "SELECT audit_alpha, audit_beta, online_alpha, online_beta, passes, fails, unreachable "
        + "FROM reputations WHERE operator = ?", r -> new OperatorReputation(operator,
            new BetaScore(r.getDouble(1), r.getDouble(2)), new BetaScore(r.getDouble(3), r.getDouble(4)),
            r.getLong(5), r.getLong(6), r.getLong(7)), operator.toHex()).orElseGet(() -> model.fresh(operator));
  }

  private void saveReputation(Connection c, ReputationChange change) throws SQLException {
    OperatorReputation a = change.after();
    Jdbc.update(c, "MERGE INTO reputations (operator, audit_alpha, audit_beta, online_alpha, online_beta, passes, "
        + "fails, unreachable) KEY (operator) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", a.operator().toHex(), a.audit().alpha(),
        a.audit().beta(), a.online().alpha(), a.online().beta(), a.passes(), a.fails(), a.unreachable());
    Jdbc.update(c, "INSERT INTO reputation_changes (operator, epoch, deal_id, outcome, reason, audit_before, "
        + "audit_after, online_before, online_after, standing_before, standing_after, at) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", a.operator().toHex(), change.epoch(), change.dealId(),
        change.outcome().name(), truncate(change.reason()), change.before().audit().score(), a.audit().score(),
        change.before().online().score(), a.online().score(), change.standingBefore().name(),
        change.standingAfter().name(), Instant.now());
  }

  /** A recorded reputation change, newest first. */
  public record StoredChange(long epoch, long dealId, AuditOutcome outcome, String reason, double auditBefore,
      double auditAfter, double onlineBefore, double onlineAfter, String standingAfter, Instant at) {}

  public List<StoredChange> reputationHistory(Address operator, int limit) throws IOException {
    return db.transaction(c -> Jdbc.list(c, "SELECT epoch, deal_id, outcome, reason, audit_before, audit_after, "
        + "online_before, online_after, standing_after, at FROM reputation_changes WHERE operator = ? "
        + "ORDER BY id DESC LIMIT ?", r -> new StoredChange(r.getLong(1), r.getLong(2),
            AuditOutcome.valueOf(r.getString(3)), r.getString(4), r.getDouble(5), r.getDouble(6), r.getDouble(7),
            r.getDouble(8), r.getString(9), r.getTimestamp(10).toInstant()), operator.toHex(),
        Math.max(1, Math.min(limit, 10_000))));
  }

  public Optional<Long> nextEpoch() throws IOException {
    return db.transaction(c -> Jdbc.one(c, "SELECT next_epoch FROM audit_progress WHERE id = 1", r -> r.getLong(1)));
  }

  public void setNextEpoch(long epoch) throws IOException {
    db.transaction(c -> Jdbc.update(c, "MERGE INTO audit_progress (id, next_epoch) KEY (id) VALUES (1, ?)", epoch));
  }

  static String truncate(String s) {
    return s == null ? "" : s.length() > 2000 ? s.substring(0, 2000) + "…" : s;
  }
}
