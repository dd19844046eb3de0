package org.shardledger.client.layout;

import java.util.Objects;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.merkle.ShardCommitment;

/** One shard of a part: its index (share index in every stripe) and its RFC 9162 commitment. */
public record ShardInfo(int index, Bytes32 root, long size, int segmentSize) {
  public ShardInfo {
    if (index < 0 || index >= 256) {
      throw new IllegalArgumentException("shard index must be in [0, 256), got " + index);
    }
    Objects.requireNonNull(root, "root");
    if (size < 0) {
      throw new IllegalArgumentException("shard size must not be negative: " + size);
    }
    ShardCommitment.checkSegmentSize(segmentSize);
  }

  public static ShardInfo of(int index, ShardCommitment commitment) {
    return new ShardInfo(index, commitment.root(), commitment.size(), commitment.segmentSize());
  }

  public ShardCommitment commitment() {
    return new ShardCommitment(root, size, segmentSize);
  }
}
