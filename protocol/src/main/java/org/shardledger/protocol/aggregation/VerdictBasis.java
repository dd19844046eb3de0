package org.shardledger.protocol.aggregation;

/** What a deal's verdict for an epoch rests on. */
public enum VerdictBasis {
  /** The t-of-n count of the verifiers' reports. */
  AUDITED,
  /** The epoch's beacon was never recorded: nothing could be audited, and the epoch pays as PASS. */
  BEACON_MISSING,
  /**
   * The deal was first seen active after these epochs had been settled without it, so nobody audited it for them;
   * like an unaudited epoch, it pays as PASS (docs/decisions/0033).
   */
  NOT_AUDITED
}
