package org.shardledger.prover.chain;

import java.io.IOException;
import java.util.Optional;

/**
 * Looks deals up by id: what was proposed on chain and its status. The chain-backed implementation (contracts
 * module) may block on RPC; the node calls it off the event loop.
 */
@FunctionalInterface
public interface DealDirectory {
  /** The deal, or empty when the chain (as far as the node has followed it) has no deal with this id. */
  Optional<DealView> find(long dealId) throws IOException;
}
