package org.shardledger.ledger.settlement;

/** What one step of the settler did. */
public enum Progress {
  /** Nothing is ready to settle. */
  IDLE,
  /** Computed a settlement and made it pending. */
  PROPOSED,
  /** Asked the verifiers; fewer than t signatures so far. */
  SIGNING,
  /** t signatures are in. */
  SIGNED,
  /** Sent the settlement (or found it settled already). */
  SUBMITTED,
  /** Waiting for the chain mirror to confirm the settlement. */
  WAITING,
  /** The settlement is confirmed and recorded. */
  CONFIRMED,
  /** The chain refused the settlement, or settled the epoch differently: needs a person. */
  STUCK
}
