package org.shardledger.verifier.store;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.shardledger.chainstore.Database;
import org.shardledger.chainstore.Jdbc;
import org.shardledger.verifier.audit.ReportLog;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.eip712.AuditReport;

/** The verifier's own signed epoch reports (H2, {@code epoch_reports}) and to which ledgers each was delivered. */
public final class EpochReportStore implements ReportLog {
  private final Database db;

  public EpochReportStore(Database db) {
    this.db = db;
  }

  /** A signed report of an audited epoch. */
  public record StoredReport(AuditReport report, Signature signature) {}

  public void save(AuditReport report, Signature signature) throws IOException {
    db.transaction(c -> Jdbc.update(c, "MERGE INTO epoch_reports (epoch, status, results_hash, deals, signature, "
        + "created_at) KEY (epoch) VALUES (?, 'SIGNED', ?, ?, ?, ?)", report.epoch(), report.resultsHash().toHex(),
        report.deals(), signature.toHex(), Instant.now()));
  }

  /** An epoch that could not be audited (its beacon was never recorded): no report, and nothing to deliver. */
  public void saveUnaudited(long epoch) throws IOException {
    db.transaction(c -> Jdbc.update(c, "MERGE INTO epoch_reports (epoch, status, deals, created_at) KEY (epoch) "
        + "VALUES (?, 'UNAUDITED', 0, ?)", epoch, Instant.now()));
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
    db.transaction(c -> Jdbc.update(c, "MERGE INTO report_deliveries (epoch, ledger, delivered_at) KEY (epoch, ledger) "
        + "VALUES (?, ?, ?)", epoch, ledger, Instant.now()));
  }

  private List<StoredReport> reports(String where, Object... args) throws IOException {
    return db.transaction(c -> Jdbc.list(c, "SELECT epoch, results_hash, deals, signature FROM epoch_reports " + where,
        r -> new StoredReport(new AuditReport(r.getLong(1), Bytes32.fromHex(r.getString(2)), r.getLong(3)),
            Signature.fromHex(r.getString(4))), args));
  }
}
