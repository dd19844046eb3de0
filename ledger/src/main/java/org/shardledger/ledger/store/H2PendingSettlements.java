package org.shardledger.ledger.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.shardledger.chainstore.Database;
import org.shardledger.chainstore.Jdbc;
import org.shardledger.ledger.settlement.PendingSettlement;
import org.shardledger.ledger.settlement.PendingSettlements;
import org.shardledger.protocol.aggregation.EpochAudits;
import org.shardledger.protocol.aggregation.SignedReport;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.settlement.SettlementStep;
import org.shardledger.rpc.json.SettlementStepJson;

/**
 * {@link PendingSettlements} in the ledger's H2 database. A step is stored as its JSON without the
 * reports; the reports are the {@code ledger_reports} marked as used by it, marked in the same transaction, so a
 * restart rebuilds exactly the step the verifiers were asked to sign.
 */
public final class H2PendingSettlements implements PendingSettlements {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Database db;

  public H2PendingSettlements(Database db) {
    this.db = db;
  }

  @Override
  public Optional<PendingSettlement> load() throws IOException {
    return db.transaction(c -> {
      List<Object[]> rows = Jdbc.list(c, "SELECT step, status, tx_hash FROM ledger_pending WHERE id = 1",
          r -> new Object[] {r.getString(1), r.getString(2), r.getString(3)});
      if (rows.isEmpty()) {
        return Optional.<PendingSettlement>empty();
      }
      Map<Address, Signature> signatures = new TreeMap<>();
      for (Object[] s : Jdbc.list(c, "SELECT signer, signature FROM ledger_pending_signatures",
          r -> new Object[] {r.getString(1), r.getString(2)})) {
        signatures.put(Address.fromHex((String) s[0]), Signature.fromHex((String) s[1]));
      }
      Object[] row = rows.getFirst();
      return Optional.of(new PendingSettlement(withReports(c, (String) row[0]),
          PendingSettlement.Status.valueOf((String) row[1]), signatures,
          Optional.ofNullable((String) row[2]).map(Bytes32::fromHex)));
    });
  }

  @Override
  public void create(SettlementStep step) throws IOException {
    db.transaction(c -> {
      for (EpochAudits audits : step.audits()) {
        H2ReceivedReports.markUsed(c, step.epoch(), audits.reports());
      }
      Jdbc.update(c, "DELETE FROM ledger_pending_signatures");
      Jdbc.update(c, "INSERT INTO ledger_pending (id, epoch, from_epoch, step, status, created_at) VALUES "
          + "(1, ?, ?, ?, ?, ?)", step.epoch(), step.fromEpoch(), withoutReports(step),
          PendingSettlement.Status.COLLECTING.name(), OffsetDateTime.now());
      return null;
    });
  }

  @Override
  public void addSignature(Address signer, Signature signature) throws IOException {
    db.transaction(c -> Jdbc.update(c, "MERGE INTO ledger_pending_signatures (signer, signature) KEY (signer) "
        + "VALUES (?, ?)", signer.toHex(), signature.toHex()));
  }

  @Override
  public void dropSignatures() throws IOException {
    db.transaction(c -> Jdbc.update(c, "DELETE FROM ledger_pending_signatures"));
  }

  @Override
  public void status(PendingSettlement.Status status, Optional<Bytes32> tx) throws IOException {
    db.transaction(c -> Jdbc.update(c, "UPDATE ledger_pending SET status = ?, tx_hash = COALESCE(?, tx_hash) "
        + "WHERE id = 1", status.name(), tx.map(Bytes32::toHex).orElse(null)));
  }

  @Override
  public void finish() throws IOException {
    db.transaction(c -> {
      Jdbc.update(c, "MERGE INTO ledger_steps (epoch, from_epoch, step) KEY (epoch) SELECT epoch, from_epoch, step "
          + "FROM ledger_pending WHERE id = 1");
      Jdbc.update(c, "DELETE FROM ledger_pending");
      Jdbc.update(c, "DELETE FROM ledger_pending_signatures");
      return null;
    });
  }

  @Override
  public List<SettlementStep> history(long fromEpoch) throws IOException {
    return db.transaction(c -> {
      List<String> steps = Jdbc.list(c, "SELECT step FROM ledger_steps WHERE from_epoch >= ? ORDER BY epoch",
          r -> r.getString(1), fromEpoch);
      List<SettlementStep> out = new ArrayList<>();
      for (String step : steps) {
        out.add(withReports(c, step));
      }
      return out.isEmpty() || out.getFirst().fromEpoch() != fromEpoch ? List.<SettlementStep>of() : out;
    });
  }

  private static String withoutReports(SettlementStep step) {
    List<EpochAudits> bare = step.audits().stream()
        .map(a -> new EpochAudits(a.epoch(), a.beaconRecorded(), List.of())).toList();
    return SettlementStepJson.encode(new SettlementStep(step.block(), step.stakes(), step.verifiers(), bare,
        step.settlement())).toString();
  }

  private static SettlementStep withReports(Connection c, String json) throws SQLException {
    SettlementStep bare;
    try {
      bare = SettlementStepJson.decode(JSON.readTree(json)).orThrow();
    } catch (IOException | IllegalArgumentException e) {
      throw new SQLException("a stored settlement step cannot be read: " + e.getMessage(), e);
    }
    List<EpochAudits> audits = new ArrayList<>();
    for (EpochAudits a : bare.audits()) {
      List<SignedReport> used = H2ReceivedReports.usedIn(c, a.epoch(), bare.epoch());
      audits.add(new EpochAudits(a.epoch(), a.beaconRecorded(), used));
    }
    return new SettlementStep(bare.block(), bare.stakes(), bare.verifiers(), audits, bare.settlement());
  }
}
