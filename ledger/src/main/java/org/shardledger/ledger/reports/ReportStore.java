package org.shardledger.ledger.reports;

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
import org.shardledger.ledger.internal.Sql;
import org.shardledger.protocol.aggregation.SignedReport;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.eip712.AuditReport;

/** The reports the ledger received (H2, table {@code ledger_reports}) and the ones it did not count, with why. */
public final class ReportStore {
  private static final String COLUMNS = "epoch, results_hash, deals, signature, results";
  private final Database db;

  public ReportStore(Database db) {
    this.db = db;
  }

  /** Stores a report that passed the arrival check; false when the verifier sent exactly this report before. */
  public boolean storeAccepted(Address verifier, SignedReport r) throws IOException {
    return db.transaction(c -> Sql.update(c, "INSERT INTO ledger_reports (epoch, verifier, results_hash, deals, "
        + "signature, results, received_at) SELECT ?, ?, ?, ?, ?, ?, ? "
        + "WHERE NOT EXISTS (SELECT 1 FROM ledger_reports WHERE epoch = ? AND verifier = ? AND results_hash = ?)",
        r.epoch(), verifier.toHex(), r.report().resultsHash().toHex(), r.report().deals(), r.signature().toHex(),
        ResultsBlob.encode(r.results()), OffsetDateTime.now(), r.epoch(), verifier.toHex(),
        r.report().resultsHash().toHex()) > 0);
  }

  /** Writes down a report that did not count (once per report and reason). */
  public void storeRejection(ReportRejectionRecord rejection, Signature signature) throws IOException {
    db.transaction(c -> storeRejection(c, rejection, signature));
  }

  public static int storeRejection(Connection c, ReportRejectionRecord x, Signature signature) throws SQLException {
    return Sql.update(c, "MERGE INTO ledger_report_rejections (epoch, signer, reason, detail, results_hash, signature, "
        + "at_settlement, received_at) KEY (epoch, signature, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", x.epoch(),
        x.signer().map(Address::toHex).orElse(null), x.reason(), truncate(x.detail()), x.resultsHash().toHex(),
        signature.toHex(), x.atSettlement(), OffsetDateTime.now());
  }

  /** Accepted reports of an epoch not used by any settlement yet. */
  public List<SignedReport> unused(long epoch) throws IOException {
    return db.transaction(c -> Sql.query(c, "SELECT " + COLUMNS + " FROM ledger_reports WHERE epoch = ? AND "
        + "used_in IS NULL ORDER BY verifier, results_hash", ReportStore::report, epoch));
  }

  /** The reports of {@code epoch} that the settlement of {@code settlementEpoch} used. */
  public List<SignedReport> usedIn(Connection c, long epoch, long settlementEpoch) throws SQLException {
    return Sql.query(c, "SELECT " + COLUMNS + " FROM ledger_reports WHERE epoch = ? AND used_in = ? "
        + "ORDER BY verifier, results_hash", ReportStore::report, epoch, settlementEpoch);
  }

  /** Marks exactly these reports as used by the settlement of {@code settlementEpoch}. */
  public static void markUsed(Connection c, long settlementEpoch, List<SignedReport> reports) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("UPDATE ledger_reports SET used_in = ? WHERE epoch = ? AND "
        + "results_hash = ? AND signature = ?")) {
      for (SignedReport r : reports) {
        Sql.bind(s, settlementEpoch, r.epoch(), r.report().resultsHash().toHex(), r.signature().toHex());
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  /** The verifiers with an accepted report for the epoch. */
  public Set<Address> reporters(long epoch) throws IOException {
    List<Address> found = db.transaction(c -> Sql.query(c, "SELECT DISTINCT verifier FROM ledger_reports WHERE "
        + "epoch = ?", r -> Address.fromHex(r.getString(1)), epoch));
    return new TreeSet<>(found);
  }

  /** Rejections of epochs in [fromEpoch, toEpoch], by epoch, at most {@code limit}. */
  public List<ReportRejectionRecord> rejections(long fromEpoch, long toEpoch, int limit) throws IOException {
    return db.transaction(c -> Sql.query(c, "SELECT epoch, signer, reason, detail, results_hash, at_settlement FROM "
        + "ledger_report_rejections WHERE epoch BETWEEN ? AND ? ORDER BY epoch, id LIMIT ?", r ->
        new ReportRejectionRecord(r.getLong(1), Optional.ofNullable(r.getString(2)).map(Address::fromHex),
            r.getString(3), r.getString(4), Bytes32.fromHex(r.getString(5)), r.getBoolean(6)),
        fromEpoch, toEpoch, limit));
  }

  private static SignedReport report(java.sql.ResultSet r) throws SQLException {
    AuditReport report = new AuditReport(r.getLong(1), Bytes32.fromHex(r.getString(2)), r.getLong(3));
    return new SignedReport(report, Signature.fromHex(r.getString(4)), ResultsBlob.decode(r.getBytes(5)));
  }

  private static String truncate(String s) {
    return s.length() <= 2000 ? s : s.substring(0, 1997) + "...";
  }
}
