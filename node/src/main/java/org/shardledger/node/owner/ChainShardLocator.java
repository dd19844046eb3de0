package org.shardledger.node.owner;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.shardledger.client.retrieval.Holder;
import org.shardledger.client.retrieval.ShardLocator;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.deal.Deal;

/**
 * Holders of a shard by its root: the active deals a {@link DealDirectory} (a ledger, or the chain) has for it, at
 * their operators' registered endpoints.
 */
public final class ChainShardLocator implements ShardLocator {
  private final DealDirectory deals;

  public ChainShardLocator(DealDirectory deals) {
    this.deals = deals;
  }

  @Override
  public List<Holder> holders(Bytes32 root) throws IOException {
    List<Holder> out = new ArrayList<>();
    for (Deal d : deals.active(root)) {
      deals.operator(d.operator()).flatMap(o -> ChainOwner.endpoint(o.endpoint()))
          .ifPresent(e -> out.add(new Holder(d.id(), d.operator(), e)));
    }
    return out;
  }
}
