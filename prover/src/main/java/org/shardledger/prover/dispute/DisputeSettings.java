package org.shardledger.prover.dispute;

import java.time.Duration;
import java.util.Objects;
import org.shardledger.protocol.beacon.BeaconWindow;

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
  public DisputeSettings {
    Objects.requireNonNull(pollInterval, "pollInterval");
    if (confirmations < 0 || lookbackBlocks < 1 || attempts < 1 || pollInterval.isNegative()) {
      throw new IllegalArgumentException("confirmations >= 0, lookback >= 1 block, attempts >= 1");
    }
  }

  /**
   * One confirmation, {@link BeaconWindow#BLOCKS} of lookback (a dispute's answer window, shorter than the EVM's
   * BLOCKHASH window, ends within them), 3 attempts, polling at {@code pollInterval}.
   */
  public static DisputeSettings defaults(Duration pollInterval) {
    return new DisputeSettings(1, BeaconWindow.BLOCKS, pollInterval, 3);
  }
}
