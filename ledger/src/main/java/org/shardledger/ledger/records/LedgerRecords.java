package org.shardledger.ledger.records;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.settlement.SettlementResult;

/**
 * The ledger's record of every settled epoch: per deal the verdict and the money's movements, every disagreement
 * with the verdict, and the reports the aggregation did not count (those go to the received reports' rejections).
 * Written when a settlement is confirmed on chain; writing the same settlement again changes nothing.
 */
public interface LedgerRecords {
  /** Records a settlement's entries, disagreements and aggregation rejections; {@code deals} names every deal. */
  void record(SettlementResult result, Map<Long, Deal> deals) throws IOException;

  /** The settled entries the filter selects, by epoch then deal, each with its disagreements by verifier. */
  List<EntryRecord> entries(AuditFilter filter) throws IOException;
}
