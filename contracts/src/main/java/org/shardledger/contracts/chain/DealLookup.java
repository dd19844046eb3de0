package org.shardledger.contracts.chain;

/** A deal read from the chain, range-checked: there, not there, or there with terms the node cannot hold. */
public sealed interface DealLookup {
  record Found(DealRecord record) implements DealLookup {}

  record Absent() implements DealLookup {}

  /** The chain has this deal, but a field does not fit (e.g. a last epoch ≥ 2^63): ineligible for this node. */
  record Unusable(long dealId, String reason) implements DealLookup {}
}
