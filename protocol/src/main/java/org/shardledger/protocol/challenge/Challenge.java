package org.shardledger.protocol.challenge;

import java.util.Objects;
import org.shardledger.protocol.bytes.Bytes32;

/**
 * Everything that fixes which segments a deal's operator must show for one epoch (or one dispute).
 *
 * @param samples how many indices to draw (with replacement)
 */
public record Challenge(ChallengeKind kind, Bytes32 beacon, long chainId, long dealId, long epoch, int samples) {
  /** Bounds the work a single challenge can ask for; disputes are capped lower, on chain. */
  public static final int MAX_SAMPLES = 1024;

  public Challenge {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(beacon, "beacon");
    if (chainId < 0 || dealId < 0 || epoch < 0) {
      throw new IllegalArgumentException("chain id, deal id and epoch must not be negative");
    }
    if (samples < 1 || samples > MAX_SAMPLES) {
      throw new IllegalArgumentException("samples must be between 1 and " + MAX_SAMPLES + ", got " + samples);
    }
  }

  public static Challenge audit(Bytes32 beacon, long chainId, long dealId, long epoch, int samples) {
    return new Challenge(ChallengeKind.AUDIT, beacon, chainId, dealId, epoch, samples);
  }

  /** The segment indices to prove for a shard of {@code segments} segments; empty for an empty shard. */
  public long[] indices(long segments) {
    return ChallengeDerivation.indices(this, segments);
  }
}
