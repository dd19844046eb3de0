package org.shardledger.verifier.store;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.shardledger.chainstore.Database;
import org.shardledger.verifier.audit.ReportLog;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.eip712.AuditReport;

/** The verifier's signed epoch reports and to which ledgers each one was delivered. */
public final class ReportStore implements ReportLog {
  private final Database db;

  public ReportStore(Database db) {
    this.db = db;
  }

  /** A signed report of an audited epoch. */
  public record StoredReport(AuditReport report, Signature signature) {}

  public void save(AuditReport report, Signature signature) throws IOException {
    db.transaction(c -> {
      try (PreparedStatement s = c.prepareStatement("MERGE INTO epoch_reports (epoch, status, results_hash, deals, "
          + "signature, created_at) KEY (epoch) VALUES (?, 'SIGNED', ?, ?, ?, ?)")) {
        s.setLong(1, report.epoch());
        s.setString(2, report.resultsHash().toHex());
        s.setLong(3, report.deals());
        s.setString(4, signature.toHex());
        s.setTimestamp(5, Timestamp.from(Instant.now()));
        s.executeUpdate();
      }
      return null;
    });
  }

  /** An epoch that could not be audited (its beacon was never recorded): no report, and nothing to deliver. */
  public void saveUnaudited(long epoch) throws IOException {
    db.transaction(c -> {
      try (PreparedStatement s = c.prepareStatement("MERGE INTO epoch_reports (epoch, status, deals, created_at) "
          + "KEY (epoch) VALUES (?, 'UNAUDITED', 0, ?)")) {
        s.setLong(1, epoch);
        s.setTimestamp(2, Timestamp.from(Instant.now()));
        s.executeUpdate();
      }
      return null;
    });
  }

  public Optional<StoredReport> report(long epoch) throws IOException {
    List<StoredReport> found = reports("WHERE epoch = ? AND status = 'SIGNED'", epoch);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** Signed reports not yet delivered to {@code ledger}, oldest first. */
  public List<StoredReport> undelivered(String ledger) throws IOException {
    return reports("WHERE status = 'SIGNED' AND epoch NOT IN (SELECT epoch FROM report_deliveries WHERE ledger = ?) "
        + "ORDER BY epoch", ledger);
  }

  public void markDelivered(long epoch, String ledger) throws IOException {
    db.transaction(c -> {
      try (PreparedStatement s = c.prepareStatement("MERGE INTO report_deliveries (epoch, ledger, delivered_at) "
          + "KEY (epoch, ledger) VALUES (?, ?, ?)")) {
        s.setLong(1, epoch);
        s.setString(2, ledger);
        s.setTimestamp(3, Timestamp.from(Instant.now()));
        s.executeUpdate();
      }
      return null;
    });
  }

  private List<StoredReport> reports(String where, Object... args) throws IOException {
    return db.transaction(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT epoch, results_hash, deals, signature FROM epoch_reports " + where)) {
        for (int i = 0; i < args.length; i++) {
          s.setObject(i + 1, args[i]);
        }
        List<StoredReport> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            out.add(new StoredReport(new AuditReport(r.getLong(1), Bytes32.fromHex(r.getString(2)), r.getLong(3)),
                Signature.fromHex(r.getString(4))));
          }
        }
        return out;
      }
    });
  }
}
