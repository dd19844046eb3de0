package org.shardledger.verifier.audit;

import java.util.Objects;
import org.shardledger.protocol.bytes.Bytes32;

/** An epoch's recorded beacon: what the challenge indices are derived from. */
public record EpochBeacon(long epoch, Bytes32 beacon) {
  public EpochBeacon {
    Objects.requireNonNull(beacon, "beacon");
  }
}
