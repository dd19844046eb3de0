package org.shardledger.ledger.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.shardledger.chainstore.Database;
import org.shardledger.chainstore.Jdbc;
import org.shardledger.ledger.records.AuditFilter;
import org.shardledger.ledger.records.DisagreementRecord;
import org.shardledger.ledger.records.EntryRecord;
import org.shardledger.ledger.records.EventJson;
import org.shardledger.ledger.records.LedgerRecords;
import org.shardledger.ledger.reports.ReportRejectionRecord;
import org.shardledger.protocol.aggregation.Disagreement;
import org.shardledger.protocol.aggregation.EpochAggregate;
import org.shardledger.protocol.aggregation.ReportRejection;
import org.shardledger.protocol.audit.AuditOutcome;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.settlement.LedgerEntry;
import org.shardledger.protocol.settlement.SettlementResult;

/** {@link LedgerRecords} in the ledger's H2 database ({@code ledger_entries}, {@code ledger_disagreements}). */
public final class H2LedgerRecords implements LedgerRecords {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Database db;

  public H2LedgerRecords(Database db) {
    this.db = db;
  }

  @Override
  public void record(SettlementResult result, Map<Long, Deal> deals) throws IOException {
    db.transaction(c -> {
      writeEntries(c, result.entries(), deals);
      for (EpochAggregate aggregate : result.audits()) {
        writeAggregate(c, aggregate);
      }
      return null;
    });
  }

  private static void writeEntries(Connection c, List<LedgerEntry> entries, Map<Long, Deal> deals)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement("MERGE INTO ledger_entries (epoch, deal_id, operator, owner, "
        + "outcome, basis, pass, fail, unreachable, events) KEY (epoch, deal_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int n = 0;
      for (LedgerEntry e : entries) {
        Deal deal = deals.get(e.dealId());
        Jdbc.bind(s, e.epoch(), e.dealId(), deal.operator().toHex(), deal.owner().toHex(), e.verdict().outcome().name(),
            e.verdict().basis().name(), e.verdict().pass(), e.verdict().fail(), e.verdict().unreachable(),
            EventJson.encode(e.events()).toString());
        s.addBatch();
        if (++n % 1000 == 0) {
          s.executeBatch();
        }
      }
      s.executeBatch();
    }
  }

  private static void writeAggregate(Connection c, EpochAggregate aggregate) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("MERGE INTO ledger_disagreements (epoch, deal_id, verifier, "
        + "reported, aggregate) KEY (epoch, deal_id, verifier) VALUES (?, ?, ?, ?, ?)")) {
      for (Disagreement d : aggregate.disagreements()) {
        Jdbc.bind(s, aggregate.epoch(), d.dealId(), d.verifier().toHex(), d.reported().name(), d.aggregate().name());
        s.addBatch();
      }
      s.executeBatch();
    }
    for (ReportRejection r : aggregate.rejections()) {
      H2ReceivedReports.storeRejection(c, new ReportRejectionRecord(aggregate.epoch(), r.signer(), r.reason().name(),
          r.detail(), r.report().report().resultsHash(), true), r.report().signature());
    }
  }

  @Override
  public List<EntryRecord> entries(AuditFilter filter) throws IOException {
    StringBuilder where = new StringBuilder("WHERE e.epoch BETWEEN ? AND ?");
    List<Object> args = new ArrayList<>(List.of(filter.fromEpoch(), filter.toEpoch()));
    filter.dealId().ifPresent(id -> {
      where.append(" AND e.deal_id = ?");
      args.add(id);
    });
    filter.operator().ifPresent(op -> {
      where.append(" AND e.operator = ?");
      args.add(op.toHex());
    });
    filter.verifier().ifPresent(v -> {
      where.append(" AND EXISTS (SELECT 1 FROM ledger_disagreements d WHERE d.epoch = e.epoch AND "
          + "d.deal_id = e.deal_id AND d.verifier = ?)");
      args.add(v.toHex());
    });
    args.add(filter.limit());
    return db.transaction(c -> {
      List<EntryRecord> entries = Jdbc.list(c, "SELECT e.epoch, e.deal_id, e.operator, e.owner, e.outcome, e.basis, "
          + "e.pass, e.fail, e.unreachable, e.events FROM ledger_entries e " + where + " ORDER BY e.epoch, e.deal_id "
          + "LIMIT ?", r -> new EntryRecord(r.getLong(1), r.getLong(2), Address.fromHex(r.getString(3)),
          Address.fromHex(r.getString(4)), AuditOutcome.valueOf(r.getString(5)), r.getString(6), r.getInt(7),
          r.getInt(8), r.getInt(9), parse(r.getString(10)), List.of()), args.toArray());
      if (entries.isEmpty()) {
        return entries;
      }
      Map<String, List<DisagreementRecord>> byEntry = new HashMap<>();
      for (DisagreementRecord d : Jdbc.list(c, "SELECT epoch, deal_id, verifier, reported, aggregate FROM "
          + "ledger_disagreements WHERE epoch BETWEEN ? AND ? ORDER BY epoch, deal_id, verifier",
          r -> new DisagreementRecord(r.getLong(1), r.getLong(2), Address.fromHex(r.getString(3)),
              AuditOutcome.valueOf(r.getString(4)), AuditOutcome.valueOf(r.getString(5))),
          entries.getFirst().epoch(), entries.getLast().epoch())) {
        byEntry.computeIfAbsent(d.epoch() + ":" + d.dealId(), k -> new ArrayList<>()).add(d);
      }
      List<EntryRecord> out = new ArrayList<>(entries.size());
      for (EntryRecord e : entries) {
        out.add(new EntryRecord(e.epoch(), e.dealId(), e.operator(), e.owner(), e.outcome(), e.basis(), e.pass(),
            e.fail(), e.unreachable(), e.events(), byEntry.getOrDefault(e.epoch() + ":" + e.dealId(), List.of())));
      }
      return out;
    });
  }

  private static com.fasterxml.jackson.databind.JsonNode parse(String json) throws SQLException {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new SQLException("a stored entry's events are not JSON: " + e.getMessage(), e);
    }
  }
}
