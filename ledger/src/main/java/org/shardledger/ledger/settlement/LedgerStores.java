package org.shardledger.ledger.settlement;

import java.util.Objects;
import org.shardledger.chainstore.settlement.InMemorySettlementStore;
import org.shardledger.chainstore.settlement.SettlementStore;
import org.shardledger.ledger.records.InMemoryLedgerRecords;
import org.shardledger.ledger.records.LedgerRecords;
import org.shardledger.ledger.reports.InMemoryReceivedReports;
import org.shardledger.ledger.reports.ReceivedReports;

/** The ledger's stores: in its one H2 database ({@code store/H2LedgerStores}), or in memory for its core's tests. */
public record LedgerStores(SettlementStore settlements, PendingSettlements pending, ReceivedReports reports,
    LedgerRecords records) {
  public LedgerStores {
    Objects.requireNonNull(settlements, "settlements");
    Objects.requireNonNull(pending, "pending");
    Objects.requireNonNull(reports, "reports");
    Objects.requireNonNull(records, "records");
  }

  /** Every store in memory, wired to each other as the H2 ones are. */
  public static LedgerStores inMemory() {
    InMemoryReceivedReports reports = new InMemoryReceivedReports();
    return new LedgerStores(new InMemorySettlementStore(), new InMemoryPendingSettlements(reports), reports,
        new InMemoryLedgerRecords(reports));
  }
}
