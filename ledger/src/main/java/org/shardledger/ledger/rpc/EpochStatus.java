package org.shardledger.ledger.rpc;

import java.io.IOException;
import java.util.Optional;
import org.shardledger.ledger.settlement.PendingSettlement;

/** Where the ledger stands, for {@code ledger_epoch}. */
public interface EpochStatus {
  /** The latest block the ledger has seen. */
  long headBlock();

  /** The block the chain mirror is confirmed through. */
  long confirmedBlock() throws IOException;

  /** The settlement being worked on, if any. */
  Optional<PendingSettlement> pending() throws IOException;
}
