package org.shardledger.ledger.settlement;

import java.io.IOException;
import java.util.List;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.contracts.tx.TxOutcome;
import org.shardledger.protocol.crypto.Signature;
import org.shardledger.protocol.eip712.Settlement;
import org.shardledger.protocol.settlement.Slash;

/** {@link LedgerChain} over the chain facade (with the ledger's key and journal). */
public final class FacadeLedgerChain implements LedgerChain {
  private final Chain chain;

  public FacadeLedgerChain(Chain chain) {
    this.chain = chain;
  }

  @Override
  public long headBlock() throws IOException {
    return chain.blockNumber();
  }

  @Override
  public long settledThrough() throws IOException {
    return chain.settlements().settledThrough();
  }

  @Override
  public TxOutcome settle(Settlement settlement, List<Slash> slashes, List<Long> terminations,
      List<Signature> signatures) throws IOException {
    return chain.settlements().settle(settlement, slashes, terminations, signatures);
  }

  @Override
  public TxOutcome recordBeacon(long epoch) throws IOException {
    return chain.beacons().record(epoch);
  }

  @Override
  public void recoverPending() throws IOException {
    chain.recoverPendingTransactions();
  }
}
