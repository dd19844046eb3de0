package org.shardledger.ledger.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.shardledger.ledger.reports.ReceivedReports;
import org.shardledger.ledger.reports.ReportRejectionRecord;
import org.shardledger.protocol.aggregation.Disagreement;
import org.shardledger.protocol.aggregation.EpochAggregate;
import org.shardledger.protocol.aggregation.ReportRejection;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.settlement.LedgerEntry;
import org.shardledger.protocol.settlement.SettlementResult;

/** {@link LedgerRecords} in memory; aggregation rejections go to the {@link ReceivedReports} it is given. */
public final class InMemoryLedgerRecords implements LedgerRecords {
  private final ReceivedReports reports;
  /** By epoch, then deal. */
  private final TreeMap<Long, TreeMap<Long, EntryRecord>> entries = new TreeMap<>();
  /** By "epoch:deal", then verifier. */
  private final Map<String, TreeMap<String, DisagreementRecord>> disagreements = new TreeMap<>();

  public InMemoryLedgerRecords(ReceivedReports reports) {
    this.reports = reports;
  }

  @Override
  public synchronized void record(SettlementResult result, Map<Long, Deal> deals) throws java.io.IOException {
    for (LedgerEntry e : result.entries()) {
      Deal deal = deals.get(e.dealId());
      entries.computeIfAbsent(e.epoch(), k -> new TreeMap<>()).put(e.dealId(), new EntryRecord(e.epoch(), e.dealId(),
          deal.operator(), deal.owner(), e.verdict().outcome(), e.verdict().basis().name(), e.verdict().pass(),
          e.verdict().fail(), e.verdict().unreachable(), EventJson.encode(e.events()), List.of()));
    }
    for (EpochAggregate aggregate : result.audits()) {
      for (Disagreement d : aggregate.disagreements()) {
        disagreements.computeIfAbsent(aggregate.epoch() + ":" + d.dealId(), k -> new TreeMap<>())
            .put(d.verifier().toHex(), new DisagreementRecord(aggregate.epoch(), d.dealId(), d.verifier(),
                d.reported(), d.aggregate()));
      }
      for (ReportRejection r : aggregate.rejections()) {
        reports.storeRejection(new ReportRejectionRecord(aggregate.epoch(), r.signer(), r.reason().name(),
            r.detail(), r.report().report().resultsHash(), true), r.report().signature());
      }
    }
  }

  @Override
  public synchronized List<EntryRecord> entries(AuditFilter filter) {
    List<EntryRecord> out = new ArrayList<>();
    for (TreeMap<Long, EntryRecord> epoch : entries.subMap(filter.fromEpoch(), true, filter.toEpoch(), true)
        .values()) {
      for (EntryRecord e : epoch.values()) {
        List<DisagreementRecord> with = List.copyOf(disagreements.getOrDefault(e.epoch() + ":" + e.dealId(),
            new TreeMap<>()).values());
        if (out.size() < filter.limit() && filter.dealId().map(id -> id == e.dealId()).orElse(true)
            && filter.operator().map(e.operator()::equals).orElse(true)
            && filter.verifier().map(v -> with.stream().anyMatch(d -> d.verifier().equals(v))).orElse(true)) {
          out.add(new EntryRecord(e.epoch(), e.dealId(), e.operator(), e.owner(), e.outcome(), e.basis(), e.pass(),
              e.fail(), e.unreachable(), e.events(), with));
        }
      }
    }
    return out;
  }
}
