package org.shardledger.client.manifest;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import org.shardledger.protocol.bytes.Bytes32;

/** One shard of a part: its index (share i of every stripe), its RFC 9162 commitment, and deal hints. */
public record ManifestShard(int index, Bytes32 root, long size, int segmentSize, List<BigInteger> deals) {
  public ManifestShard {
    Objects.requireNonNull(root, "root");
    deals = List.copyOf(deals);
    if (index < 0 || index > 255) {
      throw new IllegalArgumentException("shard index must be 0-255: " + index);
    }
    if (size < 0) {
      throw new IllegalArgumentException("shard size must be non-negative: " + size);
    }
    if (segmentSize < 256 || segmentSize > (1 << 20) || Integer.bitCount(segmentSize) != 1) {
      throw new IllegalArgumentException("segment size must be a power of two from 256 to 1048576: " + segmentSize);
    }
    for (BigInteger deal : deals) {
      if (deal.signum() < 0 || deal.bitLength() > 256) {
        throw new IllegalArgumentException("a deal id is a uint256: " + deal);
      }
    }
  }
}
