package org.shardledger.ledger.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.shardledger.chainstore.Database;
import org.shardledger.chainstore.Jdbc;
import org.shardledger.ledger.reports.ReceivedReports;
import org.shardledger.ledger.reports.ReportRejectionRecord;
import org.shardledger.protocol.aggregation.SignedReport;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.eip712.AuditReport;

/** {@link ReceivedReports} in the ledger's H2 database (tables {@code ledger_reports}, {@code ledger_report_rejections}). */
public final class H2ReceivedReports implements ReceivedReports {
  private static final String COLUMNS = "epoch, results_hash, deals, signature, results";
  private final Database db;

  public H2ReceivedReports(Database db) {
    this.db = db;
  }

  @Override
  public boolean storeAccepted(Address verifier, SignedReport r) throws IOException {
    return db.transaction(c -> Jdbc.update(c, "INSERT INTO ledger_reports (epoch, verifier, results_hash, deals, "
        + "signature, results, received_at) SELECT ?, ?, ?, ?, ?, ?, ? "
        + "WHERE NOT EXISTS (SELECT 1 FROM ledger_reports WHERE epoch = ? AND verifier = ? AND results_hash = ?)",
        r.epoch(), verifier.toHex(), r.report().resultsHash().toHex(), r.report().deals(), r.signature().toHex(),
        ResultsBlob.encode(r.results()), OffsetDateTime.now(), r.epoch(), verifier.toHex(),
        r.report().resultsHash().toHex()) > 0);
  }

  @Override
  public void storeRejection(ReportRejectionRecord rejection, Signature signature) throws IOException {
    db.transaction(c -> storeRejection(c, rejection, signature));
  }

  static int storeRejection(Connection c, ReportRejectionRecord x, Signature signature) throws SQLException {
    return Jdbc.update(c, "MERGE INTO ledger_report_rejections (epoch, signer, reason, detail, results_hash, signature, "
        + "at_settlement, received_at) KEY (epoch, signature, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", x.epoch(),
        x.signer().map(Address::toHex).orElse(null), x.reason(), ReceivedReports.truncate(x.detail()), x.resultsHash().toHex(),
        signature.toHex(), x.atSettlement(), OffsetDateTime.now());
  }

  @Override
  public List<SignedReport> unused(long epoch) throws IOException {
    return db.transaction(c -> Jdbc.list(c, "SELECT " + COLUMNS + " FROM ledger_reports WHERE epoch = ? AND "
        + "used_in IS NULL ORDER BY verifier, results_hash", H2ReceivedReports::report, epoch));
  }

  /** The reports of {@code epoch} that the settlement of {@code settlementEpoch} used. */
  static List<SignedReport> usedIn(Connection c, long epoch, long settlementEpoch) throws SQLException {
    return Jdbc.list(c, "SELECT " + COLUMNS + " FROM ledger_reports WHERE epoch = ? AND used_in = ? "
        + "ORDER BY verifier, results_hash", H2ReceivedReports::report, epoch, settlementEpoch);
  }

  /** Marks exactly these reports as used by the settlement of {@code settlementEpoch}. */
  static void markUsed(Connection c, long settlementEpoch, List<SignedReport> reports) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("UPDATE ledger_reports SET used_in = ? WHERE epoch = ? AND "
        + "results_hash = ? AND signature = ?")) {
      for (SignedReport r : reports) {
        Jdbc.bind(s, settlementEpoch, r.epoch(), r.report().resultsHash().toHex(), r.signature().toHex());
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  @Override
  public Set<Address> reporters(long epoch) throws IOException {
    List<Address> found = db.transaction(c -> Jdbc.list(c, "SELECT DISTINCT verifier FROM ledger_reports WHERE "
        + "epoch = ?", r -> Address.fromHex(r.getString(1)), epoch));
    return new TreeSet<>(found);
  }

  @Override
  public List<ReportRejectionRecord> rejections(long fromEpoch, long toEpoch, int limit) throws IOException {
    return db.transaction(c -> Jdbc.list(c, "SELECT epoch, signer, reason, detail, results_hash, at_settlement FROM "
        + "ledger_report_rejections WHERE epoch BETWEEN ? AND ? ORDER BY epoch, id LIMIT ?", r ->
        new ReportRejectionRecord(r.getLong(1), Optional.ofNullable(r.getString(2)).map(Address::fromHex),
            r.getString(3), r.getString(4), Bytes32.fromHex(r.getString(5)), r.getBoolean(6)),
        fromEpoch, toEpoch, limit));
  }

  private static SignedReport report(java.sql.ResultSet r) throws SQLException {
    AuditReport report = new AuditReport(r.getLong(1), Bytes32.fromHex(r.getString(2)), r.getLong(3));
    return new SignedReport(report, Signature.fromHex(r.getString(4)), ResultsBlob.decode(r.getBytes(5)));
  }
}
