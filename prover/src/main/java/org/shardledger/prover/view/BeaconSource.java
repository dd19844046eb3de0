package org.shardledger.prover.view;

import java.io.IOException;
import java.util.Optional;
import org.shardledger.protocol.bytes.Bytes32;

/**
 * beacon(e) as recorded on chain by {@code recordBeacon(e)}. The node derives every challenge from this, never from
 * what a peer says the beacon is.
 */
@FunctionalInterface
public interface BeaconSource {
  /** The recorded beacon of {@code epoch}, or empty when it is not recorded (or not yet seen). */
  Optional<Bytes32> beacon(long epoch) throws IOException;
}
