package org.shardledger.node.owner;

import java.util.ArrayList;
import java.util.List;
import org.shardledger.client.retrieval.Holder;
import org.shardledger.client.retrieval.ShardLocator;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.deal.Deal;
import org.shardledger.protocol.deal.DealStatus;

/** Holders of a shard by its root: the active deals the chain has for it, at their operators' endpoints. */
public final class ChainShardLocator implements ShardLocator {
  private final ChainIndex index;

  public ChainShardLocator(ChainIndex index) {
    this.index = index;
  }

  @Override
  public List<Holder> holders(Bytes32 root) {
    List<Holder> out = new ArrayList<>();
    for (Deal d : index.byRoot(root, DealStatus.ACTIVE)) {
      index.operator(d.operator()).flatMap(o -> ChainOwner.endpoint(o.endpoint()))
          .ifPresent(e -> out.add(new Holder(d.id(), d.operator(), e)));
    }
    return out;
  }
}
