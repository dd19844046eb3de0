package org.shardledger.ledger.settlement;

import java.io.IOException;
import java.util.List;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.eip712.Settlement;
import org.shardledger.protocol.settlement.Slash;

/**
 * What the ledger writes to the chain and the little it reads live (everything else comes from the confirmed
 * mirror). Writes are journaled by the chain facade: a restart rebroadcasts instead of signing anew. The one over
 * the chain facade is {@code onchain/FacadeLedgerChain}.
 */
public interface LedgerChain {
  long headBlock() throws IOException;

  /** 1 + the last settled epoch on chain (latest block, not confirmed). */
  long settledThrough() throws IOException;

  /** {@code settle}; a settlement that does not start at the chain's settledThrough is refused. */
  SettleOutcome settle(Settlement settlement, List<Slash> slashes, List<Long> terminations,
      List<Signature> signatures) throws IOException;

  /** Rebroadcasts what the journal says was signed and never seen mined, and waits for it. */
  void recoverPending() throws IOException;
}
