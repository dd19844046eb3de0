package org.shardledger.prover.view;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.shardledger.protocol.bytes.Bytes32;

/** Beacons held in memory, for tests and local runs. */
public final class InMemoryBeaconSource implements BeaconSource {
  private final Map<Long, Bytes32> beacons = new ConcurrentHashMap<>();

  public InMemoryBeaconSource record(long epoch, Bytes32 beacon) {
    beacons.put(epoch, beacon);
    return this;
  }

  @Override
  public Optional<Bytes32> beacon(long epoch) {
    return Optional.ofNullable(beacons.get(epoch));
  }
}
