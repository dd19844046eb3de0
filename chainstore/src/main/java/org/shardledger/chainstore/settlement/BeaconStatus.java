package org.shardledger.chainstore.settlement;

/** Whether an epoch's beacon was recorded, as far as the confirmed chain can tell. */
public enum BeaconStatus {
  /** Recorded on chain (and confirmed): the epoch was audited. */
  RECORDED,
  /** The 256 blocks in which it could be recorded are confirmed and it was not: the epoch is unaudited. */
  MISSING,
  /** Not recorded yet, and it still could be (or that is not confirmed yet). */
  UNDECIDED
}
