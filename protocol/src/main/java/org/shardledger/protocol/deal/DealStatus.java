package org.shardledger.protocol.deal;

/** Where a deal stands on chain. Only ACTIVE deals are audited. */
public enum DealStatus {
  /** Proposed and escrowed, waiting for the operator's signed acceptance. */
  PROPOSED,
  /** Accepted by the operator and activated by the owner. */
  ACTIVE,
  /** Never activated; the escrow went back to the owner. */
  CANCELLED,
  /**
   * Was active and ended on chain: its owner ended it early, a settlement terminated it, or it was closed after
   * its period. Not audited, not disputable; its escrow is settled through the payout tree.
   */
  ENDED
}
