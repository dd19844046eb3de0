package org.shardledger.client.retrieval;

import java.io.IOException;
import java.util.List;
import org.shardledger.protocol.bytes.Bytes32;

/**
 * Who holds a shard, by its root (DESIGN.md, "Locating shards"): the active deals the chain knows for that root and
 * their operators' registered endpoints. A repaired or renewed shard keeps its root, so this never goes stale.
 */
@FunctionalInterface
public interface ShardLocator {
  /** The holders of {@code root}, the ones to try first first; empty when none is known. */
  List<Holder> holders(Bytes32 root) throws IOException;
}
