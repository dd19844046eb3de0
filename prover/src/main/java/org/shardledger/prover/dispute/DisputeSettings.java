package org.shardledger.prover.dispute;

import java.time.Duration;
import java.util.Objects;

/**
 * How the node watches for disputes and answers them.
 *
 * @param confirmations blocks a DisputeOpened must be buried under before the node acts on it; small, because the
 *     answer window is shorter than 256 blocks
 * @param lookbackBlocks at start, the node never looks further back than this (older disputes are closed anyway)
 * @param pollInterval how often the head is polled while waiting for a block
 * @param attempts how many refused answers the node sends before it gives up on a dispute
 */
public record DisputeSettings(int confirmations, long lookbackBlocks, Duration pollInterval, int attempts) {
  /** The EVM serves only the last 256 block hashes; a dispute's window (at most 255 blocks) ends within them. */
  public static final long MAX_LOOKBACK = 256;

  public DisputeSettings {
    Objects.requireNonNull(pollInterval, "pollInterval");
    if (confirmations < 0 || lookbackBlocks < 1 || attempts < 1 || pollInterval.isNegative()) {
      throw new IllegalArgumentException("confirmations >= 0, lookback >= 1 block, attempts >= 1");
    }
  }

  /** One confirmation, 256 blocks of lookback, 3 attempts, polling at {@code pollInterval}. */
  public static DisputeSettings defaults(Duration pollInterval) {
    return new DisputeSettings(1, MAX_LOOKBACK, pollInterval, 3);
  }
}
