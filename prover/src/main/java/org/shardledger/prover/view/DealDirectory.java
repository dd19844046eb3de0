package org.shardledger.prover.view;

import java.io.IOException;
import java.util.Optional;

/**
 * Looks deals up by id: what was proposed on chain and its status. The chain-backed implementation (contracts
 * module) may block on RPC; the node calls it off the event loop.
 */
@FunctionalInterface
public interface DealDirectory {
  /**
   * The deal, or empty when the chain (as far as the node has followed it) has no deal with this id, or has one
   * whose terms do not fit the node's types (see {@link #unusable}).
   */
  Optional<DealView> find(long dealId) throws IOException;

  /** Why the chain's deal of this id is unusable (a field out of range), when it is; such a deal is ineligible. */
  default Optional<String> unusable(long dealId) throws IOException {
    return Optional.empty();
  }
}
