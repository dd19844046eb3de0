package org.shardledger.node.owner;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.crypto.Address;
import org.shardledger.protocol.deal.Deal;

/**
 * Where the owner's commands look up a shard's deals by root and an operator's registration: a ledger's
 * {@code deal_findByRoot} and {@code operator_get} ({@link LedgerDeals}), or a scan of the chain's events
 * ({@link ChainIndex}) when no ledger is known.
 */
public interface DealDirectory {
  /** The active deals of the shard with this root. */
  List<Deal> active(Bytes32 root) throws IOException;

  /** The operator as its registration and updates left it; empty when it is not registered. */
  Optional<ChainIndex.OperatorEntry> operator(Address operator) throws IOException;

  /** The shard's holders in {@code epoch}: its active deals whose period still covers it. */
  default List<Deal> holding(Bytes32 root, long epoch) throws IOException {
    return active(root).stream().filter(d -> d.lastEpoch() >= epoch).toList();
  }
}
