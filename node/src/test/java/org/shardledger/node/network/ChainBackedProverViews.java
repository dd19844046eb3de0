package org.shardledger.node.network;

import java.io.IOException;
import java.util.Optional;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.contracts.chain.DealRecord;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.prover.chain.BeaconSource;
import org.shardledger.prover.chain.DealDirectory;
import org.shardledger.prover.chain.DealView;
import org.shardledger.prover.chain.EpochClock;

/** The prover's three chain views read straight from a chain connection, for in-process networks in tests. */
record ChainBackedProverViews(Chain chain) implements DealDirectory, BeaconSource, EpochClock {
  @Override
  public Optional<DealView> find(long dealId) throws IOException {
    Optional<DealRecord> deal = chain.deals().get(dealId);
    return deal.map(d -> new DealView(d.deal(), d.status()));
  }

  @Override
  public Optional<Bytes32> beacon(long epoch) throws IOException {
    return chain.beacons().get(epoch);
  }

  @Override
  public long currentEpoch() throws IOException {
    return chain.currentEpoch();
  }
}
