package org.shardledger.verifier.audit;

/** The deployment's epochs in blocks, as the auditors need them. */
public interface EpochCalendar {
  /** The epoch block {@code block} belongs to. */
  long epochOf(long block);

  /** The first block of {@code epoch}; its hash is the epoch's beacon. */
  long startBlock(long epoch);

  /** The last block at which the epoch's beacon can still be recorded on chain. */
  long beaconDeadline(long epoch);
}
