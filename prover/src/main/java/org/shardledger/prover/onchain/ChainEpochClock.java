package org.shardledger.prover.onchain;

import java.io.IOException;
import java.util.Objects;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.prover.view.EpochClock;

/** The epoch of the chain's latest block, from the deployment's genesis block and epoch length. */
public final class ChainEpochClock implements EpochClock {
  private final Chain chain;

  public ChainEpochClock(Chain chain) {
    this.chain = Objects.requireNonNull(chain, "chain");
  }

  @Override
  public long currentEpoch() throws IOException {
    return chain.currentEpoch();
  }
}
