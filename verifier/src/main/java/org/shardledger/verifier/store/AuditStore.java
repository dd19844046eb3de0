package org.shardledger.verifier.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.shardledger.chainstore.Database;
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
    return db.transaction(c -> {
      Set<Long> out = new HashSet<>();
      try (PreparedStatement s = c.prepareStatement("SELECT deal_id FROM audit_results WHERE epoch = ?")) {
        s.setLong(1, epoch);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            out.add(r.getLong(1));
          }
        }
      }
      return out;
    });
  }

  /** How many failed tries were recorded for a deal in an epoch. */
  public long attempts(long epoch, long dealId) throws IOException {
    return db.transaction(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT COUNT(*) FROM audit_attempts WHERE epoch = ? AND deal_id = ?")) {
        s.setLong(1, epoch);
        s.setLong(2, dealId);
        try (ResultSet r = s.executeQuery()) {
          r.next();
          return r.getLong(1);
        }
      }
    });
  }

  public void recordAttempt(long epoch, long dealId, int attempt, AuditOutcome outcome, String reason, String detail)
      throws IOException {
    db.transaction(c -> {
      try (PreparedStatement s = c.prepareStatement("MERGE INTO audit_attempts (epoch, deal_id, attempt, outcome, "
          + "reason, detail, at) KEY (epoch, deal_id, attempt) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        s.setLong(1, epoch);
        s.setLong(2, dealId);
        s.setInt(3, attempt);
        s.setString(4, outcome.name());
        s.setString(5, reason);
        s.setString(6, truncate(detail));
        s.setTimestamp(7, Timestamp.from(Instant.now()));
        s.executeUpdate();
      }
      return null;
    });
  }

  /**
   * Records a deal's result for the epoch and moves the operator's reputation, in one transaction. Returns the
   * change, or empty if the deal already had a result (a retry after a crash: nothing is counted twice). Results
   * arrive from many audit threads at once; recording is serialised, because the reputation is read, moved and
   * written back (concurrent transactions would lose updates under H2's read-committed isolation).
   */
  public synchronized Optional<ReputationChange> recordResult(AuditRecord record) throws IOException {
    return db.transaction(c -> {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO audit_results (epoch, deal_id, operator, outcome, "
          + "reason, detail, attempts, latency_ms, proof_hash, operator_signature, recorded_at) "
          + "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS "
          + "(SELECT 1 FROM audit_results WHERE epoch = ? AND deal_id = ?)")) {
        s.setLong(1, record.epoch());
        s.setLong(2, record.dealId());
        s.setString(3, record.operator().toHex());
        s.setString(4, record.outcome().name());
        s.setString(5, record.reason());
        s.setString(6, record.detail());
        s.setInt(7, record.attempts());
        s.setLong(8, record.latencyMillis());
        s.setString(9, record.proofHash());
        s.setString(10, record.operatorSignature());
        s.setTimestamp(11, Timestamp.from(Instant.now()));
        s.setLong(12, record.epoch());
        s.setLong(13, record.dealId());
        if (s.executeUpdate() == 0) {
          return Optional.<ReputationChange>empty();
        }
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
    return db.transaction(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT epoch, deal_id, operator, outcome, reason, detail, "
          + "attempts, latency_ms, proof_hash, operator_signature FROM audit_results " + where)) {
        for (int i = 0; i < args.length; i++) {
          s.setObject(i + 1, args[i]);
        }
        List<AuditRecord> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            out.add(new AuditRecord(r.getLong(1), r.getLong(2), Address.fromHex(r.getString(3)),
                AuditOutcome.valueOf(r.getString(4)), r.getString(5), r.getString(6), r.getInt(7), r.getLong(8),
                r.getString(9), r.getString(10)));
          }
        }
        return out;
      }
    });
  }

  public OperatorReputation reputation(Address operator) throws IOException {
    return db.transaction(c -> reputation(c, operator));
  }

  private OperatorReputation reputation(Connection c, Address operator) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT audit_alpha, audit_beta, online_alpha, online_beta, passes, "
        + "fails, unreachable FROM reputations WHERE operator = ?")) {
      s.setString(1, operator.toHex());
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return model.fresh(operator);
        }
        return new OperatorReputation(operator, new BetaScore(r.getDouble(1), r.getDouble(2)),
            new BetaScore(r.getDouble(3), r.getDouble(4)), r.getLong(5), r.getLong(6), r.getLong(7));
      }
    }
  }

  private void saveReputation(Connection c, ReputationChange change) throws SQLException {
    OperatorReputation a = change.after();
    try (PreparedStatement s = c.prepareStatement("MERGE INTO reputations (operator, audit_alpha, audit_beta, "
        + "online_alpha, online_beta, passes, fails, unreachable) KEY (operator) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, a.operator().toHex());
      s.setDouble(2, a.audit().alpha());
      s.setDouble(3, a.audit().beta());
      s.setDouble(4, a.online().alpha());
      s.setDouble(5, a.online().beta());
      s.setLong(6, a.passes());
      s.setLong(7, a.fails());
      s.setLong(8, a.unreachable());
      s.executeUpdate();
    }
    try (PreparedStatement s = c.prepareStatement("INSERT INTO reputation_changes (operator, epoch, deal_id, outcome, "
        + "reason, audit_before, audit_after, online_before, online_after, standing_before, standing_after, at) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, a.operator().toHex());
      s.setLong(2, change.epoch());
      s.setLong(3, change.dealId());
      s.setString(4, change.outcome().name());
      s.setString(5, truncate(change.reason()));
      s.setDouble(6, change.before().audit().score());
      s.setDouble(7, a.audit().score());
      s.setDouble(8, change.before().online().score());
      s.setDouble(9, a.online().score());
      s.setString(10, change.standingBefore().name());
      s.setString(11, change.standingAfter().name());
      s.setTimestamp(12, Timestamp.from(Instant.now()));
      s.executeUpdate();
    }
  }

  /** A recorded reputation change, newest first. */
  public record StoredChange(long epoch, long dealId, AuditOutcome outcome, String reason, double auditBefore,
      double auditAfter, double onlineBefore, double onlineAfter, String standingAfter, Instant at) {}

  public List<StoredChange> reputationHistory(Address operator, int limit) throws IOException {
    return db.transaction(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT epoch, deal_id, outcome, reason, audit_before, "
          + "audit_after, online_before, online_after, standing_after, at FROM reputation_changes WHERE operator = ? "
          + "ORDER BY id DESC LIMIT ?")) {
        s.setString(1, operator.toHex());
        s.setInt(2, Math.max(1, Math.min(limit, 10_000)));
        List<StoredChange> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            out.add(new StoredChange(r.getLong(1), r.getLong(2), AuditOutcome.valueOf(r.getString(3)),
                r.getString(4), r.getDouble(5), r.getDouble(6), r.getDouble(7), r.getDouble(8), r.getString(9),
                r.getTimestamp(10).toInstant()));
          }
        }
        return out;
      }
    });
  }

  public Optional<Long> nextEpoch() throws IOException {
    return db.transaction(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT next_epoch FROM audit_progress WHERE id = 1");
          ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(r.getLong(1)) : Optional.<Long>empty();
      }
    });
  }

  public void setNextEpoch(long epoch) throws IOException {
    db.transaction(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "MERGE INTO audit_progress (id, next_epoch) KEY (id) VALUES (1, ?)")) {
        s.setLong(1, epoch);
        s.executeUpdate();
      }
      return null;
    });
  }

  static String truncate(String s) {
    return s == null ? "" : s.length() > 2000 ? s.substring(0, 2000) + "…" : s;
  }
}
