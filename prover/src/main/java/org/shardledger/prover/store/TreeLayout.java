package org.shardledger.prover.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.shardledger.protocol.bytes.Bytes32;
import org.shardledger.protocol.merkle.ShardCommitment;

/**
 * Where each node of a shard's RFC 9162 tree lives in its tree cache file: a 64-byte header, then every level from
 * the leaf hashes up to the root, 32 bytes a node (a lone last node of a level is promoted to the next level, as in
 * {@code MerkleTree}).
 *
 * <pre>
 * header: 8 bytes magic "SLTREE\0\1" | u32 segmentSize | u32 0 | u64 size | u64 leafCount | bytes32 root
 * </pre>
 */
final class TreeLayout {
  static final int HEADER = 64;
  private static final byte[] MAGIC = "SLTREE\0\1".getBytes(StandardCharsets.US_ASCII);

  private final long[] widths;
  private final long[] offsets;
  private final long length;

  TreeLayout(long leafCount) {
    int levels = 0;
    for (long w = leafCount; w > 0; w = w == 1 ? 0 : (w + 1) / 2) {
      levels++;
    }
    widths = new long[levels];
    offsets = new long[levels];
    long offset = HEADER;
    long w = leafCount;
    for (int level = 0; level < levels; level++) {
      widths[level] = w;
      offsets[level] = offset;
      offset += w * Bytes32.SIZE;
      w = (w + 1) / 2;
    }
    length = offset;
  }

  static TreeLayout of(ShardCommitment commitment) {
    return new TreeLayout(commitment.segmentCount());
  }

  int levels() {
    return widths.length;
  }

  long width(int level) {
    return widths[level];
  }

  long position(int level, long index) {
    return offsets[level] + index * Bytes32.SIZE;
  }

  /** Bytes of the whole file. */
  long length() {
    return length;
  }

  static ByteBuffer header(ShardCommitment c) {
    ByteBuffer b = ByteBuffer.allocate(HEADER);
    b.put(MAGIC).putInt(c.segmentSize()).putInt(0).putLong(c.size()).putLong(c.segmentCount()).put(c.root().toArray());
    return b.flip();
  }

  /** Reads a header back; throws when it is not one. */
  static ShardCommitment parseHeader(ByteBuffer b) {
    byte[] magic = new byte[MAGIC.length];
    b.get(magic);
    if (!Arrays.equals(magic, MAGIC)) {
      throw new IllegalArgumentException("not a tree cache file");
    }
    int segmentSize = b.getInt();
    b.getInt();
    long size = b.getLong();
    long leaves = b.getLong();
    byte[] root = new byte[Bytes32.SIZE];
    b.get(root);
    ShardCommitment c = new ShardCommitment(Bytes32.of(root), size, segmentSize);
    if (c.segmentCount() != leaves) {
      throw new IllegalArgumentException("tree header says " + leaves + " leaves for " + size + " bytes");
    }
    return c;
  }
}
