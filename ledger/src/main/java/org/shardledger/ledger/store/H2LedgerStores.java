package org.shardledger.ledger.store;

import java.io.IOException;
import org.shardledger.chainstore.Database;
import org.shardledger.chainstore.settlement.H2SettlementStore;
import org.shardledger.ledger.settlement.LedgerStores;

/** The ledger's stores in its one H2 database. */
public final class H2LedgerStores {
  private H2LedgerStores() {}

  /** Applies the settlement store's and the ledger's migrations to {@code db} and opens every store on it. */
  public static LedgerStores open(Database db) throws IOException {
    H2SettlementStore settlements = H2SettlementStore.open(db);
    db.migrate("db/ledger", "ledger_schema_history");
    return new LedgerStores(settlements, new H2PendingSettlements(db), new H2ReceivedReports(db),
        new H2LedgerRecords(db));
  }
}
