package org.shardledger.prover.dispute;

import java.util.List;

/**
 * The disputes against this operator the node is handling, for a dashboard or the admin interface: what each waits
 * for and by when it must be answered, and how many are falling behind.
 */
public interface OpenDisputes {
  /** Where the node stands with one dispute. */
  enum Stage {
    /** the block whose hash draws the samples is not there yet */
    WAITING_FOR_BEACON,
    /** proving and sending */
    ANSWERING,
    /** the node cannot prove it now (no shard, or a damaged one); tried again with each block */
    UNPROVABLE
  }

  /**
   * One dispute not yet answered or given up.
   *
   * @param behind half its window is gone and no answer is mined yet
   */
  record OpenDispute(long disputeId, long dealId, long beaconBlock, long deadlineBlock, Stage stage,
      boolean behind) {}

  /** The disputes the node is handling now, by dispute id. */
  List<OpenDispute> openDisputes();

  /** How many of them are falling behind (0 while the node keeps up). */
  default int fallingBehind() {
    return (int) openDisputes().stream().filter(OpenDispute::behind).count();
  }
}
