package org.shardledger.prover.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.merkle.MerkleHasher;

/** Cuts a byte stream into segments and feeds their RFC 9162 leaf hashes to a {@link TreeBuilder}. */
final class SegmentHasher {
  private final TreeBuilder builder;
  private final MerkleHasher hasher = new MerkleHasher();
  private final byte[] segment;
  private final byte[] leaf = new byte[Bytes32.SIZE];
  private int filled;
  private long size;

  SegmentHasher(int segmentSize, TreeBuilder builder) {
    this.segment = new byte[segmentSize];
    this.builder = builder;
  }

  /** Consumes {@code data} (its position moves to its limit). */
  void update(ByteBuffer data) throws IOException {
    size += data.remaining();
    while (data.hasRemaining()) {
      int n = Math.min(data.remaining(), segment.length - filled);
      data.get(segment, filled, n);
      filled += n;
      if (filled == segment.length) {
        emit();
      }
    }
  }

  long size() {
    return size;
  }

  /** Hashes the short last segment, if any. */
  void finish() throws IOException {
    if (filled > 0) {
      emit();
    }
  }

  private void emit() throws IOException {
    hasher.leaf(segment, 0, filled, leaf, 0);
    builder.addLeaf(leaf, 0);
    filled = 0;
  }
}
