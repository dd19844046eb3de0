package org.shardledger.ledger;

/**
 * The ledger's countable events, as its status log sees them; {@link #NONE} records nothing. The node module
 * implements it with Micrometer, so the ledger stays free of any metrics library. Levels (credits, epochs settled,
 * follower lag) are read from {@link LedgerNode}, not pushed here.
 */
public interface LedgerMetrics {
  LedgerMetrics NONE = new LedgerMetrics() {};

  default void reportAccepted() {}

  /** A verifier's report refused ({@code reason}: the rejection's code, e.g. NOT_A_VERIFIER). */
  default void reportRejected(String reason) {}

  /** A settlement of epochs {@code fromEpoch..epoch} confirmed on chain. */
  default void settled(long fromEpoch, long epoch) {}

  /** A verifier refused, was not ready or unreachable when asked to sign. */
  default void signatureMissing(String why) {}
}
