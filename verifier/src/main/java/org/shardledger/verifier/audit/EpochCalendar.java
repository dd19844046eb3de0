package org.shardledger.verifier.audit;

/** The deployment's epochs in blocks, as the auditors need them. */
public interface EpochCalendar {
  /** The epoch block {@code block} belongs to. */
  long epochOf(long block);

  /** The first block of {@code epoch}; its hash is the epoch's beacon, recordable within {@code BeaconWindow}. */
  long startBlock(long epoch);
}
