package org.shardledger.protocol.merkle;

import java.nio.ByteBuffer;
import org.shardledger.protocol.bytes.Bytes32;

/**
 * Commits a shard fed in pieces of any size, on one thread, in memory of one segment plus O(log n) hashes.
 * {@link ShardHasher} is the parallel variant for files and streams.
 */
public final class CommitmentBuilder {
  private final int segmentSize;
  private final MerkleHasher hasher = new MerkleHasher();
  private final SubtreeStack stack = new SubtreeStack(hasher);
  private final byte[] segment;
  private final byte[] leaf = new byte[Bytes32.SIZE];
  private int filled;
  private long size;
  private boolean finished;

  public CommitmentBuilder(int segmentSize) {
    this.segmentSize = ShardCommitment.checkSegmentSize(segmentSize);
    this.segment = new byte[segmentSize];
  }

  public CommitmentBuilder update(byte[] data) {
    return update(data, 0, data.length);
  }

  public CommitmentBuilder update(byte[] data, int offset, int length) {
    if (finished) {
      throw new IllegalStateException("commitment already finished");
    }
    size += length;
    while (length > 0) {
      if (filled == 0 && length >= segmentSize) {
        hasher.leaf(data, offset, segmentSize, leaf, 0);
        stack.push(0, leaf, 0);
        offset += segmentSize;
        length -= segmentSize;
        continue;
      }
      int n = Math.min(length, segmentSize - filled);
      System.arraycopy(data, offset, segment, filled, n);
      filled += n;
      offset += n;
      length -= n;
      if (filled == segmentSize) {
        hasher.leaf(segment, 0, segmentSize, leaf, 0);
        stack.push(0, leaf, 0);
        filled = 0;
      }
    }
    return this;
  }

  public CommitmentBuilder update(ByteBuffer data) {
    byte[] chunk = new byte[Math.min(data.remaining(), 64 * 1024)];
    while (data.hasRemaining()) {
      int n = Math.min(chunk.length, data.remaining());
      data.get(chunk, 0, n);
      update(chunk, 0, n);
    }
    return this;
  }

  public long size() {
    return size;
  }

  public ShardCommitment finish() {
    finished = true;
    if (filled > 0) {
      hasher.leaf(segment, 0, filled, leaf, 0);
      stack.push(0, leaf, 0);
      filled = 0;
    }
    return new ShardCommitment(stack.root(null), size, segmentSize);
  }
}
