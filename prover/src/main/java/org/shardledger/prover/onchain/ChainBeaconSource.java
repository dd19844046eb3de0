package org.shardledger.prover.onchain;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.shardledger.contracts.chain.Chain;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.prover.view.BeaconSource;

/**
 * beacon(e) as recorded on chain ({@code beaconOf(e)}). A recorded beacon never changes, so it is read once and
 * kept (the newest {@value #KEPT} epochs); an epoch without one is asked again every time.
 */
public final class ChainBeaconSource implements BeaconSource {
  static final int KEPT = 1024;

  private final Chain chain;
  private final ConcurrentSkipListMap<Long, Bytes32> recorded = new ConcurrentSkipListMap<>();

  public ChainBeaconSource(Chain chain) {
    this.chain = Objects.requireNonNull(chain, "chain");
  }

  @Override
  public Optional<Bytes32> beacon(long epoch) throws IOException {
    Bytes32 known = recorded.get(epoch);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<Bytes32> beacon = chain.beacons().get(epoch);
    beacon.ifPresent(b -> {
      recorded.put(epoch, b);
      while (recorded.size() > KEPT) {
        recorded.pollFirstEntry();
      }
    });
    return beacon;
  }
}
