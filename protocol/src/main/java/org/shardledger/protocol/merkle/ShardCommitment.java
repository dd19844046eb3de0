package org.shardledger.protocol.merkle;

import java.util.Objects;
import org.shardledger.protocol.bytes.Bytes32;

/**
 * What a deal commits to: the RFC 9162 Merkle Tree Hash of a shard cut into segments of {@code segmentSize} bytes
 * (the last one may be short), the shard's size in bytes and the segment size.
 */
public record ShardCommitment(Bytes32 root, long size, int segmentSize) {
  public static final int MIN_SEGMENT_SIZE = 256;
  public static final int MAX_SEGMENT_SIZE = 1 << 20;
  public static final int DEFAULT_SEGMENT_SIZE = 4096;

  public ShardCommitment {
    Objects.requireNonNull(root, "root");
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative: " + size);
    }
    checkSegmentSize(segmentSize);
  }

  /** Throws with a clear message unless the segment size is a power of two in [256, 1 MiB]. */
  public static int checkSegmentSize(int segmentSize) {
    if (segmentSize < MIN_SEGMENT_SIZE || segmentSize > MAX_SEGMENT_SIZE || Integer.bitCount(segmentSize) != 1) {
      throw new IllegalArgumentException(
          "segment size must be a power of two between 256 and 1048576 bytes, got " + segmentSize);
    }
    return segmentSize;
  }

  public static long segmentCount(long size, int segmentSize) {
    return size == 0 ? 0 : (size - 1) / segmentSize + 1;
  }

  public long segmentCount() {
    return segmentCount(size, segmentSize);
  }

  /** Length of segment {@code index}: the segment size, or what is left for the last one. */
  public int segmentLength(long index) {
    long count = segmentCount();
    if (index < 0 || index >= count) {
      throw new IndexOutOfBoundsException("segment " + index + " of " + count);
    }
    return index < count - 1 ? segmentSize : (int) (size - (count - 1) * segmentSize);
  }
}
