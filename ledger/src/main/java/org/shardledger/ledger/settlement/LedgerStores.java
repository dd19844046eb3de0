package org.shardledger.ledger.settlement;

import java.io.IOException;
import java.util.Objects;
import org.shardledger.chainstore.Database;
import org.shardledger.chainstore.settlement.H2SettlementStore;
import org.shardledger.chainstore.settlement.SettlementStore;
import org.shardledger.ledger.records.LedgerRecords;
import org.shardledger.ledger.reports.ReportStore;

/** The ledger's stores, all in its one H2 database. */
public record LedgerStores(SettlementStore settlements, PendingStore pending, ReportStore reports,
    LedgerRecords records) {
  public LedgerStores {
    Objects.requireNonNull(settlements, "settlements");
    Objects.requireNonNull(pending, "pending");
    Objects.requireNonNull(reports, "reports");
    Objects.requireNonNull(records, "records");
  }

  /** Applies the settlement store's and the ledger's migrations to {@code db} and opens every store on it. */
  public static LedgerStores open(Database db) throws IOException {
    SettlementStore settlements = H2SettlementStore.open(db);
    db.migrate("db/ledger", "ledger_schema_history");
    ReportStore reports = new ReportStore(db);
    return new LedgerStores(settlements, new PendingStore(db, reports), reports, new LedgerRecords(db));
  }
}
